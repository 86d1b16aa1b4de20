/**
 * NodeResourcesFit: a node fits when its pod count stays within allocatable `pods` and, for every
 * resource the pod requests (cpu, memory, ephemeral-storage, extended), request <= allocatable -
 * requested. Every shortage is its own reason (`Insufficient cpu`, `Insufficient memory`,
 * `Too many pods`, `Insufficient example.com/gpu`), all with code Unschedulable as in 1.32 (1.34 made
 * "larger than the whole node" UnschedulableAndUnresolvable, kubernetes/kubernetes#131345).
 *
 * Score: LeastAllocated over cpu and memory (weight 1 each), on non-zero requests:
 *   per resource ((allocatable - requested) * 100) / allocatable, 0 when requested > allocatable;
 *   node score = sum(score * weight) / sum(weight), integer division throughout.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { newStatus, type MaybeStatus, type Status } from '../../framework/status.ts';
import * as names from '../../names.ts';

export const NAME = names.NodeResourcesFit;

/** One shortage, as fit.go's InsufficientResource. */
export interface InsufficientResource {
  readonly resourceName: string;
  readonly reason: string;
  readonly requested: number;
  readonly used: number;
  readonly capacity: number;
}

/** fitsRequest: every shortage of `nodeInfo` for `pod`, in upstream order. */
export function fitsRequest(pod: PodInfo, nodeInfo: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  if (nodeInfo.pods.length + 1 > alloc.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: nodeInfo.pods.length, capacity: alloc.allowedPodNumber });
  }
  const req = pod.resources.requests;
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && req.scalar === null) return out;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) {
    out.push({ resourceName: 'cpu', reason: 'Insufficient cpu', requested: req.milliCPU, used: used.milliCPU, capacity: alloc.milliCPU });
  }
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) {
    out.push({ resourceName: 'memory', reason: 'Insufficient memory', requested: req.memory, used: used.memory, capacity: alloc.memory });
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push({
      resourceName: 'ephemeral-storage',
      reason: 'Insufficient ephemeral-storage',
      requested: req.ephemeralStorage,
      used: used.ephemeralStorage,
      capacity: alloc.ephemeralStorage,
    });
  }
  if (req.scalar) {
    for (const [name, q] of req.scalar) {
      if (q === 0) continue;
      const a = alloc.scalar?.get(name) ?? 0;
      const u = used.scalar?.get(name) ?? 0;
      if (q > a - u) out.push({ resourceName: name, reason: `Insufficient ${name}`, requested: q, used: u, capacity: a });
    }
  }
  return out;
}

/** leastRequestedScore: free share of one resource, 0..100. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export class NodeResourcesFit implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME;
  // Reasons repeat: one frozen Status per combination.
  private readonly statuses = new Map<string, Status>();

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    // Fast path for the common case: room for the pod on every resource it asks.
    const alloc = nodeInfo.allocatable;
    const used = nodeInfo.requested;
    const req = pod.resources.requests;
    if (
      nodeInfo.pods.length + 1 <= alloc.allowedPodNumber &&
      req.milliCPU <= alloc.milliCPU - used.milliCPU &&
      req.memory <= alloc.memory - used.memory &&
      req.ephemeralStorage <= alloc.ephemeralStorage - used.ephemeralStorage &&
      req.scalar === null
    ) {
      return null;
    }
    const insufficient = fitsRequest(pod, nodeInfo);
    if (insufficient.length === 0) return null;
    const reasons = insufficient.map((i) => i.reason);
    const key = reasons.join('\n');
    let s = this.statuses.get(key);
    if (!s) this.statuses.set(key, (s = newStatus('Unschedulable', ...reasons)));
    return s;
  }

  preScore(): MaybeStatus {
    return null;
  }

  /** LeastAllocated over cpu and memory with the non-zero defaults (100m / 200Mi per container). */
  score(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    const alloc = nodeInfo.allocatable;
    let score = 0;
    let weights = 0;
    if (alloc.milliCPU !== 0) {
      score += leastRequestedScore(nodeInfo.nonZeroRequested.milliCPU + pod.resources.nonZeroCPU, alloc.milliCPU);
      weights++;
    }
    if (alloc.memory !== 0) {
      score += leastRequestedScore(nodeInfo.nonZeroRequested.memory + pod.resources.nonZeroMem, alloc.memory);
      weights++;
    }
    return weights === 0 ? 0 : Math.trunc(score / weights);
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      { event: { resource: 'AssignedPod', actions: ['Delete', 'UpdatePodScaleDown'] } },
      {
        event: { resource: 'Node', actions: ['Add', 'UpdateNodeAllocatable', 'UpdateNodeTaint', 'UpdateNodeLabel'] },
        hint: (_pod: IPod, _old, newObj) => ((newObj as INode | undefined) ? 'Queue' : 'QueueSkip'),
      },
      { event: { resource: 'UnscheduledPod', actions: ['Update'] } },
    ];
  }
}

new NodeResourcesFit() satisfies FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions;
