/**
 * kube-controller-manager: every controller of the sandbox, sharing one set of informers, each with its
 * own work queue. Controllers can be stopped and started as a unit (chaos: "stop the controller
 * manager") — while stopped nothing reconciles, exactly as when the real component is down.
 */
import type { ApiServer } from './api/api-server.ts';
import type { Actor } from './api/types.ts';
import type { VirtualClock } from './sim/clock.ts';
import type { Rng } from './sim/rng.ts';
import { SharedInformers } from './client/shared-informers.ts';
import type { Controller, ControllerContext } from './controllers/runtime/controller.ts';
import { ReplicaSetController, ReplicationManager } from './controllers/replica-set/replica-set-controller.ts';
import { DeploymentController } from './controllers/deployment/deployment-controller.ts';
import { NodeLifecycleController } from './controllers/node-lifecycle/node-lifecycle-controller.ts';
import { TaintEvictionController } from './controllers/taint-eviction/taint-eviction-controller.ts';
import { GarbageCollector } from './controllers/garbage-collector/garbage-collector.ts';
import { NamespaceController } from './controllers/namespace/namespace-controller.ts';
import { StatefulSetController } from './controllers/stateful-set/stateful-set-controller.ts';
import { DaemonSetController } from './controllers/daemon-set/daemon-set-controller.ts';
import { PodGCController } from './controllers/pod-gc/pod-gc-controller.ts';
import { JobController } from './controllers/job/job-controller.ts';
import { TtlAfterFinishedController } from './controllers/job/ttl-after-finished-controller.ts';
import { CronJobController } from './controllers/cron-job/cron-job-controller.ts';
import { EndpointsController } from './controllers/endpoints/endpoints-controller.ts';
import { EndpointSliceController } from './controllers/endpoints/endpoint-slice-controller.ts';
import { DisruptionController } from './controllers/disruption/disruption-controller.ts';
import { ResourceQuotaController } from './controllers/resource-quota/resource-quota-controller.ts';
import { PersistentVolumeController } from './controllers/volume/persistent-volume-controller.ts';

const ACTOR: Actor = { name: 'kube-controller-manager', component: 'kube-controller-manager' };

export type ControllerFactory = (ctx: ControllerContext) => Controller;

/** The controllers kube-controller-manager runs here, in the order they start. */
export const DEFAULT_CONTROLLERS: readonly ControllerFactory[] = [
  (ctx) => new DeploymentController(ctx),
  (ctx) => new ReplicaSetController(ctx),
  (ctx) => new ReplicationManager(ctx),
  (ctx) => new StatefulSetController(ctx),
  (ctx) => new DaemonSetController(ctx),
  (ctx) => new JobController(ctx),
  (ctx) => new TtlAfterFinishedController(ctx),
  (ctx) => new CronJobController(ctx),
  (ctx) => new EndpointsController(ctx),
  (ctx) => new EndpointSliceController(ctx),
  (ctx) => new DisruptionController(ctx),
  (ctx) => new ResourceQuotaController(ctx),
  (ctx) => new PersistentVolumeController(ctx),
  (ctx) => new NodeLifecycleController(ctx),
  (ctx) => new TaintEvictionController(ctx),
  (ctx) => new GarbageCollector(ctx),
  (ctx) => new NamespaceController(ctx),
  (ctx) => new PodGCController(ctx),
];

export class ControllerManager {
  readonly controllers: Controller[];
  readonly informers: SharedInformers;

  constructor(ctx: { api: ApiServer; clock: VirtualClock; rng: Rng }, factories: readonly ControllerFactory[] = DEFAULT_CONTROLLERS) {
    this.informers = new SharedInformers(ctx.api, ACTOR);
    const cctx: ControllerContext = { ...ctx, informers: this.informers };
    this.controllers = factories.map((f) => f(cctx));
  }

  start(): void {
    for (const c of this.controllers) c.start();
  }

  /** Each controller's queue, for the head node's figures. */
  queues(): { name: string; depth: number; processed: number }[] {
    return this.controllers.map((c) => ({ name: c.name, depth: c.queue.len(), processed: c.queue.processed }));
  }

  get(name: string): Controller | undefined {
    return this.controllers.find((c) => c.name === name);
  }
}
