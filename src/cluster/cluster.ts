/**
 * A whole cluster on virtual time: the store, the API server, kube-scheduler, kube-controller-manager and
 * one kubelet per node, wired together and bootstrapped as a fresh kubeadm cluster looks: a
 * `control-plane` node with its static pods, three workers, kube-proxy on every node, CoreDNS.
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
import { ControllerManager, DEFAULT_CONTROLLERS } from './controller-manager.ts';
import { MetricsModel } from './metrics/metrics-model.ts';
import { HorizontalPodAutoscalerController } from './controllers/hpa/hpa-controller.ts';
import { NodePool, type AddNodeRequest } from './node-pool.ts';
import { controlPlaneNode, workerNode, type NodeConfig } from './kubelet/node-config.ts';
import type { KubeletOptions } from './kubelet/kubelet.ts';
import { controlPlaneMirrorPods, coreDnsDeployment, kubeDnsService } from './system-workloads.ts';
import { kubeProxyDaemonSet } from './controllers/daemon-set/kube-proxy.ts';
import { defaultStorageClass } from './controllers/volume/default-storage-class.ts';

export interface ClusterOptions {
  seed?: number;
  /** Virtual start time, ms since the epoch. */
  startMs?: number;
  /** Run kube-scheduler (default true). */
  scheduler?: boolean;
  /** Run kube-controller-manager (default true). */
  controllers?: boolean;
  /**
   * Nodes to boot. Default: none when `scheduler`/`controllers` are off (a bare API server for tests),
   * otherwise the default topology (control-plane + 3 workers).
   */
  nodes?: readonly NodeConfig[];
  /** Create the kube-system workloads (static pods, CoreDNS). Default: with the default topology. */
  systemWorkloads?: boolean;
  kubelet?: KubeletOptions;
  /** Store compaction period in virtual ms (kube-apiserver's 5 min); 0 keeps all history. */
  compactionIntervalMs?: number;
}

export const COMPACTION_INTERVAL_MS = 5 * 60 * 1000;

/** The API server's own identity, for what it writes while bootstrapping. */
export const APISERVER_ACTOR: Actor = { name: 'kube-apiserver', component: 'kube-apiserver' };
/** Who acts when a person presses a button in the sandbox. */
export const SANDBOX_ACTOR: Actor = { name: 'sandbox', component: 'sandbox' };

/** `control-plane` and `worker-1..n` (4 CPU, 8Gi, 110 pods); one zone per node when `zones` is set. */
export function defaultTopology(workers = 3, opts: { zones?: readonly string[]; cpu?: string; memory?: string; pods?: number } = {}): NodeConfig[] {
  const zone = (i: number) => (opts.zones && opts.zones.length > 0 ? { zone: opts.zones[i % opts.zones.length]! } : {});
  const size = { ...(opts.cpu ? { cpu: opts.cpu } : {}), ...(opts.memory ? { memory: opts.memory } : {}), ...(opts.pods ? { pods: opts.pods } : {}) };
  return [controlPlaneNode(zone(0)), ...Array.from({ length: workers }, (_, i) => workerNode(`worker-${i + 1}`, { ...size, ...zone(i) }))];
}

export class Cluster {
  readonly seed: number;
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly store: MvccStore;
  readonly api: ApiServer;
  readonly scheduler: Scheduler;
  readonly controllerManager: ControllerManager;
  readonly nodes: NodePool;
  /** metrics-server's view: container usage from the behaviour model and the load a person sets. */
  readonly metrics: MetricsModel;

