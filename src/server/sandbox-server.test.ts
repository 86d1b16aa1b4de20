import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from '../cluster/cluster.ts';
import { SandboxServer } from './sandbox-server.ts';
import { loadOrCreateTls, type TlsMaterial } from './tls-material.ts';
import { call, type TestRequest } from './test-client.ts';
import { MAX_BODY_BYTES } from './request-guard.ts';

const TOKEN = 'test-token-0123456789';
let tls: TlsMaterial;
let cluster: Cluster;
let server: SandboxServer;

const get = (r: TestRequest) => call(server.port, tls.caCert, { token: TOKEN, ...r });

beforeAll(async () => {
  tls = await loadOrCreateTls(join(tmpdir(), 'kube-sandbox-test-state'));
  cluster = new Cluster({ seed: 3 });
  server = await SandboxServer.start({ cluster, tls, token: TOKEN, port: 0, speed: 1, manualClock: true });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('safety', () => {
  it('answers 401 Unauthorized without the token, or with a wrong one', async () => {
    for (const token of [undefined, 'wrong']) {
      const res = await call(server.port, tls.caCert, { path: '/api/v1/namespaces', ...(token ? { token } : {}) });
      expect(res.status).toBe(401);
      expect(res.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    }
  });

  it('refuses a Host that is not loopback, even with the token', async () => {
    const res = await get({ path: '/version', host: 'attacker.example:6443' });
    expect(res.status).toBe(403);
    expect((res.json() as { reason: string }).reason).toBe('Forbidden');
    expect((await get({ path: '/version', host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('sends no CORS headers', async () => {
    const res = await get({ path: '/version', headers: { Origin: 'https://evil.example' } });
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('refuses bodies over 3 MiB with 413', async () => {
    const res = await get({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', headers: { 'Content-Type': 'application/json' }, body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20) });
    expect(res.status).toBe(413);
  });

  it('cannot listen anywhere but 127.0.0.1', async () => {
    await expect(SandboxServer.start({ cluster, tls, token: TOKEN, port: 0, host: '0.0.0.0', speed: 1, manualClock: true })).rejects.toThrow('refusing to listen on 0.0.0.0');
  });
});

describe('discovery and REST', () => {
  it('serves /version, /api, /apis and group versions', async () => {
    expect((await get({ path: '/version' })).json()).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.0-sandbox' });
    expect((await get({ path: '/api' })).json()).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    expect((await get({ path: '/apis' })).json()).toMatchObject({ kind: 'APIGroupList' });
    expect((await get({ path: '/apis/apps/v1' })).json()).toMatchObject({ kind: 'APIResourceList', groupVersion: 'apps/v1' });
    expect((await get({ path: '/apis/apps/v2' })).status).toBe(404);
  });

  it('creates, reads as Table, patches and deletes', async () => {
    const json = { 'Content-Type': 'application/json' };
    const created = await get({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', headers: json, body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c1', labels: { app: 'a' } }, data: { k: 'v' } }) });
    expect(created.status).toBe(201);
    const table = await get({ path: '/api/v1/namespaces/default/configmaps?labelSelector=app%3Da', headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } });
    expect(table.json()).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', rows: [{ cells: ['c1', 1, '0s'], object: { kind: 'PartialObjectMetadata', metadata: { name: 'c1' } } }] });
    const patched = await get({ method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/c1', headers: { 'Content-Type': 'application/merge-patch+json' }, body: '{"data":{"k2":"v2"}}' });
    expect((patched.json() as { data: unknown }).data).toEqual({ k: 'v', k2: 'v2' });
    const bad = await get({ method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/c1', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(bad.status).toBe(415);
    const strict = await get({ method: 'POST', path: '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', headers: json, body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c2' }, extra: 1 }) });
    expect(strict.status).toBe(400);
    expect((strict.json() as { message: string }).message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "extra"');
    const deleted = await get({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/c1', headers: json, body: '{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"}' });
    expect(deleted.json()).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'c1', kind: 'configmaps' } });
    const missing = await get({ path: '/api/v1/namespaces/default/configmaps/c1' });
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ reason: 'NotFound', message: 'configmaps "c1" not found', code: 404 });
  });

  it('lists in pages with limit and continue', async () => {
    for (const n of ['p1', 'p2', 'p3']) {
      await get({ method: 'POST', path: '/api/v1/namespaces/default/secrets', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: n } }) });
    }
    const first = (await get({ path: '/api/v1/namespaces/default/secrets?limit=2' })).json() as { items: { metadata: { name: string } }[]; metadata: { continue?: string } };
    expect(first.items.map((i) => i.metadata.name)).toEqual(['p1', 'p2']);
    const rest = (await get({ path: `/api/v1/namespaces/default/secrets?limit=2&continue=${encodeURIComponent(first.metadata.continue!)}` })).json() as { items: { metadata: { name: string } }[] };
    expect(rest.items.map((i) => i.metadata.name)).toEqual(['p3']);
  });

  it('streams watch events as JSON lines, from a resourceVersion, until timeoutSeconds', async () => {
    const rv = cluster.store.revision();
    const lines: { type: string; object: { metadata: { name: string } } }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: `/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}&timeoutSeconds=1`, ca: tls.caCert, servername: 'localhost', headers: { Authorization: `Bearer ${TOKEN}`, Host: `127.0.0.1:${server.port}` } },
        (res) => {
          let buf = '';
          res.on('data', (c: Buffer) => {
            buf += c.toString('utf8');
            let nl;
            while ((nl = buf.indexOf('\n')) >= 0) {
              lines.push(JSON.parse(buf.slice(0, nl)) as (typeof lines)[number]);
              buf = buf.slice(nl + 1);
            }
          });
          res.on('end', () => resolve());
        },
      );
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    await get({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w1' } }) });
    await get({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/w1' });
    await done;
    expect(lines.map((l) => [l.type, l.object.metadata.name])).toEqual([
      ['ADDED', 'w1'],
      ['DELETED', 'w1'],
    ]);
  });
});

describe('sandbox controls', () => {
  it('reads and advances the manual clock', async () => {
    const before = (await get({ path: '/sandbox/v1/clock' })).json() as { nowMs: number; manual: boolean };
    expect(before.manual).toBe(true);
    const after = (await get({ method: 'POST', path: '/sandbox/v1/clock/advance', body: '{"seconds": 90}' })).json() as { nowMs: number; now: string };
    expect(after.nowMs - before.nowMs).toBe(90_000);
    expect((await get({ method: 'POST', path: '/sandbox/v1/clock/advance', body: '{"seconds": -1}' })).status).toBe(400);
    expect((await get({ method: 'POST', path: '/sandbox/v1/clock/speed', body: '{"speed": 2}' })).status).toBe(409);
  });

  it('answers node controls the cluster does not offer yet with 501', async () => {
    const hasKill = typeof (cluster as unknown as { killNode?: unknown }).killNode === 'function';
    const res = await get({ method: 'POST', path: '/sandbox/v1/nodes/worker-1/kill' });
    if (!hasKill) expect(res.status).toBe(501);
    else expect(res.status).not.toBe(501);
    expect((await get({ path: '/sandbox/v1/nope' })).status).toBe(404);
  });
});
