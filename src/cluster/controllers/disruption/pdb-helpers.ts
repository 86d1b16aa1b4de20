/**
 * PodDisruptionBudget helpers shared by the disruption controller and the API server's eviction
 * subresource (k8s.io/component-helpers/apps/poddisruptionbudget and apimachinery's
 * `meta.SetStatusCondition`): the `DisruptionAllowed` condition and which budgets select a pod.
 *
 * Pure functions over plain JSON; none mutates its input except where it says so.
 */
import type { KubeObject } from '../../api/types.ts';
import type { LabelSelectorLike } from '../../api/labels/selector.ts';
import { selectorFromLabelSelector } from '../../api/labels/selector.ts';
import { rfc3339 } from '../../sim/clock.ts';

export const DISRUPTION_ALLOWED_CONDITION = 'DisruptionAllowed';
export const SUFFICIENT_PODS_REASON = 'SufficientPods';
export const INSUFFICIENT_PODS_REASON = 'InsufficientPods';
export const SYNC_FAILED_REASON = 'SyncFailed';
/** How long an eviction's entry in `status.disruptedPods` is honoured before the controller drops it. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/** metav1.Condition, with its fields in the API's order. */
export interface MetaCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export type IntOrString = number | string;

export interface PodDisruptionBudgetStatus {
  observedGeneration?: number;
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: MetaCondition[];
}

export interface PodDisruptionBudget extends KubeObject {
  spec?: {
    minAvailable?: IntOrString;
    maxUnavailable?: IntOrString;
    selector?: LabelSelectorLike | null;
    unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
  };
  status?: PodDisruptionBudgetStatus;
}

/**
 * apimachinery `meta.SetStatusCondition`: adds or updates the condition of `cond.type` in place;
 * `lastTransitionTime` moves only when the status changes. Returns whether anything changed.
 */
export function setStatusCondition(conditions: MetaCondition[], cond: Omit<MetaCondition, 'lastTransitionTime'>, nowMs: number): boolean {
  const existing = conditions.find((c) => c.type === cond.type);
  if (!existing) {
    const added: MetaCondition = { type: cond.type, status: cond.status, ...(cond.observedGeneration ? { observedGeneration: cond.observedGeneration } : {}), lastTransitionTime: rfc3339(nowMs), reason: cond.reason, message: cond.message };
    conditions.push(added);
    return true;
  }
  let changed = false;
  if (existing.status !== cond.status) {
    existing.status = cond.status;
    existing.lastTransitionTime = rfc3339(nowMs);
    changed = true;
  }
  if (existing.reason !== cond.reason) {
    existing.reason = cond.reason;
    changed = true;
  }
  if (existing.message !== cond.message) {
    existing.message = cond.message;
    changed = true;
  }
  if ((existing.observedGeneration ?? 0) !== (cond.observedGeneration ?? 0)) {
    if (cond.observedGeneration) existing.observedGeneration = cond.observedGeneration;
    else delete existing.observedGeneration;
    changed = true;
  }
  return changed;
}

/**
 * pdbhelper.UpdateDisruptionAllowedCondition: `DisruptionAllowed` True/SufficientPods when
 * disruptions are allowed, else False/InsufficientPods. Mutates `status` (which must be a copy).
 */
export function updateDisruptionAllowedCondition(status: PodDisruptionBudgetStatus, nowMs: number): void {
  status.conditions ??= [];
  const allowed = status.disruptionsAllowed > 0;
  setStatusCondition(
    status.conditions,
    {
      type: DISRUPTION_ALLOWED_CONDITION,
      status: allowed ? 'True' : 'False',
      ...(status.observedGeneration ? { observedGeneration: status.observedGeneration } : {}),
      reason: allowed ? SUFFICIENT_PODS_REASON : INSUFFICIENT_PODS_REASON,
      message: '',
    },
    nowMs,
  );
}

/** pdbhelper.ConditionsAreUpToDate: the condition agrees with `disruptionsAllowed` for this generation. */
export function conditionsAreUpToDate(pdb: PodDisruptionBudget): boolean {
  const status = pdb.status;
  const cond = status?.conditions?.find((c) => c.type === DISRUPTION_ALLOWED_CONDITION);
  if (!status || !cond) return false;
  if ((status.observedGeneration ?? 0) !== (pdb.metadata.generation ?? 0)) return false;
  if (status.disruptionsAllowed > 0) return cond.status === 'True' && cond.reason === SUFFICIENT_PODS_REASON;
  return cond.status === 'False' && cond.reason === INSUFFICIENT_PODS_REASON;
}

/**
 * Whether the budget selects the pod as the disruption controller sees it (policy/v1: a missing
 * selector selects nothing, an empty one every pod of the namespace). An invalid selector selects
 * nothing.
 */
export function pdbSelectsPod(pdb: PodDisruptionBudget, pod: KubeObject): boolean {
  if (pdb.metadata.namespace !== pod.metadata.namespace) return false;
  try {
    return selectorFromLabelSelector(pdb.spec?.selector).matches(pod.metadata.labels);
  } catch {
    return false;
  }
}

/**
 * Whether the eviction subresource counts the budget for the pod: as `pdbSelectsPod`, except that an
 * empty selector matches nothing there ("it should match nothing, not everything").
 */
export function pdbGuardsPodForEviction(pdb: PodDisruptionBudget, pod: KubeObject): boolean {
  if (pdb.metadata.namespace !== pod.metadata.namespace) return false;
  try {
    const sel = selectorFromLabelSelector(pdb.spec?.selector);
    return !sel.isEmpty() && sel.matches(pod.metadata.labels);
  } catch {
    return false;
  }
}
