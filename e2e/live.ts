import { expect, type Page } from '@playwright/test';

/** Opens the page and waits for the live cluster. */
export async function openCluster(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('cluster-status')).toHaveAttribute('data-status', 'Running');
}

/** Names of the nodes the canvas shows with a status. */
export async function nodeNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="node-"][data-status]').evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').slice('node-'.length)));
}

/** Pods whose test id starts with `pod-<ns>-<prefix>`: status and node of each. */
export async function podsLike(page: Page, ns: string, prefix: string): Promise<{ name: string; status: string; node: string }[]> {
  return page.locator(`[data-testid^="pod-${ns}-${prefix}"]`).evaluateAll((els, ns) =>
    els.map((e) => ({ name: (e.getAttribute('data-testid') ?? '').slice(`pod-${ns}-`.length), status: e.getAttribute('data-status') ?? '', node: e.getAttribute('data-node') ?? '' })),
  ns);
}
