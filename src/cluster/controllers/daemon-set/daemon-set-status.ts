/**
 * A DaemonSet's status (k/k pkg/controller/daemon/daemon_controller.go updateDaemonSetStatus): per node
 * that should run the pod, desired; with a pod there (bound or meant for it), current; the oldest such
 * pod counts for ready, available (minReadySeconds) and updated; a pod on a node that should not run
 * one is misscheduled. Zero `omitempty` counts are left out, as the API prints them.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import { isPodAvailable, isPodReady } from '../replica-set/pod-utils.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { isPodUpdated, nodeShouldRunDaemonPod, type DaemonSet, type DaemonSetStatus } from './daemon-pod.ts';

export function byCreation(a: Pod, b: Pod): number {
  return (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
}

export function calculateDaemonSetStatus(
  ds: DaemonSet,
  nodes: readonly INode[],
  nodeToPods: ReadonlyMap<string, readonly Pod[]>,
  hash: string,
  generation: string | undefined,
  collisionCount: number | undefined,
  nowMs: number,
): DaemonSetStatus {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
    const pods = nodeToPods.get(node.metadata?.name ?? '') ?? [];
    if (shouldRun) {
      desired++;
      if (pods.length === 0) continue;
      current++;
      const pod = [...pods].sort(byCreation)[0]!;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, ds.spec.minReadySeconds ?? 0, nowMs)) available++;
      }
      if (isPodUpdated(pod, hash, generation)) updated++;
    } else if (pods.length > 0) misscheduled++;
  }
  const status: DaemonSetStatus = { currentNumberScheduled: current, numberMisscheduled: misscheduled, desiredNumberScheduled: desired, numberReady: ready };
  if (ds.metadata.generation) status.observedGeneration = ds.metadata.generation;
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available) status.numberUnavailable = desired - available;
  if (collisionCount) status.collisionCount = collisionCount;
  if (ds.status?.conditions) status.conditions = ds.status.conditions;
  return status;
}
