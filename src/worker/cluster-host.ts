/**
 * Hosts one cluster: drives its virtual clock from real time at the chosen speed, and turns the store's
 * change stream into batched deltas for subscribers (at most one batch per frame, never a whole
 * snapshot per tick). Runs in the Web Worker; also usable from Node for tests.
 */
import { Cluster, type ClusterOptions } from '../cluster/cluster.ts';
import type { KubeObject } from '../cluster/api/types.ts';
import { applyManifests } from '../cluster/kubectl/apply.ts';
import type { ApplyResult, CommandResult, Delta, HostStats, MirroredObject, NodeSpec, ObjectRef, Snapshot } from './protocol.ts';
import { ActivityTally } from './activity-tally.ts';
import * as commands from './node-commands.ts';
import { runKubectl } from '../cluster/kubectl/cli/run-kubectl.ts';
import { complete } from '../cluster/kubectl/cli/complete.ts';
import { RESOURCES } from '../cluster/api/registry.ts';

export type DeltaListener = (delta: Delta) => void;

/** Real milliseconds between flushes of pending changes (about one animation frame). */
const FLUSH_INTERVAL_MS = 16;
/** Virtual time the cluster runs before the page first sees it (about 55 ms of work). */
const BOOT_WARMUP_MS = 60_000;
/** Real milliseconds between clock ticks. */
const TICK_INTERVAL_MS = 50;

export class ClusterHost {
  private cluster: Cluster;
  private speed = 1;
  private paused = false;
  private listeners = new Set<DeltaListener>();
  private pending = new Map<string, { kind: 'added' | 'updated' | 'removed'; object?: KubeObject }>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private lastTick = 0;
  private unwatch: (() => void) | undefined;
  private unobserve: (() => void) | undefined;
  private readonly activity = new ActivityTally();

  constructor(opts: ClusterOptions = {}, private readonly realTime = true) {
    this.cluster = new Cluster(opts);
    // A person opening the page meets a cluster that is already up: nodes Ready, system pods Running.
    if (realTime) this.cluster.advance(BOOT_WARMUP_MS);
    this.watchStore();
    this.unobserve = this.cluster.api.observe(this.activity.onRequest);
    if (realTime) this.startClock();
  }

  /** Every object now, and the clock. */
  snapshot(): Snapshot {
    const { kvs, revision } = this.cluster.store.range<KubeObject>('/registry/', { prefix: true });
    return {
      revision,
      time: this.cluster.clock.now(),
      objects: kvs.map((kv) => ({ key: kv.key, object: kv.value })),
      speed: this.speed,
      paused: this.paused,
    };
  }

  /** Subscribes to deltas; returns the snapshot they continue from. */
  subscribe(listener: DeltaListener): Snapshot {
    this.listeners.add(listener);
    return this.snapshot();
  }

  unsubscribe(listener: DeltaListener): void {
    this.listeners.delete(listener);
  }

  /** Applies manifests as `kubectl apply -f` does, one outcome per document. Never throws. */
  apply(text: string, source = 'manifest.yaml'): ApplyResult {
    const result = { source, outcomes: applyManifests(this.cluster.api, text, source) };
    this.scheduleFlush();
    return result;
  }

  /**
   * Runs one console line as kubectl would (lines after the first are its stdin; `stdin` is the
   * Editor's text for `-f -` when nothing was pasted). Output is stdout then stderr. Never throws.
   */
  kubectl(line: string, stdin?: string): { output: string; exitCode: number } {
    const r = runKubectl({ api: this.cluster.api, sandbox: this.cluster, ...(stdin !== undefined ? { stdin } : {}) }, line);
    this.scheduleFlush(true);
    return { output: r.stdout + r.stderr, exitCode: r.exitCode };
  }

  /** Tab-completion candidates for the console's last word (verbs, types, names of live objects). */
  kubectlComplete(line: string): string[] {
    return complete(line, (resource) => {
      const t = RESOURCES.find((r) => r.resource === resource && !r.virtual);
      if (!t) return [];
      const items = this.cluster.api.list({ group: t.group, resource: t.resource }, {}, commands.PAGE_ACTOR).items;
      return [...new Set(items.map((o) => o.metadata.name ?? ''))].sort();
    });
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.paused = false;
    this.scheduleFlush(true);
  }

  pause(): void {
    this.paused = true;
    this.scheduleFlush(true);
  }

  play(): void {
    this.paused = false;
    this.scheduleFlush(true);
  }

  /** Moves virtual time forward by `ms` at once. */
  advance(ms: number): void {
    this.cluster.advance(ms);
    this.scheduleFlush(true);
  }

  /** Jumps to the next thing that happens. */
  step(): number {
    this.cluster.clock.step();
    this.scheduleFlush(true);
    return this.cluster.clock.now();
  }

  storeStats() {
    return this.cluster.store.stats();
  }

