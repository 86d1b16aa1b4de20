/**
 * The watchers that are caught up (etcd's "synced" watcherGroup), indexed so that a committed batch
 * finds its recipients without asking every watcher: exact-key watchers by key (one map lookup per
 * event), prefix watchers grouped by prefix (one prefix test per distinct prefix). Watchers sharing a prefix share one filtered
 * event list, so ten informers on `/registry/pods/` cost one prefix test per event, not ten.
 */
import type { ChangeBatch } from './change-log.ts';
import type { StoreEvent } from './types.ts';

/** One watch, as the store tracks it. */
export interface WatcherState {
  readonly key: string;
  readonly prefix: boolean;
  readonly onEvents: (events: readonly StoreEvent[]) => void;
  /** The lowest revision this watcher has not been given yet. */
  nextRevision: number;
  cancelled: boolean;
}

/** Whether `w` watches `key`. */
export function watches(w: WatcherState, key: string): boolean {
  return w.prefix ? key.startsWith(w.key) : key === w.key;
}

/** The events of `batch` that `w` watches, or undefined when none (the batch's own array when all). */
export function eventsFor(w: WatcherState, events: ChangeBatch): readonly StoreEvent[] | undefined {
  let picked: StoreEvent[] | undefined;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as StoreEvent;
    if (watches(w, ev.kv.key)) {
      if (picked === undefined) {
        if (i === 0 && allMatch(w, events)) return events;
        picked = [];
      }
      picked.push(ev);
    }
  }
  return picked === undefined ? undefined : Object.freeze(picked);
}

function allMatch(w: WatcherState, events: readonly StoreEvent[]): boolean {
  for (const ev of events) if (!watches(w, ev.kv.key)) return false;
  return true;
}

/** Receives deliveries (an interface rather than a callback: no closure allocated per batch). */
export interface DeliverySink {
  send(w: WatcherState, events: readonly StoreEvent[], revision: number): void;
}

/** Watchers of one prefix. Replaced, never mutated, so a delivery in progress iterates a stable snapshot. */
interface PrefixGroup {
  readonly prefix: string;
  readonly watchers: readonly WatcherState[];
}

export class WatcherGroup {
  // Copy-on-write arrays rather than Sets: watches start and stop rarely, batches arrive constantly, and
  // plain arrays iterate fastest. A delivery keeps iterating the arrays it started with; watchers that
  // join meanwhile have nextRevision past the batch anyway (see WatchHub), and cancelled ones are
  // skipped by the sink.
  private readonly exact = new Map<string, readonly WatcherState[]>();
  private prefixes: readonly PrefixGroup[] = [];

  add(w: WatcherState): void {
    if (!w.prefix) {
      this.exact.set(w.key, [...(this.exact.get(w.key) ?? []), w]);
      return;
    }
    const i = this.prefixes.findIndex((g) => g.prefix === w.key);
    const group: PrefixGroup = { prefix: w.key, watchers: [...(this.prefixes[i]?.watchers ?? []), w] };
    this.prefixes = i < 0 ? [...this.prefixes, group] : this.prefixes.map((g, j) => (j === i ? group : g));
  }

  remove(w: WatcherState): void {
    if (!w.prefix) {
      const watchers = this.exact.get(w.key)?.filter((x) => x !== w);
      if (watchers === undefined) return;
      if (watchers.length === 0) this.exact.delete(w.key);
      else this.exact.set(w.key, watchers);
      return;
    }
    this.prefixes = this.prefixes
      .map((g) => (g.prefix === w.key ? { prefix: g.prefix, watchers: g.watchers.filter((x) => x !== w) } : g))
      .filter((g) => g.watchers.length > 0);
  }

  /**
   * Hands the batch of `revision` to every member that watches one of its keys and has not seen that
   * revision yet, one `sink.send` per watcher with all of that watcher's events.
   */
  deliver(revision: number, events: ChangeBatch, sink: DeliverySink): void {
    const single = events.length === 1 ? (events[0] as StoreEvent) : undefined;
    const prefixes = this.prefixes;
    for (let g = 0; g < prefixes.length; g++) {
      const group = prefixes[g] as PrefixGroup;
      let matched: readonly StoreEvent[] | undefined;
      if (single !== undefined) {
        if (!single.kv.key.startsWith(group.prefix)) continue;
        matched = events;
      } else {
        matched = eventsFor(group.watchers[0] as WatcherState, events);
        if (matched === undefined) continue;
      }
      sendAll(group.watchers, matched, revision, sink);
    }
    if (this.exact.size === 0) return;
    for (const ev of events) {
      const watchers = this.exact.get(ev.kv.key);
      if (watchers === undefined) continue;
      sendAll(watchers, single !== undefined ? events : Object.freeze([ev]), revision, sink);
    }
  }
}

function sendAll(
  watchers: readonly WatcherState[],
  events: readonly StoreEvent[],
  revision: number,
  sink: DeliverySink,
): void {
  for (let i = 0; i < watchers.length; i++) {
    const w = watchers[i] as WatcherState;
    if (w.nextRevision <= revision) sink.send(w, events, revision);
  }
}
