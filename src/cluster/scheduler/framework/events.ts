/**
 * Cluster events and queueing hints (framework.ClusterEvent / QueueingHintFn), simplified: a plugin
 * that rejected a pod says which events could make it schedulable, optionally with a hint function that
 * looks at the changed object. The queue moves an unschedulable pod back only for such events.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';

export type EventResource =
  | 'Node'
  | 'AssignedPod'
  | 'UnscheduledPod'
  | 'PersistentVolumeClaim'
  | 'PersistentVolume'
  | 'StorageClass'
  | 'Namespace'
  | 'PodDisruptionBudget';

export type ActionType =
  | 'Add'
  | 'Delete'
  | 'Update'
  | 'UpdateNodeAllocatable'
  | 'UpdateNodeLabel'
  | 'UpdateNodeTaint'
  | 'UpdateNodeCondition'
  | 'UpdateNodeAnnotation'
  | 'UpdatePodLabel'
  | 'UpdatePodScaleDown'
  | 'UpdatePodTolerations'
  | 'UpdatePodSchedulingGatesEliminated'
  | 'UpdatePodGeneratedResourceClaim';

export interface ClusterEvent {
  readonly resource: EventResource;
  /** The specific action; a registration for `Update` matches every Update* action of the resource. */
  readonly action: ActionType;
  /** A label for logs and the UI, e.g. `NodeTaintChange`. */
  readonly label?: string;
}

export type QueueingHint = 'Queue' | 'QueueSkip';

/** Decides whether the event may make `pod` schedulable. Absent: always Queue. */
export type QueueingHintFn = (pod: IPod, oldObj: unknown, newObj: unknown) => QueueingHint;

export interface ClusterEventWithHint {
  readonly event: { readonly resource: EventResource; readonly actions: readonly ActionType[] };
  readonly hint?: QueueingHintFn;
}

/** Whether a registration covers an event. */
export function registrationMatches(reg: ClusterEventWithHint['event'], ev: ClusterEvent): boolean {
  if (reg.resource !== ev.resource) return false;
  for (const a of reg.actions) {
    if (a === ev.action) return true;
    if (a === 'Update' && ev.action.startsWith('Update')) return true;
  }
  return false;
}

/** Pseudo-plugin name for pods that failed with an error (no plugin to blame): any event requeues them. */
export const UNKNOWN_PLUGIN = '';
