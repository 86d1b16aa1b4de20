/**
 * UI figures, measured in headless Chromium against the production build: boot time, frame times from
 * requestAnimationFrame while the cluster churns at 100x (a rolling update and a node kill) at two
 * sizes, and the time from dropping a manifest to its first pod tile. Figures that need parts of the
 * cluster not wired yet (adding nodes, kubelets) are left out rather than reported as zero.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Page } from '@playwright/test';

const ROOT = new URL('..', import.meta.url).pathname;
const LAUNCH = ['--disable-gpu', '--disable-quic', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startPreview(port: number): Promise<ChildProcess> {
  const child = spawn(`${ROOT}node_modules/.bin/vite`, ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      if (r.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('vite preview did not start');
}

type Remote = { [k: string]: (...a: unknown[]) => Promise<{ ok: boolean; message: string } | unknown> };

/** Calls a worker service through the page's test hooks. */
function call(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ({ method, args }) => {
      const w = window as unknown as { __sandbox: { remote: () => Remote } };
      return w.__sandbox.remote()[method]!(...args);
    },
    { method, args },
  );
}

function podCount(page: Page, status?: string): Promise<number> {
  return page.evaluate((status) => document.querySelectorAll(status ? `[data-testid^="pod-default-"][data-status="${status}"]` : '[data-testid^="pod-default-"]').length, status);
}

function deployment(name: string, replicas: number): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      containers:',
    '      - name: app',
    '        image: nginx:1.27',
    '        resources:',
    '          requests:',
    '            cpu: 10m',
    '            memory: 16Mi',
    '',
  ].join('\n');
}

