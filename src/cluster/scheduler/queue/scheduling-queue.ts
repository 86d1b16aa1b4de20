/**
 * The scheduling queue (internal/queue/scheduling_queue.go PriorityQueue) on the virtual clock:
 *
 * - activeQ: pods ready to be tried, ordered by the profile's QueueSort (PrioritySort: priority, then
 *   time queued);
 * - backoffQ: pods that failed and wait out their back-off (1 s doubling to 10 s per attempt); each
 *   moves to activeQ exactly when its back-off expires (upstream polls every second);
 * - unschedulable: pods that failed and wait for a cluster event that could help them. An event
 *   moves a pod back only when one of the plugins that rejected it registered for that event and its
 *   queueing hint agrees; pods failing for an error move on any event. After 5 minutes there
 *   (podMaxInUnschedulablePodsDuration) a pod is retried anyway, checked every 30 s as upstream;
 * - gated: pods a PreEnqueue plugin holds back (scheduling gates) until an update lifts the gate.
 *
 * Events that arrive while a pod is being scheduled ("in flight") are remembered, so a pod that fails
 * just after the event that would have helped it goes to back-off instead of waiting.
 *
 * Pods with another spec.schedulerName are not ours: they are ignored and stay Pending.
 * The queue is also the PodNominator: it knows which pods are nominated to which node.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { TimerHandle, VirtualClock } from '../../sim/clock.ts';
import { registrationMatches, type ClusterEvent, type ClusterEventWithHint } from '../framework/events.ts';
import type { Framework, PodNominator } from '../framework/framework.ts';
import type { QueuedPodInfo } from '../framework/interfaces.ts';
import { PodInfo, podKey } from '../framework/pod-info.ts';
import { statusMessage } from '../framework/status.ts';
import { backoffDuration, DEFAULT_INITIAL_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS } from './backoff.ts';
import { KeyedHeap } from './keyed-heap.ts';
import { Nominations } from './nominations.ts';
import { podUpdateAction } from './pod-update-action.ts';

export { podUpdateAction };

/** podMaxInUnschedulablePodsDuration. */
export const DEFAULT_MAX_IN_UNSCHEDULABLE_MS = 5 * 60 * 1000;
/** How often leftover unschedulable pods are checked (flushUnschedulablePodsLeftover). */
export const UNSCHEDULABLE_FLUSH_INTERVAL_MS = 30_000;

export interface SchedulingQueueOptions {
  readonly clock: VirtualClock;
  readonly framework: Framework;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly maxInUnschedulableMs?: number;
  /** Called whenever a pod enters activeQ, so the scheduler loop can run. */
  readonly onActive?: () => void;
}

export type QueueName = 'active' | 'backoff' | 'unschedulable' | 'gated' | 'inFlight';

/** A pending pod as the UI lists it. */
export interface PendingPodEntry {
  readonly key: string;
  readonly uid: string;
  readonly queue: QueueName;
  readonly attempts: number;
  readonly priority: number;
  /** For backoff: when it returns to activeQ (virtual ms). */
  readonly backoffExpiresAt?: number;
  readonly unschedulablePlugins: readonly string[];
  /** For gated pods: the PreEnqueue message (`waiting for scheduling gates: [a]`). */
  readonly gatedMessage?: string;
}

interface RecordedEvent {
  readonly seq: number;
  readonly event: ClusterEvent;
  readonly oldObj: unknown;
  readonly newObj: unknown;
}

export class SchedulingQueue implements PodNominator {
  private readonly clock: VirtualClock;
  private readonly fw: Framework;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxInUnschedulableMs: number;
  private readonly onActive: (() => void) | undefined;

  private readonly activeQ: KeyedHeap<QueuedPodInfo>;
  private readonly backoffQ = new Map<string, { qpi: QueuedPodInfo; expiresAt: number; timer: TimerHandle }>();
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private readonly inFlight = new Map<string, { qpi: QueuedPodInfo; sinceSeq: number }>();
  private readonly registrations = new Map<string, readonly ClusterEventWithHint[]>();
  private events: RecordedEvent[] = [];
  private eventSeq = 0;
  private flushTimer: TimerHandle | undefined;

