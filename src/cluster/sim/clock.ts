/**
 * The virtual clock: the only source of time in src/cluster.
 *
 * Time is an integer count of virtual milliseconds since the Unix epoch. Timers fire in order of their
 * due time, and timers due at the same instant fire in the order they were scheduled, so a run is
 * reproducible to the byte. Nothing here touches real time: the worker or a test decides when to
 * `advance`.
 */
export type TimerHandle = number;

interface Timer {
  readonly id: TimerHandle;
  readonly at: number;
  readonly fn: () => void;
}

/** 2026-01-01T00:00:00Z: a fixed, believable epoch so timestamps look real but never vary. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

export class VirtualClock {
  private nowMs: number;
  private nextId = 1;
  // A binary min-heap on (at, id): O(log n) schedule and pop even with 100k pending timers.
  private heap: Timer[] = [];
  private cancelled = new Set<TimerHandle>();

  constructor(startMs: number = DEFAULT_EPOCH_MS) {
    this.nowMs = startMs;
  }

  /** Current virtual time in ms since the epoch. */
  now(): number {
    return this.nowMs;
  }

  /** Current virtual time as RFC 3339 with second precision, as Kubernetes writes timestamps. */
  nowRfc3339(): string {
    return rfc3339(this.nowMs);
  }

  /** Current virtual time as RFC 3339 with microseconds, as Kubernetes writes MicroTime (events, leases). */
  nowMicroTime(): string {
    return microTime(this.nowMs);
  }

  /** Runs `fn` when virtual time reaches `now() + delayMs` (at least 0). */
  setTimeout(fn: () => void, delayMs: number): TimerHandle {
    return this.at(this.nowMs + Math.max(0, delayMs), fn);
  }

  /** Runs `fn` at absolute virtual time `atMs` (or at once, on the next run, if it has passed). */
  at(atMs: number, fn: () => void): TimerHandle {
    const timer: Timer = { id: this.nextId++, at: Math.max(atMs, this.nowMs), fn };
    this.push(timer);
    return timer.id;
  }

  /** Cancels a timer; cancelling one that has fired or never existed is a no-op. */
  cancel(handle: TimerHandle | undefined): void {
    if (handle !== undefined) this.cancelled.add(handle);
  }

  /** Virtual time of the next pending timer, or undefined when nothing is scheduled. */
  nextEventAt(): number | undefined {
    this.dropCancelledTop();
    return this.heap[0]?.at;
  }

  /** Number of pending timers (cancelled ones excluded once they reach the top). */
  pending(): number {
    return this.heap.length - this.cancelled.size;
  }

  /**
   * Moves time forward by `ms`, firing every timer due on the way in order; timers scheduled while
   * firing also run if they fall inside the window. Returns the number of timers fired.
   */
  advance(ms: number): number {
    return this.advanceTo(this.nowMs + Math.max(0, ms));
  }

  /** Moves time forward to `targetMs` (never backwards), firing what is due. */
  advanceTo(targetMs: number): number {
    let fired = 0;
    for (;;) {
      this.dropCancelledTop();
      const top = this.heap[0];
      if (!top || top.at > targetMs) break;
      this.pop();
      this.nowMs = Math.max(this.nowMs, top.at);
      fired++;
      top.fn();
    }
    if (targetMs > this.nowMs) this.nowMs = targetMs;
    return fired;
  }

  /** Fires everything due now (zero-delay work) without moving time. */
  runDue(): number {
    return this.advanceTo(this.nowMs);
  }

  /**
   * Runs timers until none is left or `maxVirtualMs` of virtual time would pass (periodic timers such as
   * heartbeats never let a cluster go idle, so a bound is required). Returns the timers fired.
   */
  runUntilIdle(maxVirtualMs: number = 60 * 60 * 1000): number {
    return this.advanceTo(this.nowMs + maxVirtualMs) ;
  }

  /** Jumps to the next pending timer and fires everything due then; returns the new time. */
  step(): number {
    const next = this.nextEventAt();
    if (next !== undefined) this.advanceTo(next);
    return this.nowMs;
  }

  private dropCancelledTop(): void {
    while (this.heap.length > 0 && this.cancelled.has(this.heap[0]!.id)) {
      this.cancelled.delete(this.heap[0]!.id);
      this.pop();
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.id < b.id);
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** `2026-01-01T00:00:05Z`: RFC 3339 at second precision, the form of metadata timestamps. */
export function rfc3339(ms: number): string {
  // Every write stamps several times, nearly all in the current second: format each second once.
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastSecond = sec;
    lastSecondText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastSecondText;
}
let lastSecond = NaN;
let lastSecondText = '';

/** `2026-01-01T00:00:05.123000Z`: RFC 3339 with microseconds (metav1.MicroTime). */
export function microTime(ms: number): string {
  const whole = Math.floor(ms);
  const frac = whole - Math.floor(whole / 1000) * 1000;
  return `${rfc3339(whole).slice(0, -1)}.${String(frac).padStart(3, '0')}000Z`;
}

/** Parses an RFC 3339 timestamp to epoch ms (NaN when malformed). */
export function parseTime(s: string): number {
  return Date.parse(s);
}
