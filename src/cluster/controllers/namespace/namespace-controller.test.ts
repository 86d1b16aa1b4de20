import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { NAMESPACE, POD, REPLICA_SET } from '../../client/client.ts';
import { FakeKubelet, Harness } from '../node-lifecycle/test-harness.ts';
import { GarbageCollector } from '../garbage-collector/garbage-collector.ts';
import { NamespaceController } from './namespace-controller.ts';
import type { NamespaceCondition } from './namespace-conditions.ts';

function setup() {
  const h = new Harness();
  const live = new FakeKubelet(h, 'worker-1').start();
  const dead = new FakeKubelet(h, 'worker-2').start();
  dead.kill();
  new NamespaceController(h.ctx).start();
  new GarbageCollector(h.ctx).start();
  h.user.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  const ns = () => h.user.get(NAMESPACE, undefined, 'shop');
  const phase = () => (ns()?.status as { phase?: string } | undefined)?.phase ?? '<gone>';
  const conditions = () =>
    Object.fromEntries(
      (((ns()?.status as { conditions?: NamespaceCondition[] }) ?? {}).conditions ?? []).map((c) => [
        c.type,
        `${c.status} ${c.reason}: ${c.message}`,
      ]),
    );
  return { h, live, ns, phase, conditions };
}

const replicaSet = (name: string, namespace: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'app', image: 'nginx' }] },
    },
  },
});

describe('namespace controller', () => {
  it('deletes the contents of a terminating namespace, waits for its pods, then the namespace goes', () => {
    const { h, phase, conditions, ns } = setup();
    h.user.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'shop' },
      data: { a: '1' },
    });
    h.user.create(replicaSet('cart', 'shop'));
    h.createPod('cart-1', 'worker-1', { namespace: 'shop' });
    h.advance(1);

    h.user.delete(NAMESPACE, undefined, 'shop');
    expect(phase()).toBe('Terminating');
    expect((ns()!.spec as { finalizers: string[] }).finalizers).toEqual(['kubernetes']);
    // Nothing new may be created in it.
    expect(() =>
      h.user.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'shop' } }),
    ).toThrow(/because it is being terminated/);

    h.advance(0.001);
    // The first pass deleted everything; the pod was Terminating (its kubelet confirmed at once), so
    // the controller looks again after 30/2 + 1 = 16 s.
    expect(h.user.get({ apiVersion: 'v1', kind: 'ConfigMap' }, 'shop', 'settings')).toBeUndefined();
    expect(h.user.get(REPLICA_SET, 'shop', 'cart')).toBeUndefined();
    expect(conditions().NamespaceContentRemaining).toBe(
      'True SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances',
    );
    expect(conditions().NamespaceDeletionDiscoveryFailure).toBe(
      'False ResourcesDiscovered: All resources successfully discovered',
    );
    expect(conditions().NamespaceFinalizersRemaining).toBe(
      'False ContentHasNoFinalizers: All content-preserving finalizers finished',
    );
    h.advance(1);
    expect(h.podStatus('cart-1', 'shop')).toBe('<gone>');
    expect(phase()).toBe('Terminating');
    const goneAt = h.advanceUntil(() => phase() === '<gone>', 60)!;
    expect(goneAt).toBeGreaterThan(16);
    expect(goneAt).toBeLessThanOrEqual(18);
  });

  it('removes an empty namespace at once', () => {
    const { h, phase } = setup();
    h.advance(1);
    h.user.delete(NAMESPACE, undefined, 'shop');
    h.advance(0.001);
    expect(phase()).toBe('<gone>');
  });

  it('stays Terminating with ContentDeletionFailed while a pod on a dead node is never confirmed', () => {
    const { h, phase, conditions } = setup();
    h.createPod('stuck', 'worker-2', { namespace: 'shop' });
    h.advance(1);
    h.user.delete(NAMESPACE, undefined, 'shop');
    h.advance(120);
    expect(phase()).toBe('Terminating');
    expect(h.podStatus('stuck', 'shop')).toBe('Terminating');
    expect(conditions().NamespaceDeletionContentFailure).toBe(
      'True ContentDeletionFailed: Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: shop for gvr: /v1, Resource=pods',
    );
    // Force-deleting the pod lets it finish within the next retry (at most a minute).
    h.user.delete(POD, 'shop', 'stuck', { gracePeriodSeconds: 0 });
    expect(h.advanceUntil(() => phase() === '<gone>', 61)).toBeDefined();
  });

  it('waits for content held by a finalizer, saying which', () => {
    const { h, phase, conditions } = setup();
    h.user.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'held', namespace: 'shop', finalizers: ['example.com/hold'] },
    });
    h.advance(1);
    h.user.delete(NAMESPACE, undefined, 'shop');
    h.advance(1);
    expect(conditions().NamespaceFinalizersRemaining).toBe(
      'True SomeFinalizersRemain: Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    );
    expect(conditions().NamespaceContentRemaining).toBe(
      'True SomeResourcesRemain: Some resources are remaining: configmaps. has 1 resource instances',
    );
    h.user.patch({ apiVersion: 'v1', kind: 'ConfigMap' }, 'shop', 'held', 'merge', {
      metadata: { finalizers: null },
    });
    // 15 s estimate: the next look is 15/2 + 1 = 8 s after the first.
    expect(h.advanceUntil(() => phase() === '<gone>', 20)).toBeLessThanOrEqual(10);
  });

  it('leaves other namespaces alone', () => {
    const { h } = setup();
    h.createPod('keep', 'worker-1');
    h.advance(1);
    h.user.delete(NAMESPACE, undefined, 'shop');
    h.advance(30);
    expect(h.podStatus('keep')).toBe('Running');
  });
});
