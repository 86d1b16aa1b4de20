import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/rng.ts';
import { SchedulerCache } from './framework/scheduler-cache.ts';
import { newDefaultFramework } from './registry.ts';
import { numFeasibleNodesToFind, scheduleOne, selectHost } from './schedule-one.ts';
import { MiniScheduler } from './testing/mini-scheduler.ts';
import { makeNode, makePod, worker } from './testing/wrappers.ts';

const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;
const head = () => makeNode().name('head').label('node-role.kubernetes.io/control-plane', '').capacity({ cpu: '4', memory: '8Gi', pods: 110 }).taint(CP_TAINT).obj();

describe('numFeasibleNodesToFind', () => {
  it.each([
    { nodes: 0, want: 0 },
    { nodes: 99, want: 99 },
    { nodes: 100, want: 100 },
    { nodes: 500, want: 230 },
    { nodes: 1000, want: 420 },
    { nodes: 5000, want: 500 },
    { nodes: 6000, want: 300 },
    { nodes: 15000, want: 750 },
  ])('$nodes nodes -> $want', ({ nodes, want }) => {
    expect(numFeasibleNodesToFind(0, nodes)).toBe(want);
  });
  it('an explicit percentage, floored at 100 nodes', () => {
    expect(numFeasibleNodesToFind(10, 500)).toBe(100);
    expect(numFeasibleNodesToFind(50, 1000)).toBe(500);
    expect(numFeasibleNodesToFind(100, 1000)).toBe(1000);
  });
});

describe('selectHost', () => {
  it('picks the top total; ties are spread evenly by the seeded RNG', () => {
    const totals = new Float64Array([5, 9, 9, 1, 9]);
    const counts = new Map<number, number>();
    const rng = new Rng(42);
    for (let i = 0; i < 3000; i++) {
      const { index, tied, top } = selectHost(totals, rng);
      expect(top).toBe(9);
      expect(tied).toEqual([1, 2, 4]);
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 4]);
    for (const c of counts.values()) expect(c).toBeGreaterThan(850);
  });
  it('is deterministic for a seed', () => {
    const totals = new Float64Array([3, 3, 3, 3]);
    const a = Array.from({ length: 20 }, ((rng) => () => selectHost(totals, rng).index)(new Rng(7)));
    const b = Array.from({ length: 20 }, ((rng) => () => selectHost(totals, rng).index)(new Rng(7)));
    expect(a).toEqual(b);
  });
});

