import { describe, expect, it } from 'vitest';
import { apiFixture, statusOf, storeDump, TEST_USER } from '../testing/api-fixture.ts';
import type { KubeObject } from './types.ts';
import type { ApiWatchEvent } from './watch-stream.ts';

const cm = (name: string, data: Record<string, string> = { a: '1' }, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, ...(labels ? { labels } : {}) },
  data,
});

describe('create', () => {
  it('fills uid, creationTimestamp, namespace and resourceVersion = store revision', () => {
    const fx = apiFixture();
    const rev = fx.store.revision();
    const obj = fx.create('configmaps', cm('a'));
    expect(obj.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(obj.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(obj.metadata.namespace).toBe('default');
    expect(obj.metadata.resourceVersion).toBe(String(rev + 1));
    expect(fx.store.revision()).toBe(rev + 1);
    expect(Object.isFrozen(obj)).toBe(true);
  });

  it('generates names from generateName with 5 characters of the kube alphabet', () => {
    const fx = apiFixture();
    const obj = fx.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-' } });
    expect(obj.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('refuses a duplicate with AlreadyExists', () => {
    const fx = apiFixture();
    fx.create('configmaps', cm('a'));
    const s = statusOf(() => fx.create('configmaps', cm('a')));
    expect(s).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'configmaps "a" already exists', details: { name: 'a', kind: 'configmaps' } });
  });

  it('refuses a missing namespace with NotFound and a terminating one with Forbidden', () => {
    const fx = apiFixture();
    expect(statusOf(() => fx.create('configmaps', cm('a'), { namespace: 'nope' }))).toMatchObject({ code: 404, message: 'namespaces "nope" not found' });
  });

  it('refuses a body whose namespace differs from the request', () => {
    const fx = apiFixture();
    const s = statusOf(() => fx.api.create(fx.req('configmaps', 'default'), { ...cm('a'), metadata: { name: 'a', namespace: 'kube-system' } }, { actor: TEST_USER }));
    expect(s).toMatchObject({ code: 400, message: 'the namespace of the provided object does not match the namespace sent on the request' });
  });

  it('validates names in Kubernetes words', () => {
    const fx = apiFixture();
    const s = statusOf(() => fx.create('configmaps', cm('Bad_Name')));
    expect(s.code).toBe(422);
    expect(s.reason).toBe('Invalid');
    expect(s.message).toBe(
      `ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  });

  it('rejects unknown fields under Strict validation', () => {
    const fx = apiFixture();
    const s = statusOf(() => fx.create('configmaps', { ...cm('a'), dataa: {} }));
    expect(s.code).toBe(400);
    expect(s.message).toContain('unknown field "dataa"');
  });

  it('warns about unknown fields under Warn and keeps going', () => {
    const fx = apiFixture();
    const warnings: string[] = [];
    fx.create('configmaps', { ...cm('a'), dataa: {} }, { fieldValidation: 'Warn', warnings });
    expect(warnings).toEqual(['unknown field "dataa"']);
  });

  it('dry run stores nothing', () => {
    const fx = apiFixture();
    const before = storeDump(fx.cluster);
    const obj = fx.create('configmaps', cm('a'), { dryRun: true });
    expect(obj.metadata.name).toBe('a');
    expect(storeDump(fx.cluster)).toBe(before);
  });
});

describe('get and list', () => {
  it('gets NotFound in Kubernetes words for a group resource', () => {
    const fx = apiFixture();
    expect(statusOf(() => fx.get('deployments', 'web'))).toMatchObject({ code: 404, reason: 'NotFound', message: 'deployments.apps "web" not found', details: { name: 'web', group: 'apps', kind: 'deployments' } });
  });

  it('lists with label selectors, including set-based ones', () => {
    const fx = apiFixture();
    fx.create('configmaps', cm('a', {}, { app: 'web', tier: 'front' }));
    fx.create('configmaps', cm('b', {}, { app: 'web', tier: 'back' }));
    fx.create('configmaps', cm('c', {}, { app: 'db' }));
    const names = (sel: string) => fx.list('configmaps', { labelSelector: sel }).items.map((o) => o.metadata.name);
    expect(names('app=web')).toEqual(['a', 'b']);
    expect(names('app=web,tier!=front')).toEqual(['b']);
    expect(names('tier in (front,back)')).toEqual(['a', 'b']);
    expect(names('!tier')).toEqual(['c']);
    expect(names('app notin (web)')).toEqual(['c']);
  });

  it('lists with field selectors and refuses unsupported fields', () => {
    const fx = apiFixture();
    fx.create('configmaps', cm('a'));
    fx.create('configmaps', cm('b'));
    expect(fx.list('configmaps', { fieldSelector: 'metadata.name=b' }).items.map((o) => o.metadata.name)).toEqual(['b']);
    expect(fx.list('configmaps', { fieldSelector: 'metadata.name!=b' }).items.map((o) => o.metadata.name)).toEqual(['a']);
    expect(statusOf(() => fx.list('configmaps', { fieldSelector: 'spec.nodeName=x' }))).toMatchObject({ code: 400, message: 'field label not supported: spec.nodeName' });
  });

  it('lists across namespaces and pages consistently with continue tokens', () => {
    const fx = apiFixture();
    for (let i = 0; i < 5; i++) fx.create('configmaps', cm(`c${i}`));
    fx.create('configmaps', cm('other'), { namespace: 'kube-system' });
    const all = fx.api.list({ group: '', resource: 'configmaps' }, {}, TEST_USER);
    expect(all.items).toHaveLength(6);
    const page1 = fx.list('configmaps', { limit: 2 });
    expect(page1.items.map((o) => o.metadata.name)).toEqual(['c0', 'c1']);
    fx.create('configmaps', cm('c11')); // written after the first page: not in this snapshot
    const page2 = fx.list('configmaps', { limit: 2, continue: page1.metadata.continue! });
    expect(page2.items.map((o) => o.metadata.name)).toEqual(['c2', 'c3']);
    const page3 = fx.list('configmaps', { limit: 2, continue: page2.metadata.continue! });
    expect(page3.items.map((o) => o.metadata.name)).toEqual(['c4']);
    expect(page3.metadata.continue).toBeUndefined();
    expect(page3.metadata.resourceVersion).toBe(page1.metadata.resourceVersion);
  });

  it('reads an exact old revision (time travel) and refuses compacted ones with 410', () => {
    const fx = apiFixture();
    const v1 = fx.create('configmaps', cm('a', { v: '1' }));
    fx.update('configmaps', { ...v1, data: { v: '2' } });
    const old = fx.list('configmaps', { resourceVersion: v1.metadata.resourceVersion, resourceVersionMatch: 'Exact' });
    expect(old.items[0]!.data).toEqual({ v: '1' });
    fx.store.compact(fx.store.revision());
    const s = statusOf(() => fx.list('configmaps', { resourceVersion: v1.metadata.resourceVersion, resourceVersionMatch: 'Exact' }));
    expect(s).toMatchObject({ code: 410, reason: 'Expired' });
  });
});

describe('update', () => {
  it('returns 409 Conflict on a stale resourceVersion', () => {
    const fx = apiFixture();
    const a = fx.create('configmaps', cm('a'));
    fx.update('configmaps', { ...a, data: { a: '2' } });
    const s = statusOf(() => fx.update('configmaps', { ...a, data: { a: '3' } }));
    expect(s).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('keeps uid and creationTimestamp, and writes nothing for a no-op update', () => {
    const fx = apiFixture();
    const a = fx.create('configmaps', cm('a'));
    const rev = fx.store.revision();
    const same = fx.update('configmaps', { ...a, metadata: { ...a.metadata, uid: undefined, creationTimestamp: '2020-01-01T00:00:00Z' } } as KubeObject);
    expect(same.metadata.uid).toBe(a.metadata.uid);
    expect(fx.store.revision()).toBe(rev);
  });

  it('bumps generation on spec changes only, and status goes through the status subresource', () => {
    const fx = apiFixture();
    const dep = fx.create('deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    });
    expect(dep.metadata.generation).toBe(1);
    const labelled = fx.update('deployments', { ...dep, metadata: { ...dep.metadata, labels: { x: 'y' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = fx.update('deployments', { ...labelled, spec: { ...(labelled.spec as object), replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
    // status written on the main resource is ignored...
    const ignored = fx.update('deployments', { ...scaled, status: { replicas: 3 } });
    expect(ignored.status).toEqual(scaled.status);
    // ...and through /status it is kept, while spec changes there are ignored.
    const withStatus = fx.update('deployments', { ...scaled, spec: { ...(scaled.spec as object), replicas: 9 }, status: { replicas: 3 } }, { subresource: 'status' });
    expect(withStatus.status).toEqual({ replicas: 3 });
    expect((withStatus.spec as { replicas: number }).replicas).toBe(3);
    expect(withStatus.metadata.generation).toBe(2);
  });
});

describe('patch', () => {
  it('applies merge, JSON and strategic merge patches', () => {
    const fx = apiFixture();
    fx.create('configmaps', cm('a', { a: '1', b: '2' }));
    expect(fx.patch('configmaps', 'a', 'merge', { data: { b: null, c: '3' } }).data).toEqual({ a: '1', c: '3' });
    expect(fx.patch('configmaps', 'a', 'json', [{ op: 'replace', path: '/data/a', value: 'x' }]).data).toEqual({ a: 'x', c: '3' });
    expect(fx.patch('configmaps', 'a', 'strategic', { metadata: { labels: { l: 'v' } } }).metadata.labels).toEqual({ l: 'v' });
  });

  it('merges containers by name in a strategic merge patch', () => {
    const fx = apiFixture();
    fx.create('deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx:1' }, { name: 'b', image: 'redis:7' }] } } },
    });
    const out = fx.patch('deployments', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'b', image: 'redis:8' }] } } } });
    const containers = (out.spec as { template: { spec: { containers: { name: string; image: string }[] } } }).template.spec.containers;
    expect(containers.map((c) => `${c.name}=${c.image}`)).toEqual(['a=nginx:1', 'b=redis:8']);
  });

  it('patches the scale subresource', () => {
    const fx = apiFixture();
    fx.create('replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } } },
    });
    const scale = fx.patch('replicasets', 'rs', 'merge', { spec: { replicas: 4 } }, { subresource: 'scale' });
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 4 } });
    expect((fx.get('replicasets', 'rs').spec as { replicas: number }).replicas).toBe(4);
  });

  it('a failing JSON patch test op changes nothing', () => {
    const fx = apiFixture();
    fx.create('configmaps', cm('a'));
    const before = storeDump(fx.cluster);
    const s = statusOf(() => fx.patch('configmaps', 'a', 'json', [{ op: 'test', path: '/data/a', value: 'nope' }, { op: 'remove', path: '/data' }]));
    expect(s.code).toBeGreaterThanOrEqual(400);
    expect(storeDump(fx.cluster)).toBe(before);
  });
});

describe('delete', () => {
  const pod = (name: string, nodeName?: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'nginx' }] },
  });

  it('deletes an unscheduled pod at once', () => {
    const fx = apiFixture();
    fx.create('pods', pod('p'));
    fx.del('pods', 'p');
    expect(statusOf(() => fx.get('pods', 'p')).code).toBe(404);
  });

  it('marks a bound pod with deletionTimestamp and grace, and removes it when grace 0 follows', () => {
    const fx = apiFixture();
    fx.create('pods', pod('p', 'worker-1'));
    const marked = fx.del('pods', 'p');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(fx.get('pods', 'p').metadata.deletionTimestamp).toBeDefined();
    fx.del('pods', 'p', { gracePeriodSeconds: 0 });
    expect(statusOf(() => fx.get('pods', 'p')).code).toBe(404);
  });

  it('finalizers hold an object until they are removed', () => {
    const fx = apiFixture();
    const a = fx.create('configmaps', { ...cm('a'), metadata: { name: 'a', finalizers: ['example.com/hold'] } });
    fx.del('configmaps', 'a');
    const held = fx.get('configmaps', 'a');
    expect(held.metadata.deletionTimestamp).toBeDefined();
    fx.update('configmaps', { ...held, metadata: { ...held.metadata, finalizers: [] } });
    expect(statusOf(() => fx.get('configmaps', 'a')).code).toBe(404);
    expect(a.metadata.uid).toBeDefined();
  });

  it('records the propagation policy as a finalizer', () => {
    const fx = apiFixture();
    fx.create('configmaps', cm('a'));
    fx.create('configmaps', cm('b'));
    expect(fx.del('configmaps', 'a', { propagationPolicy: 'Orphan' }).metadata.finalizers).toEqual(['orphan']);
    expect(fx.del('configmaps', 'b', { propagationPolicy: 'Foreground' }).metadata.finalizers).toEqual(['foregroundDeletion']);
  });

  it('checks preconditions', () => {
    const fx = apiFixture();
    fx.create('configmaps', cm('a'));
    expect(statusOf(() => fx.del('configmaps', 'a', { preconditions: { uid: 'other' } }))).toMatchObject({ code: 409 });
  });

  it('refuses to delete the default namespace', () => {
    const fx = apiFixture();
    expect(statusOf(() => fx.del('namespaces', 'default'))).toMatchObject({ code: 403, message: 'namespaces "default" is forbidden: this namespace may not be deleted' });
  });

  it('deletes collections by selector', () => {
    const fx = apiFixture();
    fx.create('configmaps', cm('a', {}, { x: '1' }));
    fx.create('configmaps', cm('b', {}, { x: '1' }));
    fx.create('configmaps', cm('c'));
    fx.api.deleteCollection(fx.req('configmaps'), { labelSelector: 'x=1' }, {}, { actor: TEST_USER });
    expect(fx.list('configmaps').items.map((o) => o.metadata.name)).toEqual(['c']);
  });
});

describe('watch', () => {
  it('streams ADDED, MODIFIED, DELETED with the actor, from a resourceVersion', () => {
    const fx = apiFixture();
    const start = String(fx.store.revision());
    const seen: ApiWatchEvent[] = [];
    fx.api.watch(fx.req('configmaps'), { resourceVersion: start }, TEST_USER, (e) => seen.push(e as ApiWatchEvent));
    const a = fx.create('configmaps', cm('a'));
    fx.update('configmaps', { ...a, data: { a: '2' } });
    fx.del('configmaps', 'a');
    expect(seen.map((e) => `${e.type} ${e.object.metadata.name} ${e.actor?.name}`)).toEqual(['ADDED a user', 'MODIFIED a user', 'DELETED a user']);
    expect(Number(seen[2]!.object.metadata.resourceVersion)).toBe(fx.store.revision());
  });

  it('starts with ADDED for existing objects when no resourceVersion is given', () => {
    const fx = apiFixture();
    fx.create('configmaps', cm('a'));
    const seen: string[] = [];
    fx.api.watch(fx.req('configmaps'), {}, TEST_USER, (e) => seen.push(`${e.type} ${(e.object as KubeObject).metadata.name}`));
    fx.create('configmaps', cm('b'));
    expect(seen).toEqual(['ADDED a', 'ADDED b']);
  });

  it('turns label changes into ADDED and DELETED for a filtered watch', () => {
    const fx = apiFixture();
    const a = fx.create('configmaps', cm('a', {}, { app: 'x' }));
    const seen: string[] = [];
    fx.api.watch(fx.req('configmaps'), { resourceVersion: a.metadata.resourceVersion!, labelSelector: 'app=y' }, TEST_USER, (e) => seen.push(e.type));
    const b = fx.update('configmaps', { ...a, metadata: { ...a.metadata, labels: { app: 'y' } } });
    const c = fx.update('configmaps', { ...b, data: { z: '1' } });
    fx.update('configmaps', { ...c, metadata: { ...c.metadata, labels: { app: 'x' } } });
    expect(seen).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('answers a compacted resourceVersion with an ERROR event carrying 410 Expired', () => {
    const fx = apiFixture();
    const a = fx.create('configmaps', cm('a'));
    const b = fx.update('configmaps', { ...a, data: { a: '2' } });
    fx.update('configmaps', { ...b, data: { a: '3' } });
    fx.store.compact(fx.store.revision());
    const seen: { type: string; object: unknown }[] = [];
    fx.api.watch(fx.req('configmaps'), { resourceVersion: a.metadata.resourceVersion! }, TEST_USER, (e) => seen.push(e));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
    expect((seen[0]!.object as { message: string }).message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });
});

describe('pods/binding', () => {
  it('binds a pod once and sets PodScheduled', () => {
    const fx = apiFixture();
    fx.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const bound = fx.api.bind('default', 'p', 'worker-1', { actor: { name: 'default-scheduler', component: 'kube-scheduler' } });
    expect((bound.spec as { nodeName: string }).nodeName).toBe('worker-1');
    expect((bound.status as { conditions: { type: string; status: string }[] }).conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }));
    const s = statusOf(() => fx.api.bind('default', 'p', 'worker-2', { actor: TEST_USER }));
    expect(s).toMatchObject({ code: 409, message: 'Operation cannot be fulfilled on pods "p": pod p is already assigned to node "worker-1"' });
  });
});

describe('determinism', () => {
  it('same seed and same commands give the same store, byte for byte', () => {
    const run = (seed: number) => {
      const fx = apiFixture(seed);
      for (let i = 0; i < 20; i++) fx.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'x-' }, data: { i: String(i) } });
      fx.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
      fx.cluster.advance(5000);
      return storeDump(fx.cluster);
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });
});
