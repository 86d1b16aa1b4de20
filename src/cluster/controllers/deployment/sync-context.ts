/**
 * What the Deployment sync steps need from their controller: the API client, the event recorder, the
 * clock, the ReplicaSet cache, and ways to look at a Deployment again later.
 */
import type { Client } from '../../client/client.ts';
import type { EventRecorder } from '../../client/event-recorder.ts';
import type { Deployment, Pod, ReplicaSet } from '../replica-set/workload-types.ts';

export interface SyncContext {
  client: Client;
  recorder: EventRecorder;
  now(): number;
  /** A ReplicaSet from the informer cache. */
  cachedReplicaSet(namespace: string, name: string): ReplicaSet | undefined;
  enqueueAfter(d: Deployment, ms: number): void;
  enqueueRateLimited(d: Deployment): void;
}

/** Pods of each of the Deployment's ReplicaSets, by ReplicaSet uid (getPodMapForDeployment). */
export type PodMap = Map<string, Pod[]>;