  private readonly nominations = new Nominations();

  constructor(opts: SchedulingQueueOptions) {
    this.clock = opts.clock;
    this.fw = opts.framework;
    this.initialBackoffMs = opts.initialBackoffMs ?? DEFAULT_INITIAL_BACKOFF_MS;
    this.maxBackoffMs = opts.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
    this.maxInUnschedulableMs = opts.maxInUnschedulableMs ?? DEFAULT_MAX_IN_UNSCHEDULABLE_MS;
    this.onActive = opts.onActive;
    this.activeQ = new KeyedHeap<QueuedPodInfo>((q) => q.podInfo.uid, (a, b) => this.fw.less(a, b));
    for (const ext of this.fw.enqueueExtensions) this.registrations.set(ext.name, ext.eventsToRegister());
  }

  /** Whether this queue's scheduler is responsible for the pod (spec.schedulerName). */
  responsibleFor(pod: IPod): boolean {
    return (pod.spec?.schedulerName ?? 'default-scheduler') === this.fw.schedulerName;
  }

  // ---- informer-facing ----

  /** A new unassigned pod. Returns false when it is not ours or already assigned. */
  add(pod: IPod): boolean {
    if (!this.responsibleFor(pod) || pod.spec?.nodeName) return false;
    const key = podKey(pod);
    if (this.where(key) !== undefined) {
      this.update(undefined, pod);
      return true;
    }
    const now = this.clock.now();
    const qpi: QueuedPodInfo = {
      podInfo: new PodInfo(pod),
      timestamp: now,
      attempts: 0,
      initialAttemptTimestamp: now,
      unschedulablePlugins: new Set(),
      gated: false,
    };
    this.trackNomination(qpi.podInfo);
    this.moveToActiveQ(qpi);
    return true;
  }

  /** An unassigned pod changed. */
  update(oldPod: IPod | undefined, pod: IPod): void {
    const key = podKey(pod);
    if (pod.spec?.nodeName) {
      this.delete(pod);
      return;
    }
    const where = this.where(key);
    if (where === undefined) {
      this.add(pod);
      return;
    }
    const pi = new PodInfo(pod);
    this.trackNomination(pi);
    switch (where) {
      case 'active': {
        const q = this.activeQ.get(key)!;
        q.podInfo = pi;
        this.activeQ.push(q);
        return;
      }
      case 'backoff': {
        const b = this.backoffQ.get(key)!;
        b.qpi.podInfo = pi;
        return;
      }
      case 'inFlight': {
        const f = this.inFlight.get(key)!;
        f.qpi.podInfo = pi;
        return;
      }
      default: {
        const q = this.unschedulable.get(key)!;
        q.podInfo = pi;
        if (q.gated) {
          // Re-check the gate (e.g. the last scheduling gate was removed).
          this.unschedulable.delete(key);
          this.moveToActiveQ(q);
          return;
        }
        const action = podUpdateAction(oldPod, pod);
        if (action === null) return;
        if (this.podMatchesEvent(q, { resource: 'UnscheduledPod', action }, oldPod, pod)) {
          this.unschedulable.delete(key);
          this.requeueAfterBackoff(q);
        }
      }
    }
  }

  /** A pod was deleted (or got assigned elsewhere): forget it everywhere. */
  delete(pod: IPod): void {
    const key = podKey(pod);
    this.activeQ.delete(key);
    const b = this.backoffQ.get(key);
    if (b) {
      this.clock.cancel(b.timer);
      this.backoffQ.delete(key);
    }
    this.unschedulable.delete(key);
    this.inFlight.delete(key);
    this.deleteNominatedPodIfExists(key);
    this.maybeStopFlush();
  }

  // ---- scheduler-facing ----

  /** The next pod to schedule, or undefined when activeQ is empty. Counts an attempt. */
  pop(): QueuedPodInfo | undefined {
    const q = this.activeQ.pop();
    if (!q) return undefined;
    q.attempts++;
    this.inFlight.set(q.podInfo.uid, { qpi: q, sinceSeq: this.eventSeq });
    return q;
  }

  /** The cycle for this pod finished (scheduled or requeued); stop tracking events for it. */
  done(uid: string): void {
    this.inFlight.delete(uid);
    this.pruneEvents();
  }

