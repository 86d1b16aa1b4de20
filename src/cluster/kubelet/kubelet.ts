/**
 * The kubelet of one simulated node. On `start` it registers its Node, renews its Lease in
 * `kube-node-lease` every 10 s, posts node status, and runs the pods bound to it (one PodWorker each).
 * `kill` is a machine dying: every timer and watch stops, nothing more is written, and the pods stay in
 * the API exactly as they were. `restart` boots it again: it re-registers, renews the lease, restarts
 * the containers of the pods it had (as after a reboot) and confirms the deletion of pods deleted while
 * it was down.
 *
 * Cost at scale: one heartbeat timer per node, at most one timer per pod (its next state change), and
 * per-event work proportional to that one pod.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import { isApiError } from '../api/errors.ts';
import type { TimerHandle, VirtualClock } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import { Client, LEASE, NODE, POD } from '../client/client.ts';
import { EventRecorder, type InvolvedObject } from '../client/event-recorder.ts';
import { Backoff } from './backoff.ts';
import { CONTROL_PLANE_IMAGES, NODE_IMAGES } from './image-catalog.ts';
import { ImageStore } from './image-store.ts';
import { IpAllocator } from './ip-allocator.ts';
import type { KubeletRuntime } from './kubelet-runtime.ts';
import { postConditions, type NodeCondition } from './node-conditions.ts';
import { internalIPFor, nodeObject, podCIDRFor, fakeHex, type NodeConfig, type NodeIdentity } from './node-config.ts';
import { FieldSelectorPodSource, type PodSource } from './pod-source.ts';
import { PodWorker } from './pod-worker.ts';

export const LEASE_NAMESPACE = 'kube-node-lease';
export const LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_MS = 10_000;
export const NODE_STATUS_UPDATE_MS = 10_000;

export interface KubeletContext {
  api: ApiServer;
  clock: VirtualClock;
  rng: Rng;
  /** Shared pod delivery (a NodePodRouter) for large clusters; each kubelet watches on its own otherwise. */
  pods?: PodSource;
}

export interface KubeletOptions {
  /**
   * How often an unchanged node status is posted anyway. 10 s by default (every heartbeat posts, so
   * lastHeartbeatTime moves); the real kubelet, relying on its Lease, waits 5 min (300_000).
   */
  nodeStatusReportFrequencyMs?: number;
  /** Images on the node before anything runs (kubeadm's pre-pulled ones by default). */
  images?: readonly string[];
}

export class Kubelet implements KubeletRuntime {
  readonly name: string;
  readonly hostIP: string;
  running = false;
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly recorder: EventRecorder;
  readonly images: ImageStore;
  readonly ips: IpAllocator;
  crashBackoff = new Backoff();
  pullBackoff = new Backoff();

  private readonly client: Client;
  private readonly podSource: PodSource;
  private readonly nodeRef: InvolvedObject;
  private readonly reportEveryMs: number;
  private works = new Map<string, PodWorker>();
  private pending = new Set<string>();
  private drainTimer: TimerHandle | undefined;
  private heartbeat: TimerHandle | undefined;
  private unsubscribe: (() => void) | undefined;
  private lease: KubeObject | undefined;
  private gen = 0;
  private starts = 0;
  private bootID = '';
  private lastStatusPost = -Infinity;
  private postedImagesVersion = -1;

  constructor(
    ctx: KubeletContext,
    readonly config: NodeConfig,
    opts: KubeletOptions = {},
  ) {
    this.name = config.name;
    this.clock = ctx.clock;
    this.rng = ctx.rng.fork();
    this.hostIP = internalIPFor(config);
    const actor: Actor = { name: `kubelet/${config.name}`, component: 'kubelet' };
    this.client = new Client(ctx.api, actor);
    this.recorder = new EventRecorder(ctx.api, { component: 'kubelet', host: config.name }, actor);
    this.podSource = ctx.pods ?? new FieldSelectorPodSource(ctx.api, actor);
    this.nodeRef = { kind: 'Node', name: config.name, uid: config.name };
    this.reportEveryMs = opts.nodeStatusReportFrequencyMs ?? NODE_STATUS_UPDATE_MS;
    this.images = new ImageStore(this.rng.fork());
    this.images.preload(opts.images ?? (config.role === 'control-plane' ? [...NODE_IMAGES, ...CONTROL_PLANE_IMAGES] : NODE_IMAGES));
    this.ips = new IpAllocator(podCIDRFor(config));
  }

