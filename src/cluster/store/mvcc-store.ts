/**
 * The etcd-like MVCC key-value store the API server keeps every object in (DESIGN.md, "store/").
 *
 * Revisions follow etcd: an empty store is at revision 1, and every write that changes something takes
 * the next revision — the first put gets 2. A transaction takes one revision for all its ops; a write
 * that changes nothing (deleting a missing key, a transaction whose branch does nothing) takes none.
 * Every version since the last compaction stays readable (time travel), and watchers can start from any
 * of those revisions.
 *
 * How it is built, one concept per file, as etcd's server/storage/mvcc:
 * - key-history.ts  one key's versions and tombstones (etcd keyIndex), with the compaction rules
 * - sorted-keys.ts  ordered key list for prefix ranges (etcd's btree), sorted lazily
 * - key-index.ts    all keys' histories plus the live counters (etcd kvstore's index half)
 * - change-log.ts   each revision's events, for watch replay
 * - txn.ts          request checks and comparisons
 * - watcher-group.ts, watch-hub.ts   synced/unsynced watchers and the re-entrant delivery loop
 * - freeze-value.ts deep-freeze plus JSON size estimate in one walk
 */
import { ChangeLog } from './change-log.ts';
import { freezeValue } from './freeze-value.ts';
import { KeyIndex, type AppliedChange } from './key-index.ts';
import { checkKey, checkOps, comparesHold } from './txn.ts';
import {
  CompactedError,
  FutureRevisionError,
  type Compare,
  type KeyValue,
  type Op,
  type RangeOptions,
  type RangeResult,
  type StoreEvent,
  type TxnResult,
  type Watcher,
  type WatchOptions,
} from './types.ts';
import type { Actor } from '../api/types.ts';
import { WatchHub } from './watch-hub.ts';

/** The revision of an empty store, as in etcd. */
export const INITIAL_REVISION = 1;

/** What the UI shows about the store. */
export interface StoreStats {
  /** Keys that exist now. */
  keys: number;
  revision: number;
  compacted: number;
  /** Estimated JSON size of all live values (maintained on each write, not by re-serialising). */
  approxBytes: number;
  /** Versions retained for time travel across all keys, tombstones included. */
  historyEntries: number;
}

export class MvccStore {
  private current = INITIAL_REVISION;
  private compacted = 0;
  private readonly index = new KeyIndex();
  private readonly log = new ChangeLog(INITIAL_REVISION + 1);
  private readonly hub = new WatchHub(this.log);

  /** The newest revision: 1 for an empty store, then +1 per write that changed something. */
  revision(): number {
    return this.current;
  }

  /** The revision of the last compaction (0 before any); reads and watches below it throw CompactedError. */
  compactedRevision(): number {
    return this.compacted;
  }

  /**
   * The version of `key` visible at `opts.revision` (default, or ≤ 0: the newest), or undefined when
   * the key did not exist then. The returned object is frozen and shared with other readers.
   * @throws CompactedError / FutureRevisionError as `range`.
   */
  get<V>(key: string, opts?: { revision?: number }): KeyValue<V> | undefined {
    const revision = opts?.revision;
    if (revision === undefined || revision <= 0) return this.index.latest(key) as KeyValue<V> | undefined;
    return this.index.at(key, this.readRevision(revision)) as KeyValue<V> | undefined;
  }

  /**
   * The key-values visible at `opts.revision` (default, or ≤ 0: the newest): `key` alone, or with
   * `prefix` every key starting with it, ordered by key. `after` skips keys ≤ it and `limit` (0 = no
   * limit) caps the count, with `more` saying whether further keys exist — page by passing the last
   * key returned as the next `after`, at the same revision.
   * @throws CompactedError when the revision is older than the last compaction.
   * @throws FutureRevisionError when the revision is newer than the store's.
   */
  range<V>(key: string, opts: RangeOptions = {}): RangeResult<V> {
    const revision =
      opts.revision === undefined || opts.revision <= 0 ? this.current : this.readRevision(opts.revision);
    const limit = opts.limit !== undefined && opts.limit > 0 ? opts.limit : 0;
    const { kvs, more } = this.index.range(key, opts.prefix === true, revision, opts.after, limit);
    return { kvs: kvs as KeyValue<V>[], revision, more };
  }

  /**
   * Writes `value` (deep-frozen in place: the caller must not mutate it afterwards, and need not copy
   * it either) at a new revision. Returns the new, frozen KeyValue.
   * @throws Error `etcdserver: key is not provided` for an empty key.
   */
  put<V>(key: string, value: V, actor?: Actor): KeyValue<V> {
    checkKey(key);
    const bytes = freezeValue(value);
    const revision = this.current + 1;
    const change = this.index.put(key, value, bytes, revision);
    this.commit(revision, putEvent(change, actor));
    return change.kv as KeyValue<V>;
  }

  /**
   * Deletes `key` at a new revision and returns the deletion record: the last value with the deleting
   * revision as modRevision and version 0 (etcd's tombstone marker). Deleting a missing key returns
   * undefined and leaves the revision alone.
   */
  delete(key: string, actor?: Actor): KeyValue | undefined {
    checkKey(key);
    const revision = this.current + 1;
    const change = this.index.delete(key, revision);
    if (change === undefined) return undefined;
    this.commit(revision, deleteEvent(change, actor));
    return change.kv;
  }

