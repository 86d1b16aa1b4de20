/**
 * What a pod worker needs from the kubelet that runs it: time, chance, the node's images, back-offs and
 * addresses, an event recorder, and the two writes a kubelet makes about pods.
 */
import type { VirtualClock } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import type { EventRecorder } from '../client/event-recorder.ts';
import type { Backoff } from './backoff.ts';
import type { ImageStore } from './image-store.ts';
import type { IpAllocator } from './ip-allocator.ts';
import type { PodWorker } from './pod-worker.ts';

export interface KubeletRuntime {
  readonly nodeName: string;
  readonly hostIP: string;
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly recorder: EventRecorder;
  readonly images: ImageStore;
  readonly ips: IpAllocator;
  readonly crashBackoff: Backoff;
  readonly pullBackoff: Backoff;
  /** Posts `status` as the pod's status (pods/status); a pod that is gone is forgotten. */
  writeStatus(worker: PodWorker, status: Record<string, unknown>): void;
  /** The pod's containers are all stopped: delete it with grace period 0 (UID precondition). */
  confirmDeletion(worker: PodWorker): void;
}