  /**
   * A scheduling attempt failed. `unschedulablePlugins` are the plugins that rejected the pod (empty
   * for an error): the pod waits in unschedulable for an event those plugins care about, or goes to
   * back-off if such an event already happened while it was in flight, or if it failed by error.
   */
  addUnschedulableIfNotPresent(qpi: QueuedPodInfo, unschedulablePlugins: ReadonlySet<string>): void {
    const key = qpi.podInfo.uid;
    const flight = this.inFlight.get(key);
    this.inFlight.delete(key);
    if (this.where(key) !== undefined) return;
    qpi.timestamp = this.clock.now();
    qpi.unschedulablePlugins = new Set(unschedulablePlugins);
    let queueNow = unschedulablePlugins.size === 0;
    if (!queueNow && flight) {
      for (const e of this.events) {
        if (e.seq > flight.sinceSeq && this.podMatchesEvent(qpi, e.event, e.oldObj, e.newObj)) {
          queueNow = true;
          break;
        }
      }
    }
    if (queueNow) this.requeueAfterBackoff(qpi);
    else this.addToUnschedulable(qpi);
    this.pruneEvents();
  }

  /**
   * A cluster event happened (node added, pod deleted, taint removed, ...): unschedulable pods that a
   * registered plugin says it may help go back to backoffQ or activeQ.
   */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent, oldObj?: unknown, newObj?: unknown): number {
    if (this.inFlight.size > 0) this.events.push({ seq: ++this.eventSeq, event, oldObj, newObj });
    let moved = 0;
    for (const [key, q] of [...this.unschedulable]) {
      if (q.gated) continue;
      if (!this.podMatchesEvent(q, event, oldObj, newObj)) continue;
      this.unschedulable.delete(key);
      this.requeueAfterBackoff(q);
      moved++;
    }
    this.maybeStopFlush();
    return moved;
  }

  /** Moves these pods straight to activeQ (framework Handle.Activate). */
  activate(uids: readonly string[]): void {
    for (const uid of uids) {
      const q = this.unschedulable.get(uid) ?? this.backoffQ.get(uid)?.qpi;
      if (!q || q.gated) continue;
      this.unschedulable.delete(uid);
      const b = this.backoffQ.get(uid);
      if (b) {
        this.clock.cancel(b.timer);
        this.backoffQ.delete(uid);
      }
      this.moveToActiveQ(q);
    }
  }

  // ---- nominator ----

  /** Records that `pod` is nominated to `nodeName` (after preemption); '' clears it. */
  addNominatedPod(pi: PodInfo, nodeName: string): void {
    this.nominations.add(pi, nodeName);
  }

  deleteNominatedPodIfExists(uid: string): void {
    this.nominations.delete(uid);
  }

  nominatedPodsForNode(nodeName: string): readonly PodInfo[] {
    return this.nominations.forNode(nodeName);
  }

  // ---- introspection ----

  /** Where a pod is, by uid. */
  where(uid: string): QueueName | undefined {
    if (this.activeQ.has(uid)) return 'active';
    if (this.backoffQ.has(uid)) return 'backoff';
    if (this.inFlight.has(uid)) return 'inFlight';
    const u = this.unschedulable.get(uid);
    if (u) return u.gated ? 'gated' : 'unschedulable';
    return undefined;
  }

  get activeCount(): number {
    return this.activeQ.length;
  }

  get size(): number {
    return this.activeQ.length + this.backoffQ.size + this.unschedulable.size + this.inFlight.size;
  }

  /** Every pending pod with its queue, for the UI. */
  pendingPods(): PendingPodEntry[] {
    const out: PendingPodEntry[] = [];
    const entry = (q: QueuedPodInfo, queue: QueueName, extra: Partial<PendingPodEntry> = {}): PendingPodEntry => ({
      key: q.podInfo.key,
      uid: q.podInfo.uid,
      queue,
      attempts: q.attempts,
      priority: q.podInfo.priority,
      unschedulablePlugins: [...q.unschedulablePlugins],
      ...extra,
    });
    for (const q of this.activeQ.values()) out.push(entry(q, 'active'));
    for (const b of this.backoffQ.values()) out.push(entry(b.qpi, 'backoff', { backoffExpiresAt: b.expiresAt }));
    for (const f of this.inFlight.values()) out.push(entry(f.qpi, 'inFlight'));
    for (const q of this.unschedulable.values()) {
      out.push(entry(q, q.gated ? 'gated' : 'unschedulable', q.gated ? { gatedMessage: q.gatedMessage } : {}));
    }
    return out;
  }

  /** When a pod's back-off ends: its last failure time plus backoffDuration(attempts). */
  backoffExpiry(q: QueuedPodInfo): number {
    return q.timestamp + backoffDuration(q.attempts, this.initialBackoffMs, this.maxBackoffMs);
  }

  // ---- internals ----

  private moveToActiveQ(q: QueuedPodInfo): void {
    const gate = this.fw.runPreEnqueuePlugins(q.podInfo.pod);
    if (gate !== null) {
      q.gated = true;
      q.gatedBy = gate.plugin;
      q.gatedMessage = statusMessage(gate.status);
      this.unschedulable.set(q.podInfo.uid, q);
      return;
    }
    q.gated = false;
    q.gatedBy = undefined;
    q.gatedMessage = undefined;
    this.activeQ.push(q);
    this.onActive?.();
  }

  private requeueAfterBackoff(q: QueuedPodInfo): void {
    const expiresAt = this.backoffExpiry(q);
    const key = q.podInfo.uid;
    if (q.attempts === 0 || expiresAt <= this.clock.now()) {
      this.moveToActiveQ(q);
      return;
    }
    const timer = this.clock.at(expiresAt, () => {
      const b = this.backoffQ.get(key);
      if (!b || b.timer !== timer) return;
      this.backoffQ.delete(key);
      this.moveToActiveQ(b.qpi);
    });
    this.backoffQ.set(key, { qpi: q, expiresAt, timer });
  }

  private addToUnschedulable(q: QueuedPodInfo): void {
    this.unschedulable.set(q.podInfo.uid, q);
    if (this.flushTimer === undefined) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    this.flushTimer = this.clock.setTimeout(() => {
      this.flushTimer = undefined;
      const now = this.clock.now();
      for (const [key, q] of [...this.unschedulable]) {
        if (q.gated || now - q.timestamp <= this.maxInUnschedulableMs) continue;
        this.unschedulable.delete(key);
        this.requeueAfterBackoff(q);
      }
      if (this.hasWaitingUnschedulable()) this.scheduleFlush();
    }, UNSCHEDULABLE_FLUSH_INTERVAL_MS);
  }

  private hasWaitingUnschedulable(): boolean {
    for (const q of this.unschedulable.values()) if (!q.gated) return true;
    return false;
  }

  private maybeStopFlush(): void {
    if (this.flushTimer !== undefined && !this.hasWaitingUnschedulable()) {
      this.clock.cancel(this.flushTimer);
      this.flushTimer = undefined;
    }
  }

  /** Whether any plugin that rejected the pod registered for the event, with a hint saying Queue. */
  private podMatchesEvent(q: QueuedPodInfo, event: ClusterEvent, oldObj: unknown, newObj: unknown): boolean {
    if (q.unschedulablePlugins.size === 0) return true;
    for (const plugin of q.unschedulablePlugins) {
      const regs = this.registrations.get(plugin);
      if (!regs) {
        // A plugin without registrations (or the pseudo "" plugin): any event may help.
        return true;
      }
      for (const r of regs) {
        if (!registrationMatches(r.event, event)) continue;
        if (!r.hint || r.hint(q.podInfo.pod, oldObj, newObj) === 'Queue') return true;
      }
    }
    return false;
  }

  private pruneEvents(): void {
    if (this.inFlight.size === 0) {
      this.events = [];
      return;
    }
    let min = Infinity;
    for (const f of this.inFlight.values()) min = Math.min(min, f.sinceSeq);
    this.events = this.events.filter((e) => e.seq > min);
  }

  private trackNomination(pi: PodInfo): void {
    this.nominations.add(pi, pi.pod.status?.nominatedNodeName ?? '');
  }
}
