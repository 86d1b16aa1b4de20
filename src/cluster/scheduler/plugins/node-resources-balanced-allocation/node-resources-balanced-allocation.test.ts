import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, runScore } from '../../testing/plugin-harness.ts';
import { balancedResourceScore, NAME, NodeResourcesBalancedAllocation } from './node-resources-balanced-allocation.ts';

describe(NAME, () => {
  it.each([
    { name: 'perfectly balanced', req: [2000, 4096], alloc: [4000, 8192], want: 100 },
    // fractions 0.25 and 0.75 -> std 0.25 -> 75
    { name: 'unbalanced', req: [1000, 6144], alloc: [4000, 8192], want: 75 },
    // fractions capped at 1: 1 and 0.5 -> std 0.25
    { name: 'over-committed fraction capped at 1', req: [8000, 4096], alloc: [4000, 8192], want: 75 },
    // 0.6 vs 0.1 -> std 0.25 -> int(75.00000000000001)? (1-0.25)*100 = 75
    { name: 'zero allocatable skipped', req: [1000, 1000], alloc: [0, 4000], want: 100 },
    // three resources: fractions 0.2, 0.4, 0.6: mean .4, var (0.04+0+0.04)/3, std .1633 -> 83
    { name: 'three resources use the std deviation', req: [200, 400, 600], alloc: [1000, 1000, 1000], want: 83 },
  ])('$name', ({ req, alloc, want }) => {
    expect(balancedResourceScore(req, alloc)).toBe(want);
  });

  it('scores on actual requests and skips best-effort pods', () => {
    const n = nodeInfoOf(makeNode().name('n').capacity({ cpu: '4', memory: '8Gi', pods: 110 }).obj(), [makePod().name('e').req({ cpu: '1' }).obj()]);
    const r = runScore(new NodeResourcesBalancedAllocation(), makePod().name('p').req({ cpu: '1', memory: '4Gi' }).obj(), [n]);
    // cpu 2/4 = .5, memory 4/8 = .5 -> 100
    expect(r.raw).toEqual([100]);
    expect(runScore(new NodeResourcesBalancedAllocation(), makePod().name('p').req({}).obj(), [n]).skipped).toBe(true);
  });
});
