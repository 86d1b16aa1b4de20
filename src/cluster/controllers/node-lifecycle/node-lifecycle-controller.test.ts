import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { NODE } from '../../client/client.ts';
import { NodeLifecycleController } from './node-lifecycle-controller.ts';
import type { NodeCondition, Taint } from './node-types.ts';
import { nodeConditions, nodeTaints } from './node-types.ts';
import { FakeKubelet, Harness } from './test-harness.ts';

const ZONE = 'topology.kubernetes.io/zone';

/** A harness with `n` workers (kubelets started), zones given per node, and the controller running. */
function cluster(zones: string[], options: ConstructorParameters<typeof NodeLifecycleController>[1] = {}) {
  const h = new Harness();
  const kubelets = zones.map((z, i) => new FakeKubelet(h, `worker-${i + 1}`, { [ZONE]: z }).start());
  const nlc = new NodeLifecycleController(h.ctx, options);
  nlc.start();
  return { h, kubelets, nlc };
}

const conditionsOf = (n: KubeObject) =>
  Object.fromEntries(nodeConditions(n).map((c: NodeCondition) => [c.type, `${c.status}/${c.reason}`]));
const noExecute = (h: Harness, name: string) =>
  nodeTaints(h.node(name)).filter((t: Taint) => t.effect === 'NoExecute');

