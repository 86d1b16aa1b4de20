/**
 * A ReplicaSet's (or ReplicationController's) status from the pods it owns (k/k
 * pkg/controller/replicaset/replica_set_utils.go calculateStatus): replicas, fullyLabeledReplicas,
 * readyReplicas, availableReplicas (ready for minReadySeconds), and a ReplicaFailure condition while
 * creating or deleting pods fails. Zero counts are omitted as Go's `omitempty` omits them; `replicas`
 * is always present.
 */
import { selectorFromSet } from '../../api/labels/selector.ts';
import { jsonEqual } from '../../api/object-meta.ts';
import { rfc3339 } from '../../sim/clock.ts';
import { isPodAvailable, isPodReady } from './pod-utils.ts';
import type { Pod, ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from './workload-types.ts';

export const REPLICA_FAILURE = 'ReplicaFailure';

/** What went wrong creating or deleting pods: the API error's message, as the condition carries it. */
export interface ManageError {
  message: string;
}

/** The status `rs` should have given its active, claimed pods. Never mutates its inputs. */
export function calculateReplicaSetStatus(rs: ReplicaSet, pods: readonly Pod[], manageError: ManageError | undefined, nowMs: number): ReplicaSetStatus {
  const templateLabels = selectorFromSet(rs.spec.template?.metadata?.labels ?? {});
  const minReady = rs.spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (templateLabels.matches(pod.metadata.labels ?? {})) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, nowMs)) available++;
    }
  }
  const old = rs.status ?? { replicas: 0 };
  let conditions = old.conditions ? old.conditions.map((c) => ({ ...c })) : undefined;
  const failure = conditions?.find((c) => c.type === REPLICA_FAILURE);
  if (manageError && !failure) {
    const diff = pods.length - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const cond: ReplicaSetCondition = { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: rfc3339(nowMs), reason, message: manageError.message };
    conditions = [...(conditions ?? []), cond];
  } else if (!manageError && failure) {
    conditions = conditions!.filter((c) => c.type !== REPLICA_FAILURE);
  }
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (old.observedGeneration) status.observedGeneration = old.observedGeneration;
  if (conditions && conditions.length > 0) status.conditions = conditions;
  return status;
}

/** True when `status` (with observedGeneration set to the object's generation) differs from the stored one. */
export function replicaSetStatusChanged(rs: ReplicaSet, status: ReplicaSetStatus): boolean {
  return !jsonEqual(rs.status ?? { replicas: 0 }, status);
}
