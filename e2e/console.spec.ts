import { expect, test } from '@playwright/test';
import { openCluster } from './live.ts';

/** The kubectl console in the dock prints what kubectl prints, against the live cluster in the worker. */
test('kubectl get nodes in the console lists the 4 nodes', async ({ page }) => {
  await openCluster(page);
  await page.getByRole('tab', { name: 'Console' }).click();
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl get nodes');
  await input.press('Enter');
  const out = page.getByRole('log', { name: 'kubectl output' }).locator('pre').last();
  await expect(out).toContainText('NAME            STATUS   ROLES           AGE');
  const text = (await out.textContent()) ?? '';
  const rows = text.trim().split('\n').slice(1);
  expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
  for (const r of rows) expect(r).toMatch(/^\S+\s+Ready\s+/);

  await input.fill('kubectl get pod nope');
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'kubectl output' }).locator('pre').last()).toHaveText('Error from server (NotFound): pods "nope" not found\n');

  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl get pod nope');
  await input.fill('kubectl ge');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl get ');
  await page.screenshot({ path: 'e2e/screenshots/console.png' });
});
