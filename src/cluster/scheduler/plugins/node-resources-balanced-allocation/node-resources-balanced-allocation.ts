/**
 * NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be used in similar
 * proportions. On actual requests (no non-zero defaults): fraction = requested/allocatable per
 * resource, capped at 1; with two resources std = |f1 - f2| / 2 (more: the population standard
 * deviation); score = int((1 - std) * 100). Best-effort pods (no requests) skip it.
 */
import type { CycleState } from '../../framework/cycle-state.ts';
import type { PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { SKIP, type MaybeStatus } from '../../framework/status.ts';
import * as names from '../../names.ts';

export const NAME = names.NodeResourcesBalancedAllocation;

/** balancedResourceScorer over parallel requested/allocatable lists (zero allocatable skipped). */
export function balancedResourceScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    const a = allocatable[i]!;
    if (a === 0) continue;
    const f = Math.min(requested[i]! / a, 1);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  } else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = NAME;

  preScore(_state: CycleState, pod: PodInfo): MaybeStatus {
    const r = pod.resources.requests;
    return r.milliCPU === 0 && r.memory === 0 ? SKIP : null;
  }

  score(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    const r = pod.resources.requests;
    const alloc = nodeInfo.allocatable;
    const used = nodeInfo.requested;
    if (alloc.milliCPU === 0 || alloc.memory === 0) {
      return balancedResourceScore([used.milliCPU + r.milliCPU, used.memory + r.memory], [alloc.milliCPU, alloc.memory]);
    }
    // The two-resource case, without allocating (runs for every feasible node of every cycle).
    const f1 = Math.min((used.milliCPU + r.milliCPU) / alloc.milliCPU, 1);
    const f2 = Math.min((used.memory + r.memory) / alloc.memory, 1);
    return Math.trunc((1 - Math.abs((f1 - f2) / 2)) * MAX_NODE_SCORE);
  }
}

new NodeResourcesBalancedAllocation() satisfies PreScorePlugin & ScorePlugin;
