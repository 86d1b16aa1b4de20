/**
 * The node controller's per-zone state: each zone's disruption state and its rate-limited NoExecute
 * tainting queue (upstream's zoneStates and zoneNoExecuteTainter), and the disruption rules that swap
 * the zones' rates (handleDisruption).
 */
import { RateLimitedTimedQueue, type TimedValue } from './rate-limited-queue.ts';
import { computeZoneState, zoneQps, type EvictionRates, type ZoneState } from './zone-state.ts';

export interface ZoneRules extends EvictionRates {
  unhealthyZoneThreshold: number;
}

/** What a disruption update asks the controller to do to nodes. */
export type DisruptionChange = 'enteredFullDisruption' | 'leftFullDisruption' | undefined;

export class ZoneTainters {
  private readonly states = new Map<string, ZoneState>();
  private readonly queues = new Map<string, RateLimitedTimedQueue>();

  constructor(private readonly rules: ZoneRules) {}

  has(zone: string): boolean {
    return this.states.has(zone);
  }

  state(zone: string): ZoneState | undefined {
    return this.states.get(zone);
  }

  qps(zone: string): number | undefined {
    return this.queues.get(zone)?.qps;
  }

  /** addPodEvictorForNewZone: a zone seen for the first time starts Initial at the normal rate. */
  addZone(zone: string, nowMs: number): void {
    if (this.states.has(zone)) return;
    this.states.set(zone, 'Initial');
    this.queues.set(zone, new RateLimitedTimedQueue(this.rules.evictionQps, nowMs));
  }

  /** Queues a node for its NoExecute taint; `requeue` forgets an earlier pass first. */
  add(zone: string, name: string, uid: string, nowMs: number, requeue: boolean): void {
    let q = this.queues.get(zone);
    if (!q) this.queues.set(zone, (q = new RateLimitedTimedQueue(this.rules.evictionQps, nowMs)));
    if (requeue) q.remove(name);
    q.add(name, uid, nowMs);
  }

  remove(zone: string, name: string): void {
    this.queues.get(zone)?.remove(name);
  }

  /** Runs every zone's queue as far as its rate allows. */
  tryAll(nowMs: number, fn: (v: TimedValue) => { done: boolean; retryMs?: number }): void {
    for (const q of this.queues.values()) q.try(nowMs, fn);
  }

  /** When some queue can next make progress (Infinity: none can). */
  nextRunAt(nowMs: number): number {
    let at = Infinity;
    for (const q of this.queues.values()) at = Math.min(at, q.nextRunAt(nowMs));
    return at;
  }

  /**
   * handleDisruption: recomputes each zone's state from its nodes' Ready statuses and swaps its rate.
   * When every zone becomes fully disrupted all tainting stops (rate 0) and the caller must take the
   * NoExecute taints off every node; when that ends, the caller must give every node a fresh grace.
   */
  update(zoneReady: ReadonlyMap<string, readonly (string | undefined)[]>, nowMs: number): DisruptionChange {
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, statuses] of zoneReady) {
      const { state } = computeZoneState(statuses, this.rules.unhealthyZoneThreshold);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!this.states.has(zone)) this.states.set(zone, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of [...this.states]) {
      if (!zoneReady.has(zone)) {
        this.states.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') {
        allWasFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return undefined;
    if (allAreFullyDisrupted) {
      // Every zone down at once looks like the control plane lost its network, not like dead nodes.
      for (const zone of this.states.keys()) {
        this.queues.get(zone)?.swapLimiter(0, nowMs);
        this.states.set(zone, 'FullDisruption');
      }
      return 'enteredFullDisruption';
    }
    const size = (zone: string) => zoneReady.get(zone)?.length ?? 0;
    if (allWasFullyDisrupted) {
      for (const zone of this.states.keys()) {
        const state = newStates.get(zone);
        if (!state) continue;
        this.queues.get(zone)?.swapLimiter(zoneQps(state, size(zone), this.rules), nowMs);
        this.states.set(zone, state);
      }
      return 'leftFullDisruption';
    }
    for (const [zone, old] of [...this.states]) {
      const state = newStates.get(zone);
      if (!state || state === old) continue;
      this.queues.get(zone)?.swapLimiter(zoneQps(state, size(zone), this.rules), nowMs);
      this.states.set(zone, state);
    }
    return undefined;
  }
}
