/**
 * The shape every controller has (sample-controller / controller-runtime): informer handlers only
 * enqueue keys; `reconcile(key)` reads the caches, never mutates cached objects, writes through the
 * client, records Events, and returns an optional requeue delay. Level-based and idempotent.
 */
import type { ApiServer } from '../../api/api-server.ts';
import type { Actor, KubeObject } from '../../api/types.ts';
import type { VirtualClock } from '../../sim/clock.ts';
import type { Rng } from '../../sim/rng.ts';
import { Client } from '../../client/client.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { SharedInformers } from '../../client/shared-informers.ts';
import { WorkQueue, type ReconcileResult } from '../../client/work-queue.ts';
import { keyOf } from '../../client/informer.ts';

/** What a control-plane component gets from the cluster. */
export interface ControllerContext {
  api: ApiServer;
  clock: VirtualClock;
  rng: Rng;
  /** Informers shared by every controller of kube-controller-manager. */
  informers: SharedInformers;
}

export abstract class Controller {
  /** The controller's name as kube-controller-manager names it (`replicaset-controller`). */
  abstract readonly name: string;
  readonly queue: WorkQueue;
  readonly client: Client;
  readonly recorder: EventRecorder;
  protected readonly ctx: ControllerContext;
  /** Recent reconcile errors (bounded), for the page and for tests to assert none happened. */
  readonly errors: { key: string; message: string }[] = [];

  constructor(ctx: ControllerContext, name: string) {
    this.ctx = ctx;
    const actor: Actor = { name, component: 'kube-controller-manager' };
    this.client = new Client(ctx.api, actor);
    this.recorder = new EventRecorder(ctx.api, { component: name }, actor);
    this.queue = new WorkQueue(ctx.clock, name, (key) => this.reconcile(key), {
      onError: (key, e) => {
        this.errors.push({ key, message: e instanceof Error ? e.message : String(e) });
        if (this.errors.length > 50) this.errors.shift();
      },
    });
  }

  /** Registers informer handlers. Called once, after construction. */
  abstract start(): void;

  /** Brings the world in line with the object behind `key`. */
  abstract reconcile(key: string): ReconcileResult | void;

  protected enqueue(obj: KubeObject): void {
    this.queue.add(keyOf(obj));
  }
}
