import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { DEPLOYMENT, POD, REPLICA_SET } from '../../client/client.ts';
import { FakeKubelet, Harness } from '../node-lifecycle/test-harness.ts';
import { GarbageCollector } from './garbage-collector.ts';

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
};

function ownerRef(o: KubeObject, opts: Partial<OwnerReference> = {}): OwnerReference {
  return {
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.metadata.name!,
    uid: o.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
    ...opts,
  };
}

/** A cluster with one live node, a dead one, the collector, and helpers to make owners. */
function setup() {
  const h = new Harness();
  const live = new FakeKubelet(h, 'worker-1').start();
  const dead = new FakeKubelet(h, 'worker-2').start();
  dead.kill();
  const gc = new GarbageCollector(h.ctx);
  gc.start();
  const replicaSet = (name: string, owner?: KubeObject) =>
    h.user.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: 'default', ...(owner ? { ownerReferences: [ownerRef(owner)] } : {}) },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
    });
  const deployment = (name: string) =>
    h.user.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
    });
  const pods = (owner: KubeObject, node: string, names: string[], ref: Partial<OwnerReference> = {}) =>
    names.forEach((n) =>
      h.createPod(n, node, { ownerReferences: [ownerRef(owner, ref)], labels: { app: 'web' } }),
    );
  const rs = (name: string) => h.user.get(REPLICA_SET, 'default', name);
  return { h, live, gc, replicaSet, deployment, pods, rs };
}

describe('garbage collector', () => {
  it('background: the ReplicaSet goes at once, then its pods are deleted (and confirmed by a live kubelet)', () => {
    const { h, replicaSet, pods, rs } = setup();
    const owner = replicaSet('web');
    pods(owner, 'worker-1', ['web-a', 'web-b']);
    pods(owner, 'worker-2', ['web-c']);
    h.advance(1);
    h.user.delete(REPLICA_SET, 'default', 'web', { propagationPolicy: 'Background' });
    expect(rs('web')).toBeUndefined();
    h.advance(1);
    expect(['web-a', 'web-b', 'web-c'].map((p) => h.podStatus(p))).toEqual([
      '<gone>',
      '<gone>',
      'Terminating',
    ]);
  });

  it('foreground: the ReplicaSet waits with foregroundDeletion until its blocking pods are gone', () => {
    const { h, replicaSet, pods, rs } = setup();
    const owner = replicaSet('web');
    pods(owner, 'worker-2', ['web-a', 'web-b']);
    h.advance(1);
    h.user.delete(REPLICA_SET, 'default', 'web', { propagationPolicy: 'Foreground' });
    h.advance(1);
    expect(rs('web')?.metadata.deletionTimestamp).toBeDefined();
    expect(rs('web')?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect([h.podStatus('web-a'), h.podStatus('web-b')]).toEqual(['Terminating', 'Terminating']);

    h.user.delete(POD, 'default', 'web-a', { gracePeriodSeconds: 0 });
    h.advance(1);
    expect(rs('web')).toBeDefined();
    h.user.delete(POD, 'default', 'web-b', { gracePeriodSeconds: 0 });
    h.advance(1);
    expect(rs('web')).toBeUndefined();
  });

  it('foreground: dependents without blockOwnerDeletion are deleted but do not hold the owner', () => {
    const { h, replicaSet, pods, rs } = setup();
    const owner = replicaSet('web');
    pods(owner, 'worker-2', ['web-a'], { blockOwnerDeletion: false });
    h.advance(1);
    h.user.delete(REPLICA_SET, 'default', 'web', { propagationPolicy: 'Foreground' });
    h.advance(1);
    expect(rs('web')).toBeUndefined();
    expect(h.podStatus('web-a')).toBe('Terminating');
  });

  it('foreground through a chain: Deployment -> ReplicaSet -> pods, each owner going after its dependents', () => {
    const { h, replicaSet, deployment, pods, rs } = setup();
    const d = deployment('web');
    const owner = replicaSet('web-5d4f8c', d);
    pods(owner, 'worker-1', ['web-5d4f8c-a', 'web-5d4f8c-b']);
    h.advance(1);
    h.user.delete(DEPLOYMENT, 'default', 'web', { propagationPolicy: 'Foreground' });
    h.advance(1);
    expect(h.podStatus('web-5d4f8c-a')).toBe('<gone>');
    expect(rs('web-5d4f8c')).toBeUndefined();
    expect(h.user.get(DEPLOYMENT, 'default', 'web')).toBeUndefined();
  });

  it('orphan: the ReplicaSet goes and its pods stay Running without the reference', () => {
    const { h, replicaSet, pods, rs } = setup();
    const owner = replicaSet('web');
    pods(owner, 'worker-1', ['web-a', 'web-b']);
    h.advance(1);
    h.user.delete(REPLICA_SET, 'default', 'web', { propagationPolicy: 'Orphan' });
    expect(rs('web')?.metadata.finalizers).toEqual(['orphan']);
    h.advance(1);
    expect(rs('web')).toBeUndefined();
    expect([h.podStatus('web-a'), h.podStatus('web-b')]).toEqual(['Running', 'Running']);
    expect(h.pod('web-a')!.metadata.ownerReferences).toBeUndefined();
  });

  it('background through a chain: deleting a Deployment removes its ReplicaSet and then the pods', () => {
    const { h, replicaSet, deployment, pods, rs } = setup();
    const d = deployment('web');
    const owner = replicaSet('web-5d4f8c', d);
    pods(owner, 'worker-1', ['web-5d4f8c-a']);
    h.advance(1);
    h.user.delete(DEPLOYMENT, 'default', 'web');
    h.advance(1);
    expect(rs('web-5d4f8c')).toBeUndefined();
    expect(h.podStatus('web-5d4f8c-a')).toBe('<gone>');
  });

  it('treats a reference whose uid the live owner does not have as a deleted owner', () => {
    const { h, replicaSet } = setup();
    const owner = replicaSet('web');
    h.createPod('impostor', 'worker-1', {
      ownerReferences: [{ ...ownerRef(owner), uid: '00000000-0000-0000-0000-000000000000' }],
    });
    h.createPod('child', 'worker-1', { ownerReferences: [ownerRef(owner)] });
    h.advance(1);
    expect(h.podStatus('impostor')).toBe('<gone>');
    expect(h.podStatus('child')).toBe('Running');
  });

  it('keeps a dependent that still has a live owner, dropping only the dangling reference', () => {
    const { h, replicaSet, rs } = setup();
    const a = replicaSet('a');
    const b = replicaSet('b');
    h.createPod('shared', 'worker-1', { ownerReferences: [ownerRef(a), ownerRef(b, { controller: false })] });
    h.advance(1);
    h.user.delete(REPLICA_SET, 'default', 'a');
    h.advance(1);
    expect(rs('a')).toBeUndefined();
    expect(h.podStatus('shared')).toBe('Running');
    expect(h.pod('shared')!.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
  });

  it('collects objects of any kind, e.g. a ConfigMap owned by a deleted pod', () => {
    const { h } = setup();
    const pod = h.createPod('owner-pod', 'worker-1');
    h.user.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: 'default', ownerReferences: [ownerRef(pod, { controller: false })] },
      data: { a: '1' },
    });
    h.advance(1);
    h.user.delete(POD, 'default', 'owner-pod');
    h.advance(1);
    expect(h.podStatus('owner-pod')).toBe('<gone>');
    expect(h.user.get({ apiVersion: 'v1', kind: 'ConfigMap' }, 'default', 'cm')).toBeUndefined();
  });
});
