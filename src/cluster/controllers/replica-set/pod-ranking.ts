/**
 * Which pods a ReplicaSet deletes first when it has too many (k/k pkg/controller/controller_utils.go
 * ActivePodsWithRanks, pkg/controller/replicaset getPodsToDelete). Rules, each deciding only when the
 * previous ones tie:
 *
 *  1. unassigned before assigned;
 *  2. Pending before Unknown before Running;
 *  3. not ready before ready;
 *  4. lower `controller.kubernetes.io/pod-deletion-cost` first;
 *  5. more active related pods (the owner's siblings too) on the same node first;
 *  6. both ready: ready for less time first;
 *  7. more container restarts first;
 *  8. newer first.
 *
 * Rules 6 and 8 compare times on a log2 scale of "time since" (the LogarithmicScaleDown feature, on
 * since 1.22), so pods of similar age tie and fall back to uid order, a pseudo-random choice among
 * equals — as upstream does.
 */
import { parseTime } from '../../sim/clock.ts';
import { isPodActive, isPodReady, maxContainerRestarts, podReadySince } from './pod-utils.ts';
import type { Pod } from './workload-types.ts';

export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(pod: Pod): number {
  // Go's map lookup yields 0 for a phase not in the map (e.g. empty).
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
}

/** The pod's deletion cost; 0 when unset or not a valid int32 (validation rejects those anyway). */
export function podDeletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[-+]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function creationMs(pod: Pod): number | undefined {
  const t = pod.metadata.creationTimestamp ? parseTime(pod.metadata.creationTimestamp) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

/** floor(log2(now - t)) with durations in nanoseconds as Go's time.Duration, or -1 when not in the past. */
function logRank(t: number, nowMs: number): number {
  const d = (nowMs - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** afterOrZero: a zero (unknown) time sorts first, otherwise the later time does. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

function byTime(a: Pod, b: Pod, ta: number | undefined, tb: number | undefined, nowMs: number): number {
  if (ta === tb) return 0;
  if (ta === undefined || tb === undefined) return afterOrZero(ta, tb) ? -1 : 1;
  const diff = logRank(ta, nowMs) - logRank(tb, nowMs);
  if (diff === 0) {
    const ua = a.metadata.uid ?? '';
    const ub = b.metadata.uid ?? '';
    return ua < ub ? -1 : ua > ub ? 1 : 0;
  }
  return diff < 0 ? -1 : 1;
}

/**
 * Compares two pods for deletion: negative when `a` should go before `b`. `rank` gives each pod's count
 * of active related pods on its node.
 */
export function compareForDeletion(a: Pod, b: Pod, rankA: number, rankB: number, nowMs: number): number {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const pa = phaseOrdinal(a);
  const pb = phaseOrdinal(b);
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = podDeletionCost(a);
  const cb = podDeletionCost(b);
  if (ca !== cb) return ca - cb;
  if (rankA !== rankB) return rankB - rankA;
  if (ra && rb) {
    const c = byTime(a, b, podReadySince(a), podReadySince(b), nowMs);
    if (c !== 0) return c;
  }
  const xa = maxContainerRestarts(a);
  const xb = maxContainerRestarts(b);
  if (xa !== xb) return xb - xa;
  return byTime(a, b, creationMs(a), creationMs(b), nowMs);
}

/**
 * The `count` pods of `pods` to delete first. `relatedPods` (the pods of every ReplicaSet with the same
 * owner, a superset of `pods`) decide the same-node rank. Never mutates its inputs.
 */
export function podsToDelete(pods: readonly Pod[], relatedPods: readonly Pod[], count: number, nowMs: number): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  const onNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  // Array.prototype.sort is stable; Go's sort.Sort is not, but the order only matters where the
  // comparator ties, which the uid fallback makes rare.
  ranked.sort((x, y) => compareForDeletion(x.pod, y.pod, x.rank, y.rank, nowMs));
  return ranked.slice(0, count).map((r) => r.pod);
}
