/**
 * A whole cluster on virtual time: the store, the API server and (as they arrive) the scheduler,
 * controllers and kubelets, wired together and bootstrapped as a fresh kubeadm cluster looks.
 *
 * Deterministic: the same seed and the same calls give the same store, byte for byte.
 */
import { VirtualClock } from './sim/clock.ts';
import { Rng } from './sim/rng.ts';
import { MvccStore } from './store/mvcc-store.ts';
import { ApiServer } from './api/api-server.ts';
import { DEFAULT_ADMISSION } from './api/admission/index.ts';
import type { Actor, KubeObject } from './api/types.ts';
import { bootstrapObjects } from './bootstrap.ts';
import { Scheduler } from './scheduler/scheduler.ts';

export interface ClusterOptions {
  seed?: number;
  /** Virtual start time, ms since the epoch. */
  startMs?: number;
  /** Run kube-scheduler (default true). */
  scheduler?: boolean;
}

/** The API server's own identity, for what it writes while bootstrapping. */
export const APISERVER_ACTOR: Actor = { name: 'kube-apiserver', component: 'kube-apiserver' };

export class Cluster {
  readonly seed: number;
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly store: MvccStore;
  readonly api: ApiServer;
  readonly scheduler: Scheduler;

  constructor(opts: ClusterOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.clock = new VirtualClock(opts.startMs);
    this.rng = new Rng(this.seed);
    this.store = new MvccStore();
    this.api = new ApiServer({ store: this.store, clock: this.clock, rng: this.rng.fork(), admission: DEFAULT_ADMISSION });
    for (const obj of bootstrapObjects()) this.createSystemObject(obj);
    this.scheduler = new Scheduler({ api: this.api, clock: this.clock, rng: this.rng.fork() });
    if (opts.scheduler !== false) this.scheduler.start();
  }

  /** kube-scheduler's queue lengths, for the page. */
  schedulerQueue() {
    return this.scheduler.queueLengths();
  }

  /** The scheduler's recent decisions about a pod (newest last): the "why here / why Pending". */
  decisionRecords(namespace: string, podName: string) {
    return this.scheduler.decisionsFor(namespace, podName);
  }

  /** Moves virtual time forward, running everything due. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  private createSystemObject(obj: KubeObject): void {
    const t = this.api.resolveKind(obj.apiVersion, obj.kind);
    this.api.create({ group: t.group, resource: t.resource, namespace: obj.metadata.namespace }, obj, { actor: APISERVER_ACTOR, fieldValidation: 'Strict' });
  }
}