describe('node lifecycle: a node whose kubelet stops', () => {
  it('registers every node it sees', () => {
    const { h } = cluster(['zone-a', 'zone-a']);
    h.advance(1);
    expect(h.events({ reason: 'RegisteredNode' })).toEqual([
      'RegisteredNode: Node worker-1 event: Registered Node worker-1 in Controller [node-controller]',
      'RegisteredNode: Node worker-2 event: Registered Node worker-2 in Controller [node-controller]',
    ]);
  });

  it('goes NotReady ~50 s after its last heartbeat, with Unknown conditions, taints, events and unready pods', () => {
    const { h, kubelets } = cluster(['zone-a', 'zone-a', 'zone-a']);
    h.createPod('web-1', 'worker-2');
    h.createPod('web-2', 'worker-1');
    h.advance(30);
    expect(['worker-1', 'worker-2', 'worker-3'].map((n) => h.nodeStatus(n))).toEqual([
      'Ready',
      'Ready',
      'Ready',
    ]);

    kubelets[1]!.kill(); // its last Lease renewal was at 30 s
    const diedAt = h.elapsed();
    const notReadyAt = h.advanceUntil(() => h.nodeStatus('worker-2') === 'NotReady', 120)!;
    // Grace 50 s counted from when the monitor saw the last renewal, checked every 5 s.
    expect(notReadyAt - diedAt).toBeGreaterThan(50);
    expect(notReadyAt - diedAt).toBeLessThanOrEqual(56);

    const node = h.node('worker-2');
    expect(conditionsOf(node)).toEqual({
      MemoryPressure: 'Unknown/NodeStatusUnknown',
      DiskPressure: 'Unknown/NodeStatusUnknown',
      PIDPressure: 'Unknown/NodeStatusUnknown',
      Ready: 'Unknown/NodeStatusUnknown',
    });
    expect(nodeConditions(node).find((c) => c.type === 'Ready')!.message).toBe(
      'Kubelet stopped posting node status.',
    );
    expect(h.events({ name: 'worker-2', reason: 'NodeNotReady' })).toEqual([
      'NodeNotReady: Node worker-2 status is now: NodeNotReady [node-controller]',
    ]);
    expect(h.podReady('web-1')).toBe('False');
    expect(h.events({ name: 'web-1' })).toEqual(['NodeNotReady: Node is not ready [node-controller]']);
    expect(h.podReady('web-2')).toBe('True');
    // The NoSchedule taint follows the condition at once; the NoExecute one comes from the next pass.
    expect(h.taints('worker-2')).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    h.advance(5);
    expect(h.taints('worker-2')).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    expect(noExecute(h, 'worker-2')[0]!.timeAdded).toBe(h.cluster.clock.nowRfc3339());
    expect(h.taints('worker-1')).toEqual([]);
    expect(h.nodeStatus('worker-1')).toBe('Ready');
  });

  it('loses its taints when it comes back, and the node controller writes no NodeReady event (the kubelet does)', () => {
    const { h, kubelets } = cluster(['zone-a', 'zone-a', 'zone-a']);
    h.advance(10);
    kubelets[1]!.kill();
    h.advance(70);
    expect(h.taints('worker-2')).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);

    kubelets[1]!.start();
    h.advance(1);
    expect(h.nodeStatus('worker-2')).toBe('Ready');
    expect(h.taints('worker-2')).toEqual(['node.kubernetes.io/unreachable:NoExecute']);
    h.advance(5);
    expect(h.taints('worker-2')).toEqual([]);
    expect(h.events({ reason: 'NodeReady' })).toEqual([]);
  });

  it('taints a node whose kubelet reports Ready=False with not-ready (no event of its own), and swaps to unreachable when it then falls silent', () => {
    const { h, kubelets } = cluster(['zone-a', 'zone-a', 'zone-a']);
    h.advance(10);
    kubelets[2]!.postReady('False');
    h.advance(1);
    expect(h.taints('worker-3')).toEqual(['node.kubernetes.io/not-ready:NoSchedule']);
    h.advance(5);
    expect(h.taints('worker-3')).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
    ]);
    // The status change came from the kubelet itself, which records its own NodeNotReady; the node
    // controller only records it for a transition it made (observed Ready=True, now not).
    expect(h.events({ name: 'worker-3', reason: 'NodeNotReady' })).toEqual([]);

    kubelets[2]!.kill();
    h.advanceUntil(() => h.taints('worker-3').includes('node.kubernetes.io/unreachable:NoExecute'), 120);
    expect(h.taints('worker-3')).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
  });

  it('gives a node that never posted status the 60 s startup grace, then NodeStatusNeverUpdated', () => {
    const { h } = cluster(['zone-a', 'zone-a', 'zone-a']);
    h.user.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'silent', labels: { [ZONE]: 'zone-a' } },
      spec: {},
    });
    const at = h.advanceUntil(() => nodeConditions(h.node('silent')).length > 0, 120)!;
    expect(at).toBeGreaterThan(60);
    expect(at).toBeLessThanOrEqual(65);
    const ready = nodeConditions(h.node('silent')).find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
      lastHeartbeatTime: '2026-01-01T00:00:00Z',
    });
    expect(h.nodeStatus('silent')).toBe('NotReady');
  });

  it('records RemovingNode when a node is deleted', () => {
    const { h, kubelets } = cluster(['zone-a', 'zone-a']);
    h.advance(6);
    kubelets[1]!.kill();
    h.user.delete(NODE, undefined, 'worker-2');
    h.advance(5);
    expect(h.events({ reason: 'RemovingNode' })).toEqual([
      'RemovingNode: Node worker-2 event: Removing Node worker-2 from Controller [node-controller]',
    ]);
  });

  it('mirrors spec.unschedulable (cordon) as the unschedulable NoSchedule taint', () => {
    const { h } = cluster(['zone-a']);
    h.advance(1);
    h.user.patch(NODE, undefined, 'worker-1', 'merge', { spec: { unschedulable: true } });
    h.advance(1);
    expect(h.taints('worker-1')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    h.user.patch(NODE, undefined, 'worker-1', 'merge', { spec: { unschedulable: null } });
    h.advance(1);
    expect(h.taints('worker-1')).toEqual([]);
  });
});

