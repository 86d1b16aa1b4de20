/**
 * Status: what every plugin answers, as kube-scheduler's framework.Status (k/k pkg/scheduler/framework
 * interface.go). A `null` status means Success, as a nil *Status does in Go, so the hot path allocates
 * nothing for passing nodes.
 */

/** The real status codes, in upstream order. */
export type Code =
  | 'Success'
  | 'Error'
  | 'Unschedulable'
  | 'UnschedulableAndUnresolvable'
  | 'Wait'
  | 'Skip'
  | 'Pending';

export interface Status {
  readonly code: Code;
  /** Human-readable reasons, each counted separately in the FitError message. */
  readonly reasons: readonly string[];
}

/** A plugin result: `null` is Success. */
export type MaybeStatus = Status | null;

/** Builds a status; reasons are kept as given (they are counted verbatim in the FitError message). */
export function newStatus(code: Code, ...reasons: string[]): Status {
  return Object.freeze({ code, reasons: Object.freeze(reasons) });
}

/** Reusable Skip status (PreFilter/PreScore "this plugin has nothing to do for this pod"). */
export const SKIP: Status = newStatus('Skip');

export function isSuccess(s: MaybeStatus): boolean {
  return s === null || s.code === 'Success';
}

/** Unschedulable or UnschedulableAndUnresolvable: the node (or pod) was rejected, not an error. */
export function isRejected(s: MaybeStatus): boolean {
  return s !== null && (s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable' || s.code === 'Pending');
}

export function isSkip(s: MaybeStatus): boolean {
  return s !== null && s.code === 'Skip';
}

/** Status.Message(): reasons joined by ", " (empty for success). */
export function statusMessage(s: MaybeStatus): string {
  return s === null ? '' : s.reasons.join(', ');
}
