import { describe, expect, it } from 'vitest';
import { compareForDeletion, podDeletionCost, podsToDelete } from './pod-ranking.ts';
import type { Pod } from './workload-types.ts';

const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString().replace('.000Z', 'Z');

interface PodOpts {
  node?: string;
  phase?: string;
  ready?: boolean;
  readyAgo?: number;
  createdAgo?: number;
  restarts?: number;
  cost?: string;
  uid?: string;
}

function pod(name: string, o: PodOpts = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: o.uid ?? name,
      creationTimestamp: iso(o.createdAgo ?? 3_600_000),
      ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: o.node ? { nodeName: o.node } : {},
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: iso(o.readyAgo ?? 3_000_000) }],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 }],
    },
  };
}

describe('compareForDeletion', () => {
  const cases: { rule: string; first: Pod; second: Pod; ranks?: [number, number] }[] = [
    { rule: '1. unassigned before assigned', first: pod('a', { phase: 'Running' }), second: pod('b', { node: 'n1', phase: 'Pending', ready: false }) },
    { rule: '2. Pending before Unknown', first: pod('a', { node: 'n1', phase: 'Pending' }), second: pod('b', { node: 'n1', phase: 'Unknown' }) },
    { rule: '2. Unknown before Running', first: pod('a', { node: 'n1', phase: 'Unknown' }), second: pod('b', { node: 'n1', phase: 'Running', ready: false }) },
    { rule: '3. not ready before ready', first: pod('a', { node: 'n1', ready: false, cost: '100' }), second: pod('b', { node: 'n1' }) },
    { rule: '4. lower deletion cost first', first: pod('a', { node: 'n1', cost: '-5' }), second: pod('b', { node: 'n1', readyAgo: 1000 }) },
    { rule: '5. more related pods on the node first', first: pod('a', { node: 'n1' }), second: pod('b', { node: 'n2', readyAgo: 1000 }), ranks: [3, 1] },
    { rule: '6. ready for less time first (different log2 bucket)', first: pod('b', { node: 'n1', readyAgo: 10_000, restarts: 0 }), second: pod('a', { node: 'n1', readyAgo: 3_000_000, restarts: 5 }) },
    { rule: '7. more restarts first', first: pod('a', { node: 'n1', restarts: 3 }), second: pod('b', { node: 'n1', restarts: 1, createdAgo: 1000 }) },
    { rule: '8. newer first', first: pod('b', { node: 'n1', createdAgo: 60_000 }), second: pod('a', { node: 'n1', createdAgo: 3_600_000 }) },
    { rule: '8. same log2 bucket: uid order', first: pod('a', { node: 'n1', createdAgo: 3_600_000, uid: '1' }), second: pod('b', { node: 'n1', createdAgo: 3_500_000, uid: '2' }) },
  ];
  for (const c of cases) {
    it(c.rule, () => {
      const [ra, rb] = c.ranks ?? [1, 1];
      expect(compareForDeletion(c.first, c.second, ra, rb, NOW)).toBeLessThan(0);
      expect(compareForDeletion(c.second, c.first, rb, ra, NOW)).toBeGreaterThan(0);
    });
  }
});

describe('podsToDelete', () => {
  it('picks the doubled-up node first, counting sibling ReplicaSets pods as related', () => {
    const mine = [pod('a', { node: 'n1' }), pod('b', { node: 'n2' }), pod('c', { node: 'n3' })];
    const sibling = [pod('x', { node: 'n2' }), pod('y', { node: 'n2' })];
    expect(podsToDelete(mine, [...mine, ...sibling], 1, NOW).map((p) => p.metadata.name)).toEqual(['b']);
  });

  it('returns all pods unsorted when all must go', () => {
    const mine = [pod('a', { node: 'n1' }), pod('b')];
    expect(podsToDelete(mine, mine, 5, NOW).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });
});

describe('podDeletionCost', () => {
  it.each([
    ['100', 100],
    ['-3', -3],
    ['abc', 0],
    ['99999999999', 0],
  ])('%s -> %d', (v, want) => {
    expect(podDeletionCost(pod('a', { cost: v }))).toBe(want);
  });
});
