import { expect, test } from '@playwright/test';
import { dropFile } from './drop.ts';
import { nodeNames, openCluster, podsLike } from './live.ts';

/**
 * The five flows of the sandbox page (issue 6, "Done when"), against the live cluster in the worker.
 * Each saves a screenshot under e2e/screenshots/.
 */

const WEB = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 6',
  '  selector:',
  '    matchLabels:',
  '      app: web',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: web',
  '    spec:',
  '      containers:',
  '      - name: nginx',
  '        image: nginx:1.27',
  '        resources:',
  '          requests:',
  '            cpu: 100m',
  '            memory: 64Mi',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector:',
  '    app: web',
  '  ports:',
  '  - port: 80',
  '',
].join('\n');

const running = (pods: { status: string }[]) => pods.filter((p) => p.status === 'Running').length;

test('1: the page opens on a live cluster: the control plane and three Ready workers with system pods', async ({ page }) => {
  await openCluster(page);
  for (const c of ['etcd', 'apiserver', 'controller-manager', 'scheduler']) await expect(page.getByTestId(`component-${c}`)).toBeVisible();
  await expect.poll(async () => page.locator('[data-testid^="node-"][data-status="Ready"]').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  await expect.poll(async () => running(await podsLike(page, 'kube-system', '')), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: 'e2e/screenshots/20-live-boot.png' });
});

test('2: a dropped Deployment of 6 and a Service end with 6 Running pods spread across workers', async ({ page }) => {
  await openCluster(page);
  await page.getByRole('button', { name: 'Speed 10x' }).click();
  await dropFile(page, 'web.yaml', WEB);
  await expect(page.getByTestId('apply-outcome')).toHaveText(['deployment.apps/web created', 'service/web created']);
  await expect.poll(async () => running(await podsLike(page, 'default', 'web-')), { timeout: 40_000 }).toBe(6);
  const nodes = new Set((await podsLike(page, 'default', 'web-')).map((p) => p.node));
  expect(nodes.size).toBeGreaterThan(1);
  await page.getByRole('tab', { name: 'Events' }).click();
  for (const reason of ['ScalingReplicaSet', 'Scheduled', 'Pulled', 'Started']) {
    await expect(page.locator(`[data-testid="event-row"][data-reason="${reason}"]`).first()).toBeVisible({ timeout: 10_000 });
  }
  await page.screenshot({ path: 'e2e/screenshots/21-live-deployment.png' });
});

test('3: at 100x, killing a worker: NotReady, its pods Terminating, replacements Running elsewhere', async ({ page }) => {
  test.setTimeout(120_000);
  await openCluster(page);
  await page.getByRole('button', { name: 'Speed 10x' }).click();
  await dropFile(page, 'web.yaml', WEB);
  await expect.poll(async () => running(await podsLike(page, 'default', 'web-')), { timeout: 40_000 }).toBe(6);
  // The worker with the most web pods.
  const counts = new Map<string, number>();
  for (const p of await podsLike(page, 'default', 'web-')) counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
  const victim = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const victims = (await podsLike(page, 'default', 'web-')).filter((p) => p.node === victim).map((p) => p.name);
  await page.getByRole('button', { name: 'Speed 100x' }).click();
  await page.getByRole('button', { name: `Select node ${victim}` }).click();
  await page.getByTestId('inspector').getByRole('button', { name: 'Kill node' }).click();
  await expect(page.getByTestId(`node-${victim}`)).toHaveAttribute('data-status', 'NotReady', { timeout: 20_000 });
  await expect(page.getByTestId(`node-${victim}`).getByTestId('eviction-countdown')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/22-live-node-notready.png' });
  await expect(page.getByTestId(`pod-default-${victims[0]}`)).toHaveAttribute('data-status', 'Terminating', { timeout: 30_000 });
  await expect
    .poll(async () => (await podsLike(page, 'default', 'web-')).filter((p) => p.status === 'Running' && p.node !== victim).length, { timeout: 40_000 })
    .toBe(6);
  await page.getByRole('radio', { name: 'Ownership' }).click();
  await expect(page.getByTestId('owner-deployment-default-web')).toContainText('6/6 ready', { timeout: 20_000 });
  await page.getByRole('radio', { name: 'Infrastructure' }).click();
  await page.screenshot({ path: 'e2e/screenshots/23-live-node-killed.png' });
});

test('4: a broken file shows its error with the line, and the cluster is unchanged', async ({ page }) => {
  await openCluster(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const before = await page.getByTestId('store-revision').textContent();
  const nodesBefore = await nodeNames(page);
  const broken = WEB.split('\n').slice(0, 21).join('\n').replace('  replicas: 6', '  replicas: 6\n   oops: [unclosed');
  await dropFile(page, 'broken.yaml', broken);
  const error = page.getByTestId('apply-error');
  await expect(error).toHaveCount(1);
  await expect(error).toContainText(/line \d+/);
  await expect(page.getByTestId('store-revision')).toHaveText(before ?? '');
  expect(await nodeNames(page)).toEqual(nodesBefore);
  await expect(page.locator('[data-testid^="pod-default-web-"]')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/24-live-broken.png' });
});

test('5: a too-big pod stays Pending and the inspector says why, node by node', async ({ page }) => {
  await openCluster(page);
  await page.getByTestId('example-too-big').dragTo(page.getByTestId('canvas'));
  const huge = page.getByTestId('pod-default-huge');
  await expect(huge).toHaveAttribute('data-status', 'Pending', { timeout: 15_000 });
  await expect(huge).toHaveAttribute('data-node', '');
  await expect(page.getByTestId('pending-queue').getByTestId('pod-default-huge')).toBeVisible();
  await huge.click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('0/4 nodes are available:', { timeout: 15_000 });
  await expect(inspector.getByTestId('decision-rejected')).toHaveCount(4, { timeout: 15_000 });
  await page.screenshot({ path: 'e2e/screenshots/25-live-too-big.png' });
});
