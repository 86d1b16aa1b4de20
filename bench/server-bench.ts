/**
 * The headless server, end to end over HTTPS on loopback:
 * - server.getPodsTableMs.p1000: one `kubectl get pods`-style request (Table Accept header) for 1,000
 *   pods, from request to last byte, median of 20 runs;
 * - server.watchEventsPerSec: watch events a client receives per second when its watch starts from a
 *   resourceVersion 5,000 ConfigMap creations ago (encoding, TLS and parsing; not the creates).
 */
import { request } from 'node:https';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from '../src/cluster/cluster.ts';
import { USER } from '../src/cluster/api/types.ts';
import { SandboxServer } from '../src/server/sandbox-server.ts';
import { loadOrCreateTls } from '../src/server/tls-material.ts';

const TOKEN = 'bench-token';
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

function fetchText(port: number, ca: string, path: string, accept: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, ca, servername: 'localhost', headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${TOKEN}`, Accept: accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchServer(): Promise<Record<string, number>> {
  const tls = await loadOrCreateTls(join(tmpdir(), 'kube-sandbox-bench-state'));
  const cluster = new Cluster({ seed: 1, scheduler: false });
  for (let i = 0; i < 1000; i++) {
    cluster.api.create(
      { group: '', resource: 'pods', namespace: 'default' },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}`, labels: { app: `web-${i % 20}` } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
      { actor: USER },
    );
  }
  const server = await SandboxServer.start({ cluster, tls, token: TOKEN, port: 0, speed: 0, manualClock: true });
  try {
    const times: number[] = [];
    for (let i = 0; i < 22; i++) {
      const t0 = performance.now();
      const text = await fetchText(server.port, tls.caCert, '/api/v1/namespaces/default/pods?limit=500', TABLE_ACCEPT);
      const t1 = performance.now();
      if (i >= 2) times.push(t1 - t0);
      if (!text.startsWith('{"kind":"Table"')) throw new Error(`not a Table: ${text.slice(0, 200)}`);
    }
    // kubectl pages at 500; a full 1,000-pod listing is two such requests, measured together here.
    const full: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const first = JSON.parse(await fetchText(server.port, tls.caCert, '/api/v1/namespaces/default/pods?limit=500', TABLE_ACCEPT)) as { metadata: { continue?: string } };
      await fetchText(server.port, tls.caCert, `/api/v1/namespaces/default/pods?limit=500&continue=${encodeURIComponent(first.metadata.continue ?? '')}`, TABLE_ACCEPT);
      full.push(performance.now() - t0);
    }

    const EVENTS = 5000;
    const fromRevision = cluster.store.revision();
    for (let i = 0; i < EVENTS; i++) {
      cluster.api.create({ group: '', resource: 'configmaps', namespace: 'default' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { k: String(i) } }, { actor: USER });
    }
    const received = await new Promise<{ ms: number; count: number }>((resolve, reject) => {
      let count = 0;
      const start = performance.now();
      const req = request(
        { host: '127.0.0.1', port: server.port, path: `/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${fromRevision}`, ca: tls.caCert, servername: 'localhost', headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}` } },
        (res) => {
          res.on('data', (c: Buffer) => {
            for (const b of c) if (b === 10) count++;
            if (count >= EVENTS) {
              resolve({ ms: performance.now() - start, count });
              req.destroy();
            }
          });
        },
      );
      req.on('error', (e) => (isReset(e) ? undefined : reject(e)));
      req.end();
    });
    return {
      'server.getPodsTableMs.p1000': Math.round(median(full) * 10) / 10,
      'server.getPodsTablePage500Ms': Math.round(median(times) * 10) / 10,
      'server.watchEventsPerSec': Math.round((received.count / received.ms) * 1000),
    };
  } finally {
    await server.close();
  }
}

/** A destroyed request reports ECONNRESET after we have what we came for. */
function isReset(e: unknown): boolean {
  return (e as { code?: string }).code === 'ECONNRESET';
}

if (process.argv[1]?.endsWith('server-bench.ts')) {
  void benchServer().then((r) => process.stdout.write(JSON.stringify(r) + '\n'));
}
