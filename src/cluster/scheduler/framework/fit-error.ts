/**
 * The FailedScheduling message, worded exactly as kube-scheduler's FitError.Error()
 * (k/k pkg/scheduler/framework/types.go):
 *
 *   0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: ...
 *
 * - `0/<N> nodes are available:`
 * - if a PreFilter plugin rejected the pod: ` <PreFilterMsg>.` and no per-node reasons;
 * - otherwise every reason of every rejected node counts once (a node can add both `Insufficient cpu`
 *   and `Insufficient memory`); nodes absent from the map count with the absent status; entries
 *   `<count> <reason>` are sorted as plain strings (Go sort.Strings: "10 x" before "2 y"), joined by
 *   ", " and ended with ".";
 * - then, when a PostFilter (preemption) said something: ` <PostFilterMsg>` (no extra period: the
 *   preemption message is itself a FitError ending with ".").
 */
import type { NodeToStatus } from './node-to-status.ts';

export interface Diagnosis {
  readonly nodeToStatus: NodeToStatus;
  /** Plugins that rejected the pod (Unschedulable/UnschedulableAndUnresolvable) this attempt. */
  readonly unschedulablePlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

/** Go's sort.Strings order: byte-wise, which for these ASCII messages is plain code-unit order. */
export function goStringCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `<count> <reason>` entries, sorted as Go sorts them. */
export function reasonHistogram(nodeToStatus: NodeToStatus, numAllNodes: number): string[] {
  const counts = new Map<string, number>();
  for (const { status } of nodeToStatus.explicit.values()) {
    for (const r of status.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  const absentCount = numAllNodes - nodeToStatus.size;
  if (absentCount > 0 && nodeToStatus.absent) {
    for (const r of nodeToStatus.absent.status.reasons) counts.set(r, (counts.get(r) ?? 0) + absentCount);
  }
  const out: string[] = [];
  for (const [reason, n] of counts) out.push(`${n} ${reason}`);
  return out.sort(goStringCompare);
}

/** FitError.Error(). */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg !== '') {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const sorted = reasonHistogram(d.nodeToStatus, numAllNodes);
    if (sorted.length > 0) msg += ` ${sorted.join(', ')}.`;
  }
  if (d.postFilterMsg !== '') msg += ` ${d.postFilterMsg}`;
  return msg;
}
