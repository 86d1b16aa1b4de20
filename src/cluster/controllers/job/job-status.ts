/**
 * Job status helpers (k/k pkg/controller/job/job_controller.go newCondition, ensureJobConditionStatus,
 * and the API's omitempty rules): conditions carry lastProbeTime and lastTransitionTime; zero counters
 * and empty lists are left out, while `ready`, `terminating` and `uncountedTerminatedPods` are always
 * written, as kube's pointers make them appear.
 */
import type { JobCondition, JobStatus } from './job-types.ts';

export const REASON_BACKOFF_LIMIT_EXCEEDED = 'BackoffLimitExceeded';
export const MESSAGE_BACKOFF_LIMIT_EXCEEDED = 'Job has reached the specified backoff limit';
export const REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const MESSAGE_DEADLINE_EXCEEDED = 'Job was active longer than specified deadline';
export const REASON_POD_FAILURE_POLICY = 'PodFailurePolicy';
export const REASON_COMPLETIONS_REACHED = 'CompletionsReached';
export const MESSAGE_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';

export function newCondition(type: string, status: string, reason: string, message: string, now: string): JobCondition {
  return { type, status, lastProbeTime: now, lastTransitionTime: now, reason, message };
}

export function findCondition(status: JobStatus, type: string): JobCondition | undefined {
  return status.conditions?.find((c) => c.type === type);
}

/**
 * Sets condition `type` to `status` (ensureJobConditionStatus): an existing one with another status is
 * replaced; a missing one is added only when True. Returns whether anything changed. Mutates `js`.
 */
export function ensureCondition(js: JobStatus, type: string, status: string, reason: string, message: string, now: string): boolean {
  const conds = (js.conditions ??= []);
  const i = conds.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = conds[i]!;
    if (c.status === status && c.reason === reason && c.message === message) return false;
    conds[i] = { ...c, status, reason, message, lastProbeTime: now, ...(c.status !== status ? { lastTransitionTime: now } : {}) };
    return true;
  }
  if (status !== 'True') return false;
  conds.push(newCondition(type, status, reason, message, now));
  return true;
}

/** Drops what the API would omit (zero counters, empty lists and strings). Mutates and returns `js`. */
export function tidyStatus(js: JobStatus): JobStatus {
  for (const k of ['active', 'succeeded', 'failed'] as const) if (!js[k]) delete js[k];
  if (!js.completedIndexes) delete js.completedIndexes;
  if (js.conditions && js.conditions.length === 0) delete js.conditions;
  const u = (js.uncountedTerminatedPods ??= {});
  if (u.succeeded && u.succeeded.length === 0) delete u.succeeded;
  if (u.failed && u.failed.length === 0) delete u.failed;
  js.ready ??= 0;
  js.terminating ??= 0;
  return js;
}