  /**
   * If every comparison holds, applies `success`, else `failure` — atomically, at ONE new revision
   * shared by all its ops (none when the branch changes nothing). Watchers get the branch's events in
   * one callback call. `results` lists, per op, the new KeyValue (put), the deletion record (delete of
   * an existing key) or undefined (delete of a missing key).
   * @throws Error `etcdserver: duplicate key given in txn request` when a branch names a key twice, or
   *   `etcdserver: key is not provided`; nothing is applied then.
   */
  txn(compares: readonly Compare[], success: readonly Op[], failure: readonly Op[] = [], actor?: Actor): TxnResult {
    checkOps(success);
    checkOps(failure);
    const succeeded = comparesHold(compares, (key) => this.index.latest(key));
    const ops = succeeded ? success : failure;
    // Freeze every value before touching the index, so a value that cannot be stored aborts the whole
    // transaction rather than half of it.
    const sizes = ops.map((op) => (op.type === 'put' ? freezeValue(op.value) : 0));
    const revision = this.current + 1;
    const events: StoreEvent[] = [];
    const results: (KeyValue | undefined)[] = [];
    ops.forEach((op, i) => {
      if (op.type === 'put') {
        const change = this.index.put(op.key, op.value, sizes[i] as number, revision);
        events.push(putEvent(change, actor));
        results.push(change.kv);
      } else {
        const change = this.index.delete(op.key, revision);
        if (change !== undefined) events.push(deleteEvent(change, actor));
        results.push(change?.kv);
      }
    });
    if (events.length > 0) this.commit(revision, events);
    return { succeeded, revision: this.current, results };
  }

  /**
   * Calls `onEvents` with every change to `key` (or, with `prefix`, to keys starting with it) whose
   * revision is ≥ `opts.fromRevision` — history first, then live — in revision order, with no gap and
   * no duplicate. Without `fromRevision` (or ≤ 0) only changes after the current revision are sent.
   *
   * Each call carries the watcher's events of exactly one revision (all of one transaction's together),
   * as a frozen array shared with other watchers. Live delivery happens inside the write that commits;
   * a history replay happens inside this call, before it returns (so a replaying callback cannot cancel
   * through the returned handle — it can only stop caring). If a callback writes to the store, those
   * writes are delivered to every watcher after the current round, still in order. If a callback throws,
   * the others still get their events and the first error is rethrown from the write (or watch) call.
   * @throws CompactedError when `fromRevision` is older than the last compaction.
   */
  watch<V = unknown>(key: string, opts: WatchOptions, onEvents: (events: readonly StoreEvent<V>[]) => void): Watcher {
    const from = opts.fromRevision;
    let start = this.current + 1;
    if (from !== undefined && from > 0) {
      if (from < this.compacted) throw new CompactedError(from, this.compacted);
      start = from;
    }
    const state = this.hub.add(key, opts.prefix === true, start, onEvents as (events: readonly StoreEvent[]) => void);
    return { cancel: () => this.hub.cancel(state) };
  }

  /** Number of watchers not cancelled. */
  watcherCount(): number {
    return this.hub.size;
  }

  /**
   * Forgets history older than `revision`: afterwards every read at a revision ≥ it answers as before,
   * and watches from ≥ it still replay completely; older ones throw CompactedError. Compacting at the
   * current compaction revision again is a no-op.
   * @throws CompactedError when `revision` is below the last compaction.
   * @throws FutureRevisionError when `revision` is newer than the store's.
   */
  compact(revision: number): void {
    if (revision === this.compacted) return;
    if (revision < this.compacted) throw new CompactedError(revision, this.compacted);
    if (revision > this.current) throw new FutureRevisionError(revision, this.current);
    this.compacted = revision;
    this.index.compact(revision);
    this.hub.compact(revision);
  }

  stats(): StoreStats {
    return {
      keys: this.index.liveKeys,
      revision: this.current,
      compacted: this.compacted,
      approxBytes: this.index.approxBytes,
      historyEntries: this.index.historyEntries,
    };
  }

  /** The retained versions of one key, oldest first, tombstones included (for tests and inspectors). */
  historyOf(key: string): readonly KeyValue[] {
    return this.index.historyOf(key);
  }

  private readRevision(revision: number): number {
    if (revision < this.compacted) throw new CompactedError(revision, this.compacted);
    if (revision > this.current) throw new FutureRevisionError(revision, this.current);
    return revision;
  }

  private commit(revision: number, events: StoreEvent | StoreEvent[]): void {
    this.current = revision;
    this.log.append(revision, Array.isArray(events) ? Object.freeze(events) : events);
    this.hub.notify();
  }
}

function putEvent(change: AppliedChange, actor: Actor | undefined): StoreEvent {
  return Object.freeze({ type: 'PUT', kv: change.kv, prevKv: change.prev, actor, created: change.prev === undefined });
}

function deleteEvent(change: AppliedChange, actor: Actor | undefined): StoreEvent {
  return Object.freeze({ type: 'DELETE', kv: change.kv, prevKv: change.prev, actor, created: false });
}