describe('scheduling cycle scenarios', () => {
  it('the canonical FailedScheduling message', () => {
    const s = new MiniScheduler([head(), worker('w1', '1'), worker('w2', '1')], { ctx: { taintMessageStyle: 'generic' } });
    const r = s.schedule(makePod().name('big').req({ cpu: '2' }).obj());
    expect(r.outcome).toBe('Unschedulable');
    expect(r.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('resource exhaustion leaves the right pods Pending, and they fit once a node is added', () => {
    const s = new MiniScheduler([worker('w1', '2'), worker('w2', '2')]);
    const pods = Array.from({ length: 5 }, (_, i) => makePod().name(`p${i}`).req({ cpu: '1', memory: '100Mi' }).obj());
    s.scheduleAll(pods);
    expect(s.placements.size).toBe(4);
    expect([...s.failures.keys()]).toEqual(['p4']);
    expect(s.failures.get('p4')).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
    expect(s.podsOn('w1')).toHaveLength(2);
    expect(s.podsOn('w2')).toHaveLength(2);
    s.cache.addNode(worker('w3', '2'));
    expect(s.schedule(pods[4]!).nodeName).toBe('w3');
  });

  it('the control-plane taint keeps pods off the head node unless tolerated', () => {
    const s = new MiniScheduler([head(), worker('w1'), worker('w2')]);
    s.scheduleAll(Array.from({ length: 20 }, (_, i) => makePod().name(`p${i}`).req({ cpu: '100m' }).obj()));
    expect(s.podsOn('head')).toEqual([]);
    const tolerating = Array.from({ length: 30 }, (_, i) =>
      makePod().name(`t${i}`).req({ cpu: '100m' }).toleration({ key: CP_TAINT.key, operator: 'Exists', effect: 'NoSchedule' }).obj(),
    );
    s.scheduleAll(tolerating);
    expect(s.podsOn('head').length).toBeGreaterThan(0);
  });

  it('the control-plane taint, in the current wording (the reference) and as 1.32.x words it', () => {
    expect(new MiniScheduler([head()]).schedule(makePod().name('p').obj()).message).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint(s). preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
    const detailed = new MiniScheduler([head()], { ctx: { taintMessageStyle: 'detailed' } });
    expect(detailed.schedule(makePod().name('p').obj()).message).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });

  it('a cordoned node receives nothing', () => {
    const s = new MiniScheduler([makeNode().name('c').capacity({ cpu: '8', memory: '16Gi', pods: 110 }).unschedulable().obj(), worker('w1', '1')]);
    s.scheduleAll(Array.from({ length: 12 }, (_, i) => makePod().name(`p${i}`).req({ cpu: '100m' }).obj()));
    expect(s.podsOn('c')).toEqual([]);
    expect(s.podsOn('w1')).toHaveLength(10);
    expect(s.failures.get('p10')).toBe(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    );
  });

  it('hostname anti-affinity puts one replica per node; the extra one is Pending', () => {
    const s = new MiniScheduler([worker('a'), worker('b'), worker('c')]);
    const replica = (i: number) =>
      makePod().name(`web-${i}`).label('app', 'web').req({ cpu: '100m' }).podAntiAffinity('kubernetes.io/hostname', { matchLabels: { app: 'web' } }).obj();
    s.scheduleAll([0, 1, 2, 3].map(replica));
    expect(new Set([s.placements.get('web-0'), s.placements.get('web-1'), s.placements.get('web-2')])).toEqual(new Set(['a', 'b', 'c']));
    expect(s.failures.get('web-3')).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });

  it('zone spread (maxSkew 1) distributes evenly', () => {
    const nodes = ['z1', 'z2', 'z3'].flatMap((z) => [1, 2].map((i) => makeNode().name(`${z}-${i}`).zone(z).capacity({ cpu: '4', memory: '8Gi', pods: 110 }).obj()));
    const s = new MiniScheduler(nodes);
    const pod = (i: number) =>
      makePod().name(`p${i}`).label('app', 'web').req({ cpu: '100m' }).spread({ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { app: 'web' } } }).obj();
    s.scheduleAll(Array.from({ length: 9 }, (_, i) => pod(i)));
    const perZone = new Map<string, number>();
    for (const n of s.placements.values()) perZone.set(n.slice(0, 2), (perZone.get(n.slice(0, 2)) ?? 0) + 1);
    expect(perZone).toEqual(new Map([['z1', 3], ['z2', 3], ['z3', 3]]));
  });

  it('default spreading (owner selector) prefers empty nodes for replicas', () => {
    const s = new MiniScheduler([worker('a'), worker('b'), worker('c')], { ctx: { defaultSpreadSelector: () => ({ matchLabels: { app: 'web' } }) } });
    s.scheduleAll([0, 1, 2].map((i) => makePod().name(`web-${i}`).label('app', 'web').req({ cpu: '100m', memory: '100Mi' }).obj()));
    expect(new Set(s.placements.values()).size).toBe(3);
  });

  it('a DaemonSet-style pod pinned to a missing node', () => {
    const s = new MiniScheduler([worker('a'), worker('b')]);
    const r = s.schedule(makePod().name('ds').nodeAffinityTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gone'] }] }).obj());
    expect(r.message).toBe(
      "0/2 nodes are available: 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it('a DaemonSet-style pod on a full node', () => {
    const s = new MiniScheduler([worker('a', '1'), worker('b', '1')]);
    s.running(makePod().name('hog').node('a').req({ cpu: '1' }).obj());
    const r = s.schedule(makePod().name('ds').req({ cpu: '500m' }).nodeAffinityTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }] }).obj());
    expect(r.message).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });

  it('a missing PVC rejects at PreFilter', () => {
    const s = new MiniScheduler([worker('a')]);
    expect(s.schedule(makePod().name('p').pvc('data').obj()).message).toBe(
      '0/1 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });

  it('no nodes at all', () => {
    const s = new MiniScheduler([]);
    expect(s.schedule(makePod().name('p').obj()).message).toBe('no nodes available to schedule pods');
  });

  it('records the decision: filters, scores, weights and the tie', () => {
    const s = new MiniScheduler([head(), worker('w1'), worker('w2', '8'), makeNode().name('small').capacity({ cpu: '100m', memory: '8Gi', pods: 110 }).obj()]);
    const r = s.schedule(makePod().name('p').req({ cpu: '500m', memory: '1Gi' }).obj());
    const rec = r.record;
    expect(rec.rejected).toEqual(
      expect.arrayContaining([
        { node: 'head', plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint(s)'] },
        { node: 'small', plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] },
      ]),
    );
    expect(new Set(rec.feasible)).toEqual(new Set(['w1', 'w2']));
    const fit = rec.scores.find((x) => x.plugin === 'NodeResourcesFit')!;
    expect(fit.weight).toBe(1);
    const i2 = rec.feasible.indexOf('w2');
    // w2 (8 cpu): cpu (8000-500)*100/8000 = 93, memory (8Gi-1Gi)/8Gi = 87 -> 90
    expect(fit.raw[i2]).toBe(90);
    const balanced = rec.scores.find((x) => x.plugin === 'NodeResourcesBalancedAllocation')!;
    // w2: cpu 0.0625 vs memory 0.125 -> std 0.03125 -> 96; w1: 0.125 vs 0.125 -> 100
    expect(balanced.raw[i2]).toBe(96);
    expect(rec.scores.find((x) => x.plugin === 'TaintToleration')?.weight).toBe(3);
    // w1: 3*100 + 87 + 100 = 487 beats w2: 3*100 + 90 + 96 = 486
    expect(rec.totals?.[rec.feasible.indexOf('w1')]).toBe(487);
    expect(rec.totals?.[i2]).toBe(486);
    expect(rec.chosen).toBe('w1');
    expect(r.nodeName).toBe('w1');
    expect(r.binding?.target).toEqual({ kind: 'Node', name: 'w1' });
    expect(rec.tiedNodes).toEqual(['w1']);
  });

  it('rotates the start node and stops at numFeasibleNodesToFind', () => {
    const cache = new SchedulerCache();
    for (let i = 0; i < 500; i++) cache.addNode(worker(`n${String(i).padStart(3, '0')}`));
    const fw = newDefaultFramework();
    const snap = cache.snapshot();
    const r1 = scheduleOne(makePod().name('a').obj(), snap, fw, new Rng(1));
    expect(r1.record.numNodesToFind).toBe(230);
    expect(r1.record.feasible).toHaveLength(230);
    expect(r1.record.startIndex).toBe(0);
    const r2 = scheduleOne(makePod().name('b').obj(), snap, fw, new Rng(1));
    expect(r2.record.startIndex).toBe(230);
    const r3 = scheduleOne(makePod().name('c').obj(), snap, fw, new Rng(1));
    expect(r3.record.startIndex).toBe(460);
    expect(r3.record.feasible[40]).toBe(snap.nodeInfoList[0]!.name);
  });

  it('tries the nominated node first', () => {
    const s = new MiniScheduler([worker('a'), worker('b'), worker('c')]);
    const r = s.schedule(makePod().name('p').nominatedNode('b').obj());
    expect(r.nodeName).toBe('b');
    expect(r.record.evaluatedNodes).toBe(1);
  });
});