describe('node lifecycle: zone-aware tainting rates', () => {
  const unreachableTainted = (h: Harness, names: string[]) => names.filter((n) => noExecute(h, n).length > 0);

  it('taints nodes of a healthy zone at 0.1 node/s: two dying together are tainted 10 s apart', () => {
    const zones = Array.from({ length: 10 }, () => 'zone-a');
    const { h, kubelets, nlc } = cluster(zones);
    h.advance(10);
    kubelets[0]!.kill();
    kubelets[1]!.kill();
    const first = h.advanceUntil(() => unreachableTainted(h, ['worker-1', 'worker-2']).length === 1, 120)!;
    const second = h.advanceUntil(() => unreachableTainted(h, ['worker-1', 'worker-2']).length === 2, 60)!;
    expect(second - first).toBe(10);
    expect(nlc.zoneState(`:\u0000:zone-a`)).toBe('Normal');
  });

  it('stops tainting in a small zone with 3 of 4 nodes down (PartialDisruption, rate 0)', () => {
    const { h, kubelets, nlc } = cluster(['zone-a', 'zone-a', 'zone-a', 'zone-a']);
    h.advance(10);
    for (const k of kubelets.slice(0, 3)) k.kill();
    h.advance(400);
    const dead = ['worker-1', 'worker-2', 'worker-3'];
    expect(dead.map((n) => h.nodeStatus(n))).toEqual(['NotReady', 'NotReady', 'NotReady']);
    expect(nlc.zoneState(`:\u0000:zone-a`)).toBe('PartialDisruption');
    expect(nlc.zoneTaintingQps(`:\u0000:zone-a`)).toBe(0);
    expect(unreachableTainted(h, dead)).toEqual([]);
    // Scheduling still avoids them.
    expect(dead.map((n) => h.taints(n))).toEqual(
      dead.map(() => ['node.kubernetes.io/unreachable:NoSchedule']),
    );
  });

  it('keeps the taints it already placed when a zone degrades node by node, but taints no more', () => {
    const { h, kubelets, nlc } = cluster(['zone-a', 'zone-a', 'zone-a', 'zone-a']);
    h.advance(10);
    kubelets[0]!.kill();
    h.advance(80);
    kubelets[1]!.kill();
    h.advance(80);
    expect(unreachableTainted(h, ['worker-1', 'worker-2'])).toEqual(['worker-1', 'worker-2']);
    kubelets[2]!.kill();
    h.advance(120);
    expect(nlc.zoneState(`:\u0000:zone-a`)).toBe('PartialDisruption');
    expect(unreachableTainted(h, ['worker-1', 'worker-2', 'worker-3'])).toEqual(['worker-1', 'worker-2']);
  });

  it('stops everywhere and lifts NoExecute taints when every zone is fully disrupted', () => {
    const { h, kubelets, nlc } = cluster(['zone-a', 'zone-a', 'zone-b']);
    h.advance(10);
    kubelets[2]!.kill();
    h.advance(80);
    // zone-b is fully disrupted but zone-a is not: normal rate, zone-b's node is tainted.
    expect(nlc.zoneState(`:\u0000:zone-b`)).toBe('FullDisruption');
    expect(unreachableTainted(h, ['worker-3'])).toEqual(['worker-3']);
    kubelets[0]!.kill();
    kubelets[1]!.kill();
    h.advance(120);
    expect(nlc.zoneState(`:\u0000:zone-a`)).toBe('FullDisruption');
    expect(unreachableTainted(h, ['worker-1', 'worker-2', 'worker-3'])).toEqual([]);
    expect(nlc.zoneTaintingQps(`:\u0000:zone-b`)).toBe(0);

    // One node back: disruption mode ends, the others get a fresh grace period, then tainting resumes.
    kubelets[0]!.start();
    h.advance(6);
    expect(nlc.zoneState(`:\u0000:zone-a`)).toBe('Normal');
    expect(unreachableTainted(h, ['worker-2', 'worker-3'])).toEqual([]);
    h.advance(120);
    expect(unreachableTainted(h, ['worker-2', 'worker-3']).sort()).toEqual(['worker-2', 'worker-3']);
  });

  it('slows a large partially disrupted zone to the secondary rate (0.01 node/s)', () => {
    const zones = Array.from({ length: 60 }, () => 'zone-a');
    const { h, kubelets, nlc } = cluster(zones);
    h.advance(10);
    for (const k of kubelets.slice(0, 40)) k.kill();
    const names = kubelets.slice(0, 40).map((k) => k.nodeName);
    const first = h.advanceUntil(() => unreachableTainted(h, names).length >= 1, 200)!;
    expect(nlc.zoneState(`:\u0000:zone-a`)).toBe('PartialDisruption');
    expect(nlc.zoneTaintingQps(`:\u0000:zone-a`)).toBe(0.01);
    const second = h.advanceUntil(() => unreachableTainted(h, names).length >= 2, 200)!;
    expect(second - first).toBeGreaterThanOrEqual(99);
    expect(second - first).toBeLessThanOrEqual(101);
  });
});
