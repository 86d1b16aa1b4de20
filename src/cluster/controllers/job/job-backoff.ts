/**
 * The Job's pod failure back-off (k/k pkg/controller/job/backoff_utils.go): after N consecutive
 * failures (since the last success) no replacement is created until 10 s * 2^(N-1), capped at 10
 * minutes (MaxJobPodFailureBackOff), has passed since the last failure. A pod's finish time is its
 * containers' latest `finishedAt`, else its Ready=False transition, else its deletion time minus the
 * grace period, else its creation.
 */
import { parseTime } from '../../sim/clock.ts';
import type { Pod } from '../replica-set/workload-types.ts';

export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureMs?: number;
}

function toMs(s: unknown): number | undefined {
  if (typeof s !== 'string' || !s) return undefined;
  const t = parseTime(s);
  return Number.isNaN(t) ? undefined : t;
}

/** When the pod finished, in epoch ms (getFinishedTime). */
export function podFinishedMs(pod: Pod): number {
  let latest: number | undefined;
  let allDone = (pod.status?.containerStatuses ?? []).length > 0;
  for (const c of pod.status?.containerStatuses ?? []) {
    const at = toMs((c.state as { terminated?: { finishedAt?: string } } | undefined)?.terminated?.finishedAt);
    if (at === undefined) {
      allDone = false;
      break;
    }
    latest = latest === undefined ? at : Math.max(latest, at);
  }
  if (allDone && latest !== undefined) return latest;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const readyFalse = ready?.status === 'False' ? toMs(ready.lastTransitionTime) : undefined;
  if (readyFalse !== undefined) return readyFalse;
  const deletion = toMs(pod.metadata.deletionTimestamp);
  if (deletion !== undefined) return deletion - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return toMs(pod.metadata.creationTimestamp) ?? 0;
}

/** The record after newly counted successes and failures (newBackoffRecord). Never mutates `prev`. */
export function nextBackoffRecord(prev: BackoffRecord, newSucceeded: readonly Pod[], newFailed: readonly Pod[]): BackoffRecord {
  const failedTimes = newFailed.map(podFinishedMs).sort((a, b) => a - b);
  if (newSucceeded.length === 0) {
    if (failedTimes.length === 0) return prev;
    return { failuresAfterLastSuccess: prev.failuresAfterLastSuccess + failedTimes.length, lastFailureMs: failedTimes[failedTimes.length - 1] };
  }
  const lastSuccess = Math.max(...newSucceeded.map(podFinishedMs));
  const after = failedTimes.filter((t) => t > lastSuccess);
  return after.length === 0 ? { failuresAfterLastSuccess: 0 } : { failuresAfterLastSuccess: after.length, lastFailureMs: after[after.length - 1] };
}

/** How long until a replacement may be created (0: now). */
export function remainingBackoffMs(record: BackoffRecord, nowMs: number, baseMs = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS, maxMs = MAX_JOB_POD_FAILURE_BACKOFF_MS): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureMs === undefined) return 0;
  let backoff = baseMs;
  for (let i = 1; i < record.failuresAfterLastSuccess; i++) {
    backoff *= 2;
    if (backoff >= maxMs) {
      backoff = maxMs;
      break;
    }
  }
  const elapsed = nowMs - record.lastFailureMs;
  return backoff < elapsed ? 0 : backoff - elapsed;
}
