/**
 * client-go's flowcontrol.Backoff as the kubelet uses it for crash loops and image pulls: 10 s doubling
 * to a 300 s cap, per key; an entry not touched for twice the cap (10 min) starts over.
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  durationMs: number;
  lastUpdateMs: number;
}

export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = BACKOFF_INITIAL_MS,
    private readonly maxMs = BACKOFF_MAX_MS,
  ) {}

  private expired(entry: Entry, eventMs: number): boolean {
    return eventMs - entry.lastUpdateMs > 2 * this.maxMs;
  }

  /** Next: starts at the initial delay (or over, when expired), else doubles up to the cap. */
  next(key: string, nowMs: number): void {
    const e = this.entries.get(key);
    if (!e || this.expired(e, nowMs)) this.entries.set(key, { durationMs: this.initialMs, lastUpdateMs: nowMs });
    else this.entries.set(key, { durationMs: Math.min(e.durationMs * 2, this.maxMs), lastUpdateMs: nowMs });
  }

  /** The current delay (0 when the key has none). */
  get(key: string): number {
    return this.entries.get(key)?.durationMs ?? 0;
  }

  /** Whether less than the delay has passed since `eventMs` (a container's finish). */
  isInBackOffSince(key: string, eventMs: number, nowMs: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, nowMs)) return false;
    return nowMs - eventMs < e.durationMs;
  }

  /** Whether less than the delay has passed since the last `next` (an image pull's failure). */
  isInBackOffSinceUpdate(key: string, nowMs: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, nowMs)) return false;
    return nowMs - e.lastUpdateMs < e.durationMs;
  }

  /** When the back-off that `isInBackOffSinceUpdate` reports ends. */
  endOfUpdateBackOff(key: string): number {
    const e = this.entries.get(key);
    return e ? e.lastUpdateMs + e.durationMs : 0;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every key starting with `prefix` (a pod's keys when it goes). */
  deletePrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