  /** The underlying cluster, for tests and benchmarks in the same thread. */
  get raw(): Cluster {
    return this.cluster;
  }

  /** Runs a page command, then makes sure its effects reach the page in the next batch. */
  command(run: (cluster: Cluster) => CommandResult): CommandResult {
    const result = run(this.cluster);
    this.scheduleFlush(true);
    return result;
  }

  killNode(name: string): CommandResult {
    return this.command((c) => commands.killNode(c, name));
  }
  startNode(name: string): CommandResult {
    return this.command((c) => commands.startNode(c, name));
  }
  addNode(spec: NodeSpec): CommandResult {
    return this.command((c) => commands.addNode(c, spec));
  }
  cordon(name: string, unschedulable: boolean): CommandResult {
    return this.command((c) => commands.cordon(c, name, unschedulable));
  }
  drain(name: string): CommandResult {
    return this.command((c) => commands.drain(c, name));
  }
  deleteNode(name: string): CommandResult {
    return this.command((c) => commands.deleteNode(c, name));
  }
  deleteObject(ref: ObjectRef, propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'): CommandResult {
    return this.command((c) => commands.deleteObject(c, ref, propagationPolicy));
  }
  scale(ref: ObjectRef, replicas: number): CommandResult {
    return this.command((c) => commands.scale(c, ref, replicas));
  }
  restartRollout(ref: ObjectRef): CommandResult {
    return this.command((c) => commands.restartRollout(c, ref));
  }

  /** The scheduler's last decision for a pod (plain data), or undefined when there is none or no scheduler yet. */
  decisionRecord(namespace: string, podName: string): unknown {
    const c = commands.chaos(this.cluster);
    if (c.decisionRecords) {
      const all = c.decisionRecords.call(this.cluster, namespace, podName);
      return all && all.length > 0 ? all[all.length - 1] : undefined;
    }
    return c.decisionRecord ? c.decisionRecord.call(this.cluster, namespace, podName) : undefined;
  }

  /** Figures for the head node's component cards. Parts not wired yet are left out. */
  stats(): HostStats {
    const s = this.cluster.store.stats();
    const c = commands.chaos(this.cluster);
    const out: HostStats = { store: { keys: s.keys, approxBytes: s.approxBytes, revision: s.revision } };
    if (c.schedulerQueue) out.scheduler = c.schedulerQueue.call(this.cluster);
    if (c.controllerQueues) out.controllers = c.controllerQueues.call(this.cluster);
    return out;
  }

  dispose(): void {
    this.unwatch?.();
    this.unobserve?.();
    if (this.tickTimer) clearInterval(this.tickTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.listeners.clear();
  }

  private startClock(): void {
    this.lastTick = performance.now();
    this.tickTimer = setInterval(() => {
      const now = performance.now();
      const realMs = now - this.lastTick;
      this.lastTick = now;
      if (this.paused) return;
      const before = this.cluster.clock.now();
      this.cluster.advance(realMs * this.speed);
      if (this.cluster.clock.now() !== before) this.scheduleFlush(true);
    }, TICK_INTERVAL_MS);
  }

  private watchStore(): void {
    const store = this.cluster.store;
    const w = store.watch<KubeObject>('/registry/', { prefix: true, fromRevision: store.revision() + 1 }, (events) => {
      for (const ev of events) {
        const key = ev.kv.key;
        this.activity.onStoreChange(key, ev.type === 'DELETE' ? undefined : ev.kv.value);
        const prior = this.pending.get(key);
        if (ev.type === 'DELETE') {
          if (prior?.kind === 'added') this.pending.delete(key);
          else this.pending.set(key, { kind: 'removed' });
        } else {
          const kind = prior?.kind === 'added' || ev.created ? 'added' : 'updated';
          this.pending.set(key, { kind, object: ev.kv.value });
        }
      }
      this.scheduleFlush();
    });
    this.unwatch = () => w.cancel();
  }

  private scheduleFlush(always = false): void {
    if (this.flushTimer !== undefined) return;
    if (!always && this.pending.size === 0 && this.activity.empty) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, FLUSH_INTERVAL_MS);
  }

  /** Sends pending changes now (tests call it directly). */
  flush(): void {
    const added: MirroredObject[] = [];
    const updated: MirroredObject[] = [];
    const removed: string[] = [];
    for (const [key, change] of this.pending) {
      if (change.kind === 'removed') removed.push(key);
      else (change.kind === 'added' ? added : updated).push({ key, object: change.object! });
    }
    this.pending.clear();
    const activity = { ...this.activity.take(), stats: this.stats() };
    const delta: Delta = { revision: this.cluster.store.revision(), time: this.cluster.clock.now(), added, updated, removed, speed: this.speed, paused: this.paused, activity };
    for (const l of this.listeners) l(delta);
  }
}
