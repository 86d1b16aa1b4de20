import { describe, expect, it } from 'vitest';
import { controllerHarness, type ControllerHarness } from './controller-harness.ts';
import { ReplicaSetController, ReplicationManager, slowStartBatch } from './replica-set-controller.ts';
import type { Pod, ReplicaSet } from './workload-types.ts';

const RS = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };

function replicaSet(name: string, replicas: number, extra: Partial<ReplicaSet['spec']> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
      ...extra,
    },
  };
}

function rsHarness(opts: Partial<Parameters<typeof controllerHarness>[0]> = {}) {
  return controllerHarness({ controllers: (ctx) => [new ReplicaSetController(ctx)], ...opts });
}

/** `kubectl get rs` columns: DESIRED CURRENT READY. */
function getRs(h: ControllerHarness, name: string) {
  const rs = h.get<ReplicaSet>('apps/v1', 'ReplicaSet', name);
  return { desired: rs.spec.replicas, current: rs.status?.replicas ?? 0, ready: rs.status?.readyReplicas ?? 0 };
}

describe('ReplicaSet controller', () => {
  it('creates the pods of a new ReplicaSet with generated names, template labels and a controller reference', () => {
    const h = rsHarness();
    const rs = h.create(replicaSet('web', 3));
    h.run(0);
    const pods = h.pods();
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('web-');
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(getRs(h, 'web')).toEqual({ desired: 3, current: 3, ready: 0 });
    h.run(5000);
    expect(getRs(h, 'web')).toEqual({ desired: 3, current: 3, ready: 3 });
    const status = h.get<ReplicaSet>('apps/v1', 'ReplicaSet', 'web').status;
    expect(status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const created = h.events().filter((e) => e.reason === 'SuccessfulCreate');
    expect(created.map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(created.every((e) => e.type === 'Normal' && e.object === 'replicaset/web' && e.source === 'replicaset-controller')).toBe(true);
  });

  it('replaces a pod deleted by hand', () => {
    const h = rsHarness();
    h.create(replicaSet('web', 2));
    h.run(5000);
    const victim = h.pods()[0]!.metadata.name!;
    h.deletePod(victim);
    h.run(0);
    // The old pod is Terminating (its kubelet has not confirmed yet) and does not count; a new one exists.
    const names = h.activePods().map((p) => p.metadata.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(victim);
    expect(h.pods().find((p) => p.metadata.name === victim)?.metadata.deletionTimestamp).toBeDefined();
    h.run(5000);
    expect(h.pods()).toHaveLength(2);
    expect(getRs(h, 'web')).toEqual({ desired: 2, current: 2, ready: 2 });
  });

  it('scales down by the deletion ranking: unscheduled, then not ready, then the doubled-up node', () => {
    // Pods 0..5: nodes n1, n1, n1, n2, n3, (none)
    const placement = ['n1', 'n1', 'n1', 'n2', 'n3', undefined];
    const h = rsHarness({ nodes: ['n1', 'n2', 'n3'], placement: (_p, i) => placement[i], neverReady: (p) => p.metadata.labels?.['slow'] === 'yes' });
    h.create(replicaSet('web', 6));
    h.run(10_000);
    const byNode = (n: string | undefined) => h.pods().filter((p) => p.spec?.nodeName === n).map((p) => p.metadata.name!);
    const unscheduled = byNode(undefined);
    const onN2 = byNode('n2');
    const onN1 = byNode('n1');
    expect(unscheduled).toHaveLength(1);
    // Make the n2 pod not ready by hand, as a failing readiness probe would.
    const n2 = h.pods().find((p) => p.metadata.name === onN2[0])!;
    const notReady = structuredClone(n2);
    notReady.status!.conditions = notReady.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c));
    h.user.updateStatus(notReady);
    h.run(0);

    h.edit<ReplicaSet>(RS, 'web', (rs) => (rs.spec.replicas = 5));
    h.run(0);
    expect(h.activePods().map((p) => p.metadata.name)).not.toContain(unscheduled[0]);
    h.edit<ReplicaSet>(RS, 'web', (rs) => (rs.spec.replicas = 4));
    h.run(0);
    expect(h.activePods().map((p) => p.metadata.name)).not.toContain(onN2[0]);
    h.edit<ReplicaSet>(RS, 'web', (rs) => (rs.spec.replicas = 3));
    h.run(0);
    const left = h.activePods().map((p) => p.metadata.name!);
    expect(left.filter((n) => onN1.includes(n))).toHaveLength(2);
    const deleted = h.events().filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deleted.slice(0, 2)).toEqual([`Deleted pod: ${unscheduled[0]}`, `Deleted pod: ${onN2[0]}`]);
    expect(deleted[2]).toMatch(new RegExp(`^Deleted pod: (${onN1.join('|')})$`));
  });

  it('honours pod-deletion-cost before node spreading', () => {
    const h = rsHarness({ nodes: ['n1'] });
    h.create(replicaSet('web', 3));
    h.run(5000);
    const [a, b, c] = h.pods();
    for (const [p, cost] of [[a, '10'], [b, '-1'], [c, '5']] as const) {
      const next = structuredClone(p!);
      next.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': cost };
      h.user.update(next);
    }
    h.edit<ReplicaSet>(RS, 'web', (rs) => (rs.spec.replicas = 1));
    h.run(0);
    expect(h.activePods().map((p) => p.metadata.name)).toEqual([a!.metadata.name]);
  });

  it('adopts a matching orphan instead of creating, and releases a pod whose labels stop matching', () => {
    const h = rsHarness();
    const orphan = h.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    const rs = h.create(replicaSet('web', 2));
    h.run(0);
    expect(h.pods()).toHaveLength(2);
    const adopted = h.pods().find((p) => p.metadata.name === 'stray')!;
    expect(adopted.metadata.uid).toBe(orphan.metadata.uid);
    expect(adopted.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true });

    const relabelled = structuredClone(adopted);
    relabelled.metadata.labels = { app: 'debug' };
    h.user.update(relabelled);
    h.run(0);
    expect(h.pods().find((p) => p.metadata.name === 'stray')!.metadata.ownerReferences).toBeUndefined();
    expect(h.activePods().filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2);
  });

  it('creates in slow-start batches and reports FailedCreate with the API error and a ReplicaFailure condition', () => {
    const h = rsHarness();
    // A quota of 3 pods: the 4th create fails with the API's Forbidden error.
    h.create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'pods', namespace: 'default' }, spec: { hard: { pods: '3' } } });
    h.run(0);
    h.create(replicaSet('web', 10));
    h.run(0);
    expect(h.pods()).toHaveLength(3);
    const failed = h.events().filter((e) => e.reason === 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.type).toBe('Warning');
    expect(failed[0]!.message).toMatch(/^Error creating: pods "web-[a-z0-9]{5}" is forbidden: exceeded quota: pods/);
    const cond = h.get<ReplicaSet>('apps/v1', 'ReplicaSet', 'web').status?.conditions?.[0];
    expect(cond).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' });
    expect(cond?.message).toMatch(/exceeded quota/);
  });

  it('never double-creates while its pod informer lags behind its own writes (expectations)', () => {
    // The controller sees pods 2 s late but its ReplicaSet at once: its own status write wakes it up
    // again before any of the pods it created is in its cache.
    const h = rsHarness({ informerLagMs: { pods: 2000 } });
    const rsc = h.controllers[0] as ReplicaSetController;
    h.create(replicaSet('web', 5));
    let most = 0;
    h.run(10_000, () => (most = Math.max(most, h.pods().length)));
    expect(most).toBe(5);
    expect(h.events().filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(5);
    expect(rsc.expectations.satisfied('default/web')).toBe(true);
    expect(getRs(h, 'web')).toEqual({ desired: 5, current: 5, ready: 5 });
  });

  it('waits out unobserved expectations for 5 minutes, then syncs again', () => {
    const h = rsHarness();
    const rsc = h.controllers[0] as ReplicaSetController;
    h.create(replicaSet('web', 4));
    h.run(0);
    // Pretend two creations were never delivered by the watch: the controller must not act.
    rsc.expectations.expectCreations('default/web', 2);
    h.deletePod(h.pods()[0]!.metadata.name!);
    h.run(0);
    expect(h.activePods()).toHaveLength(3);
    expect(rsc.expectations.satisfied('default/web')).toBe(false);
    h.run(5 * 60 * 1000 + 1);
    h.edit<ReplicaSet>(RS, 'web', (rs) => (rs.metadata.labels = { touched: 'yes' }));
    h.run(0);
    expect(h.activePods()).toHaveLength(4);
  });

  it('counts a pod available only after minReadySeconds', () => {
    const h = rsHarness();
    h.create(replicaSet('web', 2, { minReadySeconds: 10 }));
    h.run(3000);
    expect(h.get<ReplicaSet>('apps/v1', 'ReplicaSet', 'web').status).toMatchObject({ readyReplicas: 2 });
    expect(h.get<ReplicaSet>('apps/v1', 'ReplicaSet', 'web').status?.availableReplicas).toBeUndefined();
    h.run(9000);
    expect(h.get<ReplicaSet>('apps/v1', 'ReplicaSet', 'web').status?.availableReplicas).toBeUndefined();
    // Ready at 3 s, available once 3 s + 10 s is strictly in the past; the controller looks again at 14 s.
    h.run(2000);
    expect(h.get<ReplicaSet>('apps/v1', 'ReplicaSet', 'web').status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
  });

  it('runs ReplicationControllers with their map selectors', () => {
    const h = controllerHarness({ controllers: (ctx) => [new ReplicationManager(ctx)] });
    const rc = h.create<ReplicaSet>({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'legacy', namespace: 'default' },
      spec: { replicas: 2, selector: { app: 'legacy' }, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    h.run(5000);
    const pods = h.pods();
    expect(pods).toHaveLength(2);
    expect(pods[0]!.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', uid: rc.metadata.uid });
    expect(h.events().filter((e) => e.reason === 'SuccessfulCreate').every((e) => e.source === 'replication-controller' && e.object === 'replicationcontroller/legacy')).toBe(true);
  });
});

describe('slowStartBatch', () => {
  it.each([
    // count, calls that succeed, successes, calls made (batches 1, 2, 4, ... stop after a failing one)
    [10, 99, 10, 10],
    [10, 2, 2, 3],
    [10, 0, 0, 1],
    [10, 4, 4, 7],
    [0, 99, 0, 0],
  ])('count %d, first %d calls succeed: %d successes in %d calls', (count, okCalls, successes, callsMade) => {
    let calls = 0;
    const res = slowStartBatch(count, 1, () => {
      calls++;
      if (calls > okCalls) throw new Error('boom');
    });
    expect(res.successes).toBe(successes);
    expect(calls).toBe(callsMade);
    expect(res.error !== undefined).toBe(successes < count);
  });
});
