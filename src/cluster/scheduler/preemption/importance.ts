/**
 * Which pods matter more when choosing victims (k/k pkg/scheduler/util MoreImportantPod,
 * GetEarliestPodStartTime): higher priority, then the pod running longer. A pod not started yet counts
 * as starting now.
 */
import type { PodInfo } from '../framework/pod-info.ts';

export function podStartTime(p: PodInfo, now: number): number {
  return p.startTime ?? now;
}

/** MoreImportantPod: higher priority first; equal priority, earlier start first. */
export function moreImportantPod(a: PodInfo, b: PodInfo, now: number): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return podStartTime(a, now) < podStartTime(b, now);
}

/** Sorts most important first (stable for equals). */
export function sortByImportance(pods: PodInfo[], now: number): void {
  pods.sort((a, b) => (moreImportantPod(a, b, now) ? -1 : moreImportantPod(b, a, now) ? 1 : 0));
}

/** The earliest start time among the highest-priority victims. */
export function earliestStartOfHighestPriority(victims: readonly PodInfo[], now: number): number | undefined {
  const first = victims[0];
  if (!first) return undefined;
  let maxPriority = first.priority;
  let earliest = podStartTime(first, now);
  for (const v of victims) {
    if (v.priority === maxPriority) {
      earliest = Math.min(earliest, podStartTime(v, now));
    } else if (v.priority > maxPriority) {
      maxPriority = v.priority;
      earliest = podStartTime(v, now);
    }
  }
  return earliest;
}
