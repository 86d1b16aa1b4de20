/**
 * What kind of change an update to a pending pod is, as the queue's events name it
 * (framework.UpdatePodSchedulingGatesEliminated, UpdatePodTolerations, UpdatePodLabel, Update).
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ClusterEvent } from '../framework/events.ts';

/** The UnscheduledPod update action a pod change amounts to, or null for a status-only change. */
export function podUpdateAction(oldPod: IPod | undefined, pod: IPod): ClusterEvent['action'] | null {
  if (!oldPod) return 'Update';
  const oldGates = oldPod.spec?.schedulingGates?.length ?? 0;
  const newGates = pod.spec?.schedulingGates?.length ?? 0;
  if (oldGates > 0 && newGates === 0) return 'UpdatePodSchedulingGatesEliminated';
  if (JSON.stringify(oldPod.spec?.tolerations ?? []) !== JSON.stringify(pod.spec?.tolerations ?? [])) return 'UpdatePodTolerations';
  if (JSON.stringify(oldPod.metadata?.labels ?? {}) !== JSON.stringify(pod.metadata?.labels ?? {})) return 'UpdatePodLabel';
  if (JSON.stringify(oldPod.spec) !== JSON.stringify(pod.spec)) return 'Update';
  return null;
}
