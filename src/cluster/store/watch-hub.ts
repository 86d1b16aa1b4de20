/**
 * Delivery of committed changes to watchers — etcd's watchableStore, made synchronous and re-entrant.
 *
 * Watchers live in one of two places:
 * - `synced` (a WatcherGroup): caught up with every delivered revision; new batches go straight to them.
 * - `unsynced`: started from a revision that has already been delivered; they first replay the change
 *   log up to `delivered`, then join `synced`.
 *
 * All delivery happens in one loop, `drain()`, entered by the write that commits (or the watch call
 * that needs a replay) and guarded by `delivering`. A callback that writes only appends to the log; the
 * loop that is already running picks the new revision up after the current round, so every watcher
 * still sees revisions in order. Worked example, watchers A and B on prefix "/p/":
 *
 *   put /p/x (rev 5) → drain: delivered=5, A gets [rev 5], A's callback puts /p/y (rev 6: logged, no
 *   delivery yet), B gets [rev 5]; loop: delivered=6, A gets [rev 6], B gets [rev 6]; done.
 *   A callback calling watch("/p/", {fromRevision: 3}) in the middle lands in `unsynced`, replays 3..5
 *   (or up to whatever `delivered` is when the round ends) and joins `synced` before rev 6 goes out.
 *
 * Every watcher carries `nextRevision`; a batch is handed over only when its revision equals or exceeds
 * it, and handing it over moves it past, which is what rules out duplicates even for watchers created
 * mid-round.
 */
import type { ChangeLog } from './change-log.ts';
import type { StoreEvent } from './types.ts';
import { WatcherGroup, eventsFor, type DeliverySink, type WatcherState } from './watcher-group.ts';

export class WatchHub implements DeliverySink {
  private readonly synced = new WatcherGroup();
  private readonly unsynced = new Set<WatcherState>();
  /** The newest revision handed to the synced group. */
  private delivered: number;
  private delivering = false;
  /** Log compaction wanted by the store, applied once no watcher still needs the batches. */
  private compactTarget = 0;
  private watcherCount = 0;
  /** The first error a callback threw during the current drain. */
  private failure: { error: unknown } | undefined;

  constructor(private readonly log: ChangeLog) {
    this.delivered = log.nextRevision - 1;
  }

  /** Number of active (not cancelled) watchers. */
  get size(): number {
    return this.watcherCount;
  }

  /**
   * Registers a watcher that wants every change from `fromRevision` on. The caller has checked that the
   * log still holds `fromRevision` (or that it is in the future). When history must be replayed and no
   * delivery is running, the replay happens before this returns.
   */
  add(key: string, prefix: boolean, fromRevision: number, onEvents: (events: readonly StoreEvent[]) => void): WatcherState {
    const w: WatcherState = { key, prefix, onEvents, nextRevision: fromRevision, cancelled: false };
    this.watcherCount++;
    if (fromRevision > this.delivered) {
      this.synced.add(w);
    } else {
      this.unsynced.add(w);
      this.drain();
    }
    return w;
  }

  /** Stops delivery to `w`; idempotent, safe from inside a callback. */
  cancel(w: WatcherState): void {
    if (w.cancelled) return;
    w.cancelled = true;
    this.watcherCount--;
    this.synced.remove(w);
    this.unsynced.delete(w);
  }

  /** Called after each commit: delivers everything logged but not delivered yet (unless already doing so). */
  notify(): void {
    this.drain();
  }

  /** Asks for the log's batches below `revision` to go, as soon as every watcher is past them. */
  compact(revision: number): void {
    this.compactTarget = Math.max(this.compactTarget, revision);
    if (!this.delivering) this.pruneLog();
  }

  /** The lowest revision some watcher may still need from the log. */
  private lowWater(): number {
    let low = this.delivered + 1;
    if (this.unsynced.size > 0) for (const w of this.unsynced) low = Math.min(low, w.nextRevision);
    return low;
  }

  private pruneLog(): void {
    if (this.compactTarget <= this.log.firstRevision) return;
    this.log.compact(Math.min(this.compactTarget, this.lowWater()));
  }

  /** Hands one revision's events to one watcher; a throwing callback is remembered, not propagated. */
  send(w: WatcherState, events: readonly StoreEvent[], revision: number): void {
    if (w.cancelled) return;
    w.nextRevision = revision + 1;
    try {
      w.onEvents(events);
    } catch (error) {
      this.failure ??= { error };
    }
  }

  /**
   * The delivery loop. An exception from a callback does not stop it — that would leave other
   * watchers with a gap — the first one is rethrown once every watcher is up to date.
   */
  private drain(): void {
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (;;) {
        if (this.unsynced.size > 0) {
          this.replayUnsynced();
          continue;
        }
        const revision = this.delivered + 1;
        const batch = this.log.get(revision);
        if (batch === undefined) break;
        this.delivered = revision;
        this.synced.deliver(revision, batch, this);
      }
    } finally {
      this.delivering = false;
      this.pruneLog();
    }
    const failure = this.failure;
    if (failure !== undefined) {
      this.failure = undefined;
      throw failure.error;
    }
  }

  private replayUnsynced(): void {
    for (const w of [...this.unsynced]) {
      this.unsynced.delete(w);
      for (let rev = w.nextRevision; rev <= this.delivered && !w.cancelled; rev++) {
        const batch = this.log.get(rev);
        if (batch === undefined) continue; // revision 1 carries no batch
        const events = eventsFor(w, batch);
        if (events !== undefined) this.send(w, events, rev);
      }
      if (w.cancelled) continue;
      w.nextRevision = this.delivered + 1;
      this.synced.add(w);
    }
  }
}