  constructor(opts: ClusterOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.clock = new VirtualClock(opts.startMs);
    this.rng = new Rng(this.seed);
    this.store = new MvccStore();
    this.api = new ApiServer({ store: this.store, clock: this.clock, rng: this.rng.fork(), admission: DEFAULT_ADMISSION });
    for (const obj of bootstrapObjects()) this.createSystemObject(obj);
    this.scheduler = new Scheduler({ api: this.api, clock: this.clock, rng: this.rng.fork() });
    if (opts.scheduler !== false) this.scheduler.start();
    // Its own stream from the seed, so adding it changed no other component's randomness.
    this.metrics = new MetricsModel({ api: this.api, clock: this.clock, rng: new Rng(this.seed ^ 0x6d657472) });
    this.controllerManager = new ControllerManager({ api: this.api, clock: this.clock, rng: this.rng.fork() }, [
      ...DEFAULT_CONTROLLERS,
      (ctx) => new HorizontalPodAutoscalerController(ctx, this.metrics),
    ]);
    if (opts.controllers !== false) {
      this.controllerManager.start();
      this.metrics.start();
    }
    this.nodes = new NodePool({ api: this.api, clock: this.clock, rng: this.rng.fork() }, opts.kubelet);
    const full = opts.scheduler !== false && opts.controllers !== false;
    const topology = opts.nodes ?? (full ? defaultTopology() : []);
    for (const n of topology) this.nodes.add(n);
    if (opts.systemWorkloads ?? (full && opts.nodes === undefined)) this.createSystemWorkloads(topology);
    if (opts.compactionIntervalMs !== 0) this.scheduleCompaction(opts.compactionIntervalMs ?? COMPACTION_INTERVAL_MS);
  }

  /**
   * kube-apiserver compacts etcd every 5 minutes, to the revision it saw at the previous pass: history
   * (for watches that resume, and for time travel) reaches back 5 to 10 minutes, and memory stays bounded.
   */
  private scheduleCompaction(intervalMs: number): void {
    let previous = this.store.revision();
    const tick = () => {
      if (previous > this.store.compactedRevision()) this.store.compact(previous);
      previous = this.store.revision();
      this.clock.setTimeout(tick, intervalMs);
    };
    this.clock.setTimeout(tick, intervalMs);
  }

  /** Moves virtual time forward, running everything due. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  // ---------------------------------------------------------------- nodes (what a person can break)

  /** Adds a worker node (next free `worker-N` unless named) and boots its kubelet. */
  addNode(req: AddNodeRequest = {}): string {
    return this.nodes.addWorker(req);
  }

  /** Powers a node off: no heartbeats, no status, its pods frozen — as a dead machine. */
  killNode(name: string): void {
    this.nodes.kill(name);
  }

  /** Powers a killed node back on. */
  startNode(name: string): void {
    this.nodes.start(name);
  }

  /** `kubectl delete node`: the kubelet stops and the Node object goes. */
  removeNode(name: string): void {
    this.nodes.remove(name, SANDBOX_ACTOR);
  }

  /** Turns a Service's or Deployment's load up or down (1 = about 50% of requests), seen at the next scrape. */
  setLoad(namespace: string, name: string, factor: number): void {
    this.metrics.setLoad(namespace, name, factor);
  }

  nodeNames(): string[] {
    return this.nodes.names();
  }

  isNodeRunning(name: string): boolean {
    return this.nodes.isRunning(name);
  }

  // ---------------------------------------------------------------- figures for the page

  /** kube-scheduler's queue lengths. */
  schedulerQueue() {
    return this.scheduler.queueLengths();
  }

  /** The scheduler's recent decisions about a pod (newest last): the "why here / why Pending". */
  decisionRecords(namespace: string, podName: string) {
    return this.scheduler.decisionsFor(namespace, podName);
  }

  /** Every controller's work queue depth. */
  controllerQueues() {
    return this.controllerManager.queues();
  }

  private createSystemWorkloads(topology: readonly NodeConfig[]): void {
    const head = topology.find((n) => n.role === 'control-plane');
    if (head) {
      const node = this.api.get({ group: '', resource: 'nodes' }, head.name, APISERVER_ACTOR);
      for (const pod of controlPlaneMirrorPods({ name: head.name, uid: node.metadata.uid ?? '' })) this.createSystemObject(pod, { name: `kubelet/${head.name}`, component: 'kubelet' });
    }
    this.createSystemObject(defaultStorageClass());
    this.createSystemObject(kubeProxyDaemonSet());
    this.createSystemObject(coreDnsDeployment());
    this.createSystemObject(kubeDnsService());
  }

  private createSystemObject(obj: KubeObject, actor: Actor = APISERVER_ACTOR): void {
    const t = this.api.resolveKind(obj.apiVersion, obj.kind);
    this.api.create({ group: t.group, resource: t.resource, namespace: obj.metadata.namespace }, obj, { actor, fieldValidation: 'Strict' });
  }
}
