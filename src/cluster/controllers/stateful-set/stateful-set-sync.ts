/**
 * One StatefulSet sync (k/k pkg/controller/statefulset/stateful_set_control.go updateStatefulSet), given
 * the set's claimed pods and its current and update revisions:
 *
 * 1. Ordinals in [start, start+replicas) are the replicas; other members are condemned.
 * 2. Replicas in ordinal order: a Failed/Succeeded pod is deleted and recreated; a missing pod is
 *    created (claims first) — with OrderedReady the sync stops there and waits; with OrderedReady it
 *    also waits on a terminating, not Running-and-Ready or not yet available (minReadySeconds) pod.
 *    Parallel creates every missing pod at once.
 * 3. Condemned pods from the highest ordinal: with OrderedReady one at a time, each only once it
 *    terminated and its predecessors are healthy.
 * 4. RollingUpdate: from the highest ordinal down to `partition`, delete the first pod not at the
 *    update revision, waiting for each to come back healthy. OnDelete: nothing.
 *
 * A pod is recreated from the current revision when its ordinal is below the partition, else from the
 * update revision (newVersionedStatefulSetPod). The returned status counts the pods seen at the start
 * plus what this sync created, as upstream's does; the next sync corrects it from the informer.
 */
import type { OwnerReference } from '../../api/types.ts';
import type { EventRecorder } from '../../client/event-recorder.ts';
import { isPodAvailable, isPodReady } from '../replica-set/pod-utils.ts';
import type { Pod, PodTemplateSpec } from '../replica-set/workload-types.ts';
import type { StatefulPodControl } from './stateful-pod-control.ts';
import { identityMatches, newStatefulSetPod, ordinalOf, podRevision, startOrdinal, storageMatches, type StatefulSet, type StatefulSetStatus } from './stateful-pod.ts';

export interface SyncInput {
  set: StatefulSet;
  pods: readonly Pod[];
  currentRevision: string;
  updateRevision: string;
  /** The template of the current revision (what pods below the partition are recreated from). */
  currentTemplate: PodTemplateSpec;
  collisionCount: number;
  controllerRef: OwnerReference;
  nowMs: number;
}

const isCreated = (p: Pod) => !!p.metadata.uid;
const isTerminating = (p: Pod) => !!p.metadata.deletionTimestamp;
const isFailed = (p: Pod) => p.status?.phase === 'Failed';
const isSucceeded = (p: Pod) => p.status?.phase === 'Succeeded';
const isRunningAndReady = (p: Pod) => p.status?.phase === 'Running' && isPodReady(p);
const isHealthy = (p: Pod) => isRunningAndReady(p) && !isTerminating(p);

/** The status of `set` given these pods (computeReplicaStatus). */
export function computeStatus(input: SyncInput): StatefulSetStatus {
  const { set, pods, currentRevision, updateRevision, nowMs } = input;
  const minReady = set.spec.minReadySeconds ?? 0;
  const status: StatefulSetStatus = { replicas: 0, readyReplicas: 0, currentReplicas: 0, updatedReplicas: 0, availableReplicas: 0 };
  for (const p of pods) {
    if (isCreated(p)) status.replicas++;
    if (isRunningAndReady(p)) {
      status.readyReplicas!++;
      if (isPodAvailable(p, minReady, nowMs)) status.availableReplicas!++;
    }
    if (isCreated(p) && !isTerminating(p)) {
      if (podRevision(p) === currentRevision) status.currentReplicas!++;
      if (podRevision(p) === updateRevision) status.updatedReplicas!++;
    }
  }
  if (set.metadata.generation) status.observedGeneration = set.metadata.generation;
  status.currentRevision = currentRevision;
  status.updateRevision = updateRevision;
  status.collisionCount = input.collisionCount;
  return status;
}

