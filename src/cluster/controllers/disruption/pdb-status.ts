/**
 * The arithmetic of a PodDisruptionBudget's status (k/k pkg/controller/disruption/disruption.go):
 * how many selected pods are healthy, how many must be, which evictions are still in flight, and how
 * many disruptions that leaves. Pure functions on virtual time; none mutates its input.
 */
import type { Pod } from '../replica-set/workload-types.ts';
import { isPodReady } from '../replica-set/pod-utils.ts';
import { parseTime } from '../../sim/clock.ts';
import {
  DELETION_TIMEOUT_MS,
  conditionsAreUpToDate,
  updateDisruptionAllowedCondition,
  type IntOrString,
  type PodDisruptionBudget,
  type PodDisruptionBudgetStatus,
} from './pdb-helpers.ts';

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, `N%` of `total` rounded up or down. Throws
 * `invalid value for IntOrString: invalid type: string is not a percentage` for other strings.
 */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * buildDisruptedPodMap: the evictions of `status.disruptedPods` still expected to happen — pods not yet
 * deleting and evicted less than 2 minutes ago — with the earliest time one of them expires (to look
 * again then), and the pods whose eviction never came (the controller warns `NotDeleted` for them).
 */
export function buildDisruptedPodMap(pods: readonly Pod[], pdb: PodDisruptionBudget, nowMs: number): { disrupted: Record<string, string>; recheckAt?: number; notDeleted: Pod[] } {
  const previous = pdb.status?.disruptedPods;
  const disrupted: Record<string, string> = {};
  const notDeleted: Pod[] = [];
  let recheckAt: number | undefined;
  if (!previous) return { disrupted, notDeleted };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = previous[pod.metadata.name ?? ''];
    if (at === undefined) continue;
    const expected = parseTime(at) + DELETION_TIMEOUT_MS;
    if (expected < nowMs) {
      notDeleted.push(pod);
      continue;
    }
    if (recheckAt === undefined || expected < recheckAt) recheckAt = expected;
    disrupted[pod.metadata.name ?? ''] = at;
  }
  return { disrupted, notDeleted, ...(recheckAt !== undefined ? { recheckAt } : {}) };
}

/** countHealthyPods: Ready pods that are neither being deleted nor about to be evicted. */
export function countHealthyPods(pods: readonly Pod[], disrupted: Readonly<Record<string, string>>, nowMs: number): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name ?? ''];
    if (at !== undefined && parseTime(at) + DELETION_TIMEOUT_MS > nowMs) continue;
    if (isPodReady(pod)) healthy++;
  }
  return healthy;
}

export interface PdbCounts {
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  disruptedPods: Record<string, string>;
}

/**
 * updatePdbStatus: the status the controller writes, or undefined when the stored one already says
 * it. No disruption is allowed while no pod is expected, so a budget whose first pods appear before
 * the controller has looked is safe.
 */
export function nextPdbStatus(pdb: PodDisruptionBudget, counts: PdbCounts, nowMs: number): PodDisruptionBudgetStatus | undefined {
  let disruptionsAllowed = counts.currentHealthy - counts.desiredHealthy;
  if (counts.expectedPods <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
  const s = pdb.status;
  const generation = pdb.metadata.generation ?? 0;
  if (
    s &&
    s.currentHealthy === counts.currentHealthy &&
    s.desiredHealthy === counts.desiredHealthy &&
    s.expectedPods === counts.expectedPods &&
    s.disruptionsAllowed === disruptionsAllowed &&
    sameDisrupted(s.disruptedPods, counts.disruptedPods) &&
    (s.observedGeneration ?? 0) === generation &&
    conditionsAreUpToDate(pdb)
  ) {
    return undefined;
  }
  const next: PodDisruptionBudgetStatus = {
    ...(generation ? { observedGeneration: generation } : {}),
    ...(Object.keys(counts.disruptedPods).length > 0 ? { disruptedPods: counts.disruptedPods } : {}),
    disruptionsAllowed,
    currentHealthy: counts.currentHealthy,
    desiredHealthy: counts.desiredHealthy,
    expectedPods: counts.expectedPods,
    conditions: (s?.conditions ?? []).map((c) => ({ ...c })),
  };
  updateDisruptionAllowedCondition(next, nowMs);
  return next;
}

function sameDisrupted(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>>): boolean {
  const ak = Object.keys(a ?? {});
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every((k) => (a ?? {})[k] === b[k]);
}