  /** Boots the kubelet: registers the node, starts heartbeats and runs its pods. Idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const gen = ++this.gen;
    const rebooted = this.starts++ > 0;
    this.bootID = this.rng.uuid();
    this.register(rebooted);
    this.renewLease();
    this.unsubscribe = this.podSource.subscribe(this.name, {
      onAdd: (pod) => this.podSeen(pod),
      onUpdate: (_old, pod) => this.podSeen(pod),
      onDelete: (pod) => this.podGone(pod),
    });
    // The first beat comes a little after boot, so nodes started together do not beat in lockstep.
    this.scheduleHeartbeat(gen, this.rng.range(1000, LEASE_RENEW_MS));
  }

  /** The machine dies: every timer and watch stops; nothing is written any more. */
  kill(): void {
    if (!this.running) return;
    this.running = false;
    this.gen++;
    this.clock.cancel(this.heartbeat);
    this.clock.cancel(this.drainTimer);
    this.heartbeat = this.drainTimer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const w of this.works.values()) w.dispose(false);
    this.works.clear();
    this.pending.clear();
    // What lived in memory is lost; images on disk stay.
    this.ips.reset();
    this.images.resetPuller();
    this.crashBackoff = new Backoff();
    this.pullBackoff = new Backoff();
    this.lease = undefined;
  }

  /** Reboots: kill (if running) and start again. */
  restart(): void {
    this.kill();
    this.start();
  }

  /** Pods this kubelet is running (not yet finished). */
  activePods(): number {
    let n = 0;
    for (const w of this.works.values()) if (!w.isFinished()) n++;
    return n;
  }

  // ------------------------------------------------------------------ node

  private identity(): NodeIdentity {
    const id = fakeHex(`${this.name}/machine`, 32);
    return { machineID: id, systemUUID: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`, bootID: this.bootID };
  }

  private nodeEvent(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.recorder.event(this.nodeRef, type, reason, message);
  }

  private register(rebooted: boolean): void {
    const now = this.clock.now();
    const fresh = nodeObject(this.config, now, this.identity());
    (fresh.status as Record<string, unknown>).images = this.images.list();
    this.nodeEvent('Normal', 'Starting', 'Starting kubelet.');
    this.nodeEvent('Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    let existing = this.client.get(NODE, undefined, this.name);
    if (!existing) {
      try {
        this.client.create(fresh);
        this.postedImagesVersion = this.images.version;
        this.lastStatusPost = now;
        for (const e of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady']) this.nodeEvent('Normal', e, `Node ${this.name} status is now: ${e}`);
        return;
      } catch (e) {
        if (!(isApiError(e) && e.code === 409)) throw e;
        existing = this.client.get(NODE, undefined, this.name);
        if (!existing) return;
      }
    }
    // Re-registration: the standard labels and annotations come back; spec (taints, cordon) stays.
    const labels = { ...(existing.metadata.labels ?? {}), ...(fresh.metadata.labels ?? {}) };
    const annotations = { ...(existing.metadata.annotations ?? {}), ...(fresh.metadata.annotations ?? {}) };
    if (JSON.stringify(labels) !== JSON.stringify(existing.metadata.labels ?? {}) || JSON.stringify(annotations) !== JSON.stringify(existing.metadata.annotations ?? {})) {
      existing = this.client.update({ ...existing, metadata: { ...existing.metadata, labels, annotations } });
    }
    for (const e of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) this.nodeEvent('Normal', e, `Node ${this.name} status is now: ${e}`);
    if (rebooted) this.nodeEvent('Warning', 'Rebooted', `Node ${this.name} has been rebooted, boot id: ${this.bootID}`);
    this.postStatus(existing, true);
  }

  /** Posts node status: conditions with a fresh heartbeat, images, nodeInfo. */
  private postStatus(node: KubeObject | undefined, force: boolean): void {
    const now = this.clock.now();
    node ??= this.client.get(NODE, undefined, this.name);
    if (!node) {
      // Someone deleted the Node: register it again, as the kubelet does.
      this.register(false);
      return;
    }
    const status = (node.status ?? {}) as Record<string, unknown> & { conditions?: NodeCondition[] };
    const { conditions, events } = postConditions(status.conditions, now);
    const imagesChanged = this.images.version !== this.postedImagesVersion;
    if (!force && events.length === 0 && !imagesChanged && now - this.lastStatusPost < this.reportEveryMs) return;
    const fresh = nodeObject(this.config, now, this.identity()).status as Record<string, unknown>;
    const next = { ...status, ...fresh, conditions, images: this.images.list() };
    try {
      this.client.updateStatus({ ...node, status: next });
      this.lastStatusPost = now;
      this.postedImagesVersion = this.images.version;
    } catch (e) {
      if (!(isApiError(e) && (e.code === 409 || e.code === 404))) throw e;
      return;
    }
    for (const e of events) {
      if (e === 'NodeReady' || !force) this.nodeEvent('Normal', e, `Node ${this.name} status is now: ${e}`);
    }
  }

  private renewLease(): void {
    const renewTime = this.clock.nowMicroTime();
    if (this.lease) {
      try {
        this.lease = this.client.update({ ...this.lease, spec: { ...(this.lease.spec as object), renewTime } });
        return;
      } catch (e) {
        if (!(isApiError(e) && (e.code === 409 || e.code === 404))) throw e;
        this.lease = undefined;
      }
    }
    const existing = this.client.get(LEASE, LEASE_NAMESPACE, this.name);
    const spec = { holderIdentity: this.name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime };
    if (existing) {
      this.lease = this.client.update({ ...existing, spec: { ...(existing.spec as object), ...spec } });
      return;
    }
    const node = this.client.get(NODE, undefined, this.name);
    this.lease = this.client.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.name,
        namespace: LEASE_NAMESPACE,
        ...(node?.metadata.uid ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.name, uid: node.metadata.uid }] } : {}),
      },
      spec,
    });
  }

  private scheduleHeartbeat(gen: number, delayMs: number): void {
    this.heartbeat = this.clock.setTimeout(() => {
      if (gen !== this.gen) return;
      this.renewLease();
      this.postStatus(undefined, false);
      this.scheduleHeartbeat(gen, LEASE_RENEW_MS);
    }, delayMs);
  }

  // ------------------------------------------------------------------ pods

  private podSeen(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    const w = this.works.get(uid);
    if (w) {
      if (w.update(pod)) this.enqueue(uid);
      return;
    }
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    this.works.set(uid, new PodWorker(pod, this));
    this.enqueue(uid);
  }

  private podGone(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    const w = this.works.get(uid);
    if (!w) return;
    w.dispose(true);
    this.works.delete(uid);
    this.pending.delete(uid);
    this.crashBackoff.deletePrefix(`${uid}_`);
    this.pullBackoff.deletePrefix(`${uid}_`);
  }

  private enqueue(uid: string): void {
    this.pending.add(uid);
    if (this.drainTimer !== undefined) return;
    const gen = this.gen;
    // Syncs run from the clock, never inside the watch callback that reported the change.
    this.drainTimer = this.clock.setTimeout(() => {
      this.drainTimer = undefined;
      for (const uid of this.pending) {
        if (gen !== this.gen) return;
        this.pending.delete(uid);
        this.works.get(uid)?.sync();
      }
    }, 0);
  }

  // ------------------------------------------------------------------ KubeletRuntime

  get nodeName(): string {
    return this.name;
  }

  writeStatus(worker: PodWorker, status: Record<string, unknown>): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      const pod = worker.pod;
      try {
        worker.pod = this.client.updateStatus({ ...pod, status });
        return;
      } catch (e) {
        if (!isApiError(e) || (e.code !== 409 && e.code !== 404)) throw e;
        const fresh = e.code === 409 ? this.client.get(POD, pod.metadata.namespace, pod.metadata.name ?? '') : undefined;
        if (!fresh || fresh.metadata.uid !== worker.uid) return;
        worker.pod = fresh;
      }
    }
  }

  confirmDeletion(worker: PodWorker): void {
    const pod = worker.pod;
    this.client.delete(POD, pod.metadata.namespace, pod.metadata.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: worker.uid } });
  }
}
