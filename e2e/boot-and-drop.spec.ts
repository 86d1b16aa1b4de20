import { expect, test } from '@playwright/test';
import { dropFile } from './drop.ts';

test('the page boots a live cluster in a worker', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('cluster-status')).toHaveAttribute('data-status', 'Running');
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    await expect(page.getByTestId(`namespace-${ns}`)).toHaveAttribute('data-status', 'Active');
  }
  const rev = Number(await page.getByTestId('store-revision').textContent());
  expect(rev).toBeGreaterThan(4);
  // The virtual clock runs.
  await expect.poll(async () => Number(await page.getByTestId('clock').getAttribute('data-seconds')), { timeout: 5000 }).toBeGreaterThan(0);
  await page.screenshot({ path: 'e2e/screenshots/01-boot.png' });
});

test('a dropped manifest is applied, document by document', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('cluster-status')).toHaveAttribute('data-status', 'Running');
  await dropFile(
    page,
    'team.yaml',
    ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: team-a', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', '  namespace: team-a', 'data:', '  mode: fast', ''].join('\n'),
  );
  await expect(page.getByTestId('apply-outcome')).toHaveText(['namespace/team-a created', 'configmap/settings created']);
  await expect(page.getByTestId('namespace-team-a')).toHaveAttribute('data-status', 'Active');
  await page.screenshot({ path: 'e2e/screenshots/02-drop-applied.png' });
});

test('a broken manifest shows its error with the line and changes nothing', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('cluster-status')).toHaveAttribute('data-status', 'Running');
  await page.getByRole('button', { name: 'Pause' }).click();
  const before = await page.getByTestId('store-revision').textContent();
  await dropFile(page, 'broken.yaml', ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: broken', 'data:', '  key: value', '   bad: indent: here', ''].join('\n'));
  const error = page.getByTestId('apply-error');
  await expect(error).toHaveCount(1);
  await expect(error).toContainText('line 6');
  await expect(error).toContainText('mapping values are not allowed in this context');
  await expect(page.getByTestId('store-revision')).toHaveText(before ?? '');
  await page.screenshot({ path: 'e2e/screenshots/03-drop-error.png' });
});