/** Runs one sync; returns the status to write. Throws the first API error (the key is retried). */
export function syncStatefulSet(input: SyncInput, control: StatefulPodControl, recorder: EventRecorder): StatefulSetStatus {
  const { set, nowMs } = input;
  const status = computeStatus(input);
  if (set.metadata.deletionTimestamp) return status;

  const start = startOrdinal(set);
  const replicaCount = set.spec.replicas ?? 1;
  const minReady = set.spec.minReadySeconds ?? 0;
  const monotonic = (set.spec.podManagementPolicy ?? 'OrderedReady') !== 'Parallel';
  const rolling = (set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  const partition = rolling ? (set.spec.updateStrategy?.rollingUpdate?.partition ?? 0) : 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, nowMs);

  const replicas: (Pod | undefined)[] = new Array<Pod | undefined>(replicaCount).fill(undefined);
  const condemned: Pod[] = [];
  for (const p of input.pods) {
    const ord = ordinalOf(p);
    if (ord < 0) continue;
    if (ord >= start && ord < start + replicaCount) replicas[ord - start] = p;
    else condemned.push(p);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));

  const versioned = (ordinal: number): Pod => {
    // newVersionedStatefulSetPod: below the partition pods come back at the current revision.
    const atCurrent = rolling && ordinal < partition;
    const from: StatefulSet = atCurrent ? { ...set, spec: { ...set.spec, template: input.currentTemplate } } : set;
    return newStatefulSetPod(from, ordinal, atCurrent ? input.currentRevision : input.updateRevision, input.controllerRef);
  };
  const slots: Pod[] = replicas.map((p, i) => p ?? versioned(start + i));

  let firstUnhealthy: Pod | undefined;
  for (const p of slots) if (!firstUnhealthy && !isHealthy(p)) firstUnhealthy = p;
  for (let i = condemned.length - 1; i >= 0; i--) if (!firstUnhealthy && !isHealthy(condemned[i]!)) firstUnhealthy = condemned[i];

  const countCreated = (p: Pod) => {
    status.replicas++;
    if (podRevision(p) === input.currentRevision) status.currentReplicas!++;
    if (podRevision(p) === input.updateRevision) status.updatedReplicas!++;
  };

  // Returns true when the sync must stop here.
  const processReplica = (i: number): boolean => {
    let pod = slots[i]!;
    if (isCreated(pod) && (isFailed(pod) || isSucceeded(pod)) && !isTerminating(pod)) {
      const what = isFailed(pod) ? ['Warning', 'RecreatingFailedPod', 'failed'] : ['Normal', 'RecreatingTerminatedPod', 'terminated'];
      recorder.event(set, what[0] as 'Warning' | 'Normal', what[1]!, `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating ${what[2]} Pod ${pod.metadata.name}`);
      control.deletePod(set, pod);
      status.replicas--;
      // A finished pod is deleted at once (no grace), so its successor can be created right away.
      pod = versioned(start + i);
      slots[i] = pod;
    }
    if (!isCreated(pod)) {
      control.createPod(set, pod);
      countCreated(pod);
      return monotonic;
    }
    if (pod.status?.phase === 'Pending' && !isTerminating(pod)) control.createMissingClaims(set, pod);
    if (isTerminating(pod) && monotonic) return true;
    if (!isRunningAndReady(pod) && monotonic) return true;
    if (!available(pod) && monotonic) return true;
    if (isTerminating(pod)) return false;
    control.syncClaimOwners(set, pod);
    if (!identityMatches(set, pod) || !storageMatches(set, pod)) {
      pod = { ...pod };
      control.updatePod(set, pod);
    }
    return false;
  };

  let parallelError: unknown;
  for (let i = 0; i < slots.length; i++) {
    let stop = false;
    try {
      stop = processReplica(i);
    } catch (e) {
      if (monotonic) throw e;
      // Parallel: the others still get their turn; the error retries the key.
      parallelError ??= e;
    }
    if (stop) return finish();
  }
  if (parallelError !== undefined) throw parallelError;

  for (const p of condemned) if (!isTerminating(p)) control.syncClaimOwners(set, p);
  for (const p of condemned) {
    if (isTerminating(p)) {
      if (monotonic) return finish();
      continue;
    }
    if (monotonic && p !== firstUnhealthy && (!isRunningAndReady(p) || !available(p))) return finish();
    control.deletePod(set, p);
    if (podRevision(p) === input.currentRevision) status.currentReplicas!--;
    if (podRevision(p) === input.updateRevision) status.updatedReplicas!--;
    if (monotonic) return finish();
  }

  if (!rolling) return finish();
  for (let target = slots.length - 1; target >= partition; target--) {
    const p = slots[target]!;
    if (!isCreated(p)) return finish();
    if (podRevision(p) !== input.updateRevision && !isTerminating(p)) {
      control.deletePod(set, p);
      if (podRevision(p) === input.currentRevision) status.currentReplicas!--;
      return finish();
    }
    if (!isHealthy(p) || !available(p)) return finish();
  }
  return finish();

  function finish(): StatefulSetStatus {
    // completeRollingUpdate: once every pod is updated and ready, the update revision becomes current.
    if (rolling && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
      status.currentReplicas = status.updatedReplicas;
      status.currentRevision = status.updateRevision;
    }
    return status;
  }
}