async function waitFor(fn: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fn()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** p95 of frame intervals (ms) over `ms` of real time. */
async function frameP95(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        const gaps: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (now: number) => {
          gaps.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else {
            gaps.sort((a, b) => a - b);
            resolve(Math.round((gaps[Math.floor(gaps.length * 0.95)] ?? 0) * 10) / 10);
          }
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

async function open(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const at = await page.waitForFunction(
    () => {
      const w = window as unknown as { __bootAt?: number };
      if (!document.querySelector('[data-testid="component-etcd"]')) return undefined;
      w.__bootAt ??= performance.now();
      return w.__bootAt;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return Math.round((await at.jsonValue()) as number);
}

/** Grows the cluster to `nodes` nodes and `pods` default-namespace pods; false when it cannot. */
async function grow(page: Page, nodes: number, pods: number): Promise<boolean> {
  const existing = await page.evaluate(() => document.querySelectorAll('[data-testid^="node-"][data-status]').length);
  for (let i = existing; i < nodes; i++) {
    const r = (await call(page, 'addNode', { cpu: 8, memory: 32, pods: 110 })) as { ok: boolean };
    if (!r.ok) return false;
  }
  await call(page, 'setSpeed', 100);
  await call(page, 'apply', deployment('load', pods), 'load.yaml');
  return waitFor(async () => (await podCount(page, 'Running')) >= pods * 0.95, 90_000);
}

async function churnFrames(page: Page): Promise<number> {
  await call(page, 'restartRollout', { group: 'apps', resource: 'deployments', namespace: 'default', name: 'load' });
  const names = await page.evaluate(() => [...document.querySelectorAll('[data-testid^="node-"][data-status="Ready"]')].map((e) => (e.getAttribute('data-testid') ?? '').slice(5)));
  const victim = names[names.length - 1];
  if (victim) await call(page, 'killNode', victim);
  return frameP95(page, 5000);
}

/**
 * Rendering alone, without the control plane: a synthetic cluster handed to the page's mirror, with 1%
 * of pods changing status every 100 ms, frames measured for 4 s. Tells the page's own cost apart from
 * the worker's, and works before kubelets exist.
 */
async function renderP95(page: Page, nodes: number, pods: number): Promise<number> {
  return page.evaluate(
    async ({ nodes, pods }) => {
      type Store = { getState(): { revision: number; time: number; applyDelta(d: unknown): void } };
      const st = (window as unknown as { __sandbox: { cluster: Store } }).__sandbox.cluster;
      const send = (added: unknown[], updated: unknown[], removed: string[]) => {
        const s = st.getState();
        s.applyDelta({ revision: s.revision, time: s.time, added, updated, removed, speed: 1, paused: true });
      };
      const node = (i: number) => ({
        key: `/registry/minions/synthetic-${i}`,
        object: { apiVersion: 'v1', kind: 'Node', metadata: { name: `synthetic-${i}` }, spec: {}, status: { allocatable: { cpu: '8', memory: '32Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] } },
      });
      const pod = (i: number, running: boolean) => ({
        key: `/registry/pods/synthetic/p-${i}`,
        object: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `p-${i}`, namespace: 'synthetic' },
          spec: { nodeName: `synthetic-${i % nodes}`, containers: [{ name: 'a', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
          status: { phase: running ? 'Running' : 'Pending', containerStatuses: [{ name: 'a', ready: running, restartCount: 0, state: running ? { running: {} } : { waiting: { reason: 'ContainerCreating' } } }] },
        },
      });
      const added: { key: string }[] = [];
      for (let i = 0; i < nodes; i++) added.push(node(i));
      for (let i = 0; i < pods; i++) added.push(pod(i, true));
      send(added, [], []);
      await new Promise((r) => setTimeout(r, 1500));
      let flip = 0;
      const churn = setInterval(() => {
        const updated = [];
        for (let j = 0; j < pods / 100; j++) updated.push(pod((flip * 37 + j * 101) % pods, flip++ % 2 === 0));
        send([], updated, []);
      }, 100);
      const gaps: number[] = [];
      let last = performance.now();
      await new Promise<void>((resolve) => {
        const end = last + 4000;
        const tick = (now: number) => {
          gaps.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      clearInterval(churn);
      send([], [], added.map((a) => a.key));
      gaps.sort((a, b) => a - b);
      return Math.round((gaps[Math.floor(gaps.length * 0.95)] ?? 0) * 10) / 10;
    },
    { nodes, pods },
  );
}

export async function benchUi(): Promise<Record<string, number>> {
  execFileSync(`${ROOT}node_modules/.bin/vite`, ['build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'ignore' });
  const port = await freePort();
  const server = await startPreview(port);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx compiles the functions handed to page.evaluate with esbuild's keepNames helper; give the page one.
  await context.addInitScript('window.__name = (f) => f;');
  const url = `http://127.0.0.1:${port}/`;
  const out: Record<string, number> = {};
  try {
    const page = await context.newPage();
    out['ui.bootMs'] = await open(page, url);

    // Drop to the first pod tile (Pending counts: the ReplicaSet controller made it).
    const dropMs = await page.evaluate(async (text) => {
      const target = document.querySelector('[data-testid="canvas"]')!;
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'first.yaml', { type: 'application/yaml' }));
      const t0 = performance.now();
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      return new Promise<number>((resolve) => {
        const check = () => (document.querySelector('[data-testid^="pod-default-first-"]') ? resolve(performance.now() - t0) : requestAnimationFrame(check));
        check();
        setTimeout(() => resolve(-1), 15_000);
      });
    }, deployment('first', 1));
    if (dropMs >= 0) out['ui.dropToFirstPodMs'] = Math.round(dropMs);
    await page.close();

    for (const [label, nodes, pods] of [
      ['n20p500', 20, 500],
      ['n100p3000', 100, 3000],
    ] as const) {
      const r = await context.newPage();
      await open(r, url);
      await call(r, 'pause');
      out[`ui.renderP95Ms.${label}`] = await renderP95(r, nodes, pods);
      await r.close();
      const p = await context.newPage();
      await open(p, url);
      if (await grow(p, nodes, pods)) out[`ui.frameP95Ms.${label}`] = await churnFrames(p);
      await p.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return out;
}
