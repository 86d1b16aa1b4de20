import { expect, test, type Page } from '@playwright/test';
import { demoObjects } from './fixtures/demo-cluster.ts';

/**
 * The page's drawing, checked on a hand-made cluster (see fixtures/demo-cluster.ts) so it does not
 * depend on the control plane: every status colour, a NotReady node with its countdown, a cordoned
 * node, the Pending queue, the inspector and both views, in both themes, at 1280x800.
 */
async function showFixture(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('cluster-status')).toHaveAttribute('data-status', 'Running');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.evaluate((objects) => {
    const w = window as unknown as { __sandbox: { cluster: { getState(): { revision: number; time: number; applyDelta(d: unknown): void } } } };
    const s = w.__sandbox.cluster.getState();
    w.__sandbox.cluster.getState().applyDelta({ revision: s.revision, time: s.time, added: objects, updated: [], removed: [], speed: 1, paused: true });
  }, demoObjects(Date.UTC(2026, 0, 1)));
}

test('the canvas draws nodes, pods in every status, and the Pending queue', async ({ page }) => {
  await showFixture(page);
  await expect(page.getByTestId('node-worker-2')).toHaveAttribute('data-status', 'NotReady');
  await expect(page.getByTestId('node-worker-1')).toHaveAttribute('data-status', 'Ready');
  await expect(page.getByTestId('node-control-plane')).toHaveAttribute('data-status', 'Ready');
  await expect(page.getByTestId('pod-default-crasher')).toHaveAttribute('data-status', 'CrashLoopBackOff');
  await expect(page.getByTestId('pod-default-typo')).toHaveAttribute('data-status', 'ImagePullBackOff');
  await expect(page.getByTestId('pod-default-web-7d4b9c-m4n5b')).toHaveAttribute('data-status', 'Terminating');
  await expect(page.getByTestId('pod-default-report-5xk2c')).toHaveAttribute('data-status', 'Completed');
  await expect(page.getByTestId('pod-default-huge')).toHaveAttribute('data-node', '');
  await expect(page.getByTestId('pending-queue').getByTestId('pod-default-huge')).toBeVisible();
  await expect(page.getByTestId('eviction-countdown')).toContainText('evicting pods in');
  await page.screenshot({ path: 'e2e/screenshots/10-fixture-canvas.png' });
});

test('selecting a pending pod opens the inspector with its FailedScheduling event', async ({ page }) => {
  await showFixture(page);
  await page.getByTestId('pod-default-huge').click();
  await expect(page.getByTestId('inspector')).toContainText('0/4 nodes are available');
  await expect(page.getByTestId('inspector-status')).toContainText('Pending');
  await page.screenshot({ path: 'e2e/screenshots/11-fixture-inspector.png' });
});

test('a node context menu offers the node actions', async ({ page }) => {
  await showFixture(page);
  await page.getByTestId('node-worker-1').getByRole('button', { name: 'Select node worker-1' }).click({ button: 'right' });
  for (const name of ['Kill node', 'Cordon', 'Drain', 'Delete node']) await expect(page.getByRole('menuitem', { name })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/12-fixture-menu.png' });
  await page.keyboard.press('Escape');
  await page.getByTestId('node-worker-2').getByRole('button', { name: 'Select node worker-2' }).click();
  await expect(page.getByRole('button', { name: 'Start node' })).toBeVisible();
});

test('events, narration, the ownership view and the light theme', async ({ page }) => {
  await showFixture(page);
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByTestId('event-row').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Narration' }).click();
  await expect(page.getByTestId('narration')).toContainText('2 pods missing for web-7d4b9c');
  await page.screenshot({ path: 'e2e/screenshots/13-fixture-narration.png' });
  await page.getByRole('radio', { name: 'Ownership' }).click();
  await expect(page.getByTestId('owner-deployment-default-web')).toBeVisible();
  await page.getByTestId('owner-deployment-default-web').getByRole('button').first().click();
  await page.screenshot({ path: 'e2e/screenshots/14-fixture-ownership.png' });
  await page.getByRole('radio', { name: 'Infrastructure' }).click();
  await page.getByRole('button', { name: 'Light theme' }).click();
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.screenshot({ path: 'e2e/screenshots/15-fixture-light.png' });
});
