import { expect, type Page } from '@playwright/test';

/** Opens the page and waits for the live cluster. */
export async function openCluster(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('cluster-status')).toHaveAttribute('data-status', 'Running');
}

/**
 * Whether the cluster has registered nodes within a few seconds. Until kubelets are wired into Cluster
 * there are none, and the flows that need them are skipped with that reason (delete this guard once
 * they are wired: from then on a missing node is a failure).
 */
export async function hasNodes(page: Page): Promise<boolean> {
  try {
    await expect(page.locator('[data-testid^="node-"][data-status="Ready"]').first()).toBeVisible({ timeout: 8000 });
    return true;
  } catch {
    return false;
  }
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
