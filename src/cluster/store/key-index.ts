/**
 * Every key's retained history plus the ordered key list: the "kv" half of the store, with no notion
 * of the current revision, transactions or watchers (mvcc-store.ts owns those). Keeps the counters the
 * UI shows (live keys, estimated bytes, history entries) up to date on each change, never by rescanning.
 */
import { KeyHistory } from './key-history.ts';
import { SortedKeys } from './sorted-keys.ts';
import type { KeyValue } from './types.ts';

/** A change as applied: the new entry and the live version it replaced (if any). */
export interface AppliedChange {
  readonly kv: KeyValue;
  readonly prev: KeyValue | undefined;
}

/**
 * The bucket of a key: its first three `/`-separated segments (`/registry/pods/`), or undefined for keys
 * of another shape. Every key starting with a prefix that has a bucket lies in that same bucket.
 */
function bucketOf(key: string): string | undefined {
  if (key.charCodeAt(0) !== 47) return undefined;
  const second = key.indexOf('/', 1);
  const third = second < 0 ? -1 : key.indexOf('/', second + 1);
  return third < 0 ? undefined : key.slice(0, third + 1);
}

export class KeyIndex {
  private readonly histories = new Map<string, KeyHistory>();
  // All keys, in order, for ranges wider than one resource (rare: dumps, tests).
  private readonly keys = new SortedKeys();
  // The same keys per resource (`/registry/pods/`): admission ranges resourcequotas and limitranges on
  // every create, and a range must not pay for sorting in the thousands of pods and events created
  // since the last one — with a single list that cost grew with the store and dominated big clusters.
  private readonly buckets = new Map<string, SortedKeys>();
  private live = 0;
  private bytes = 0;
  private entries = 0;

  /** Keys that currently exist. */
  get liveKeys(): number {
    return this.live;
  }
  /** Estimated JSON size of all live values. */
  get approxBytes(): number {
    return this.bytes;
  }
  /** Retained versions of all keys, tombstones included. */
  get historyEntries(): number {
    return this.entries;
  }

  /** The live version of `key` at the newest revision. */
  latest(key: string): KeyValue | undefined {
    return this.histories.get(key)?.latest();
  }

  /** The version of `key` visible at `revision`. */
  at(key: string, revision: number): KeyValue | undefined {
    return this.histories.get(key)?.at(revision);
  }

  /**
   * Records a put of an already frozen value of estimated size `bytes` at `revision`.
   * The returned KeyValue is frozen.
   */
  put(key: string, value: unknown, bytes: number, revision: number): AppliedChange {
    let history = this.histories.get(key);
    if (history === undefined) {
      history = new KeyHistory();
      this.histories.set(key, history);
      this.keys.add(key);
      const b = bucketOf(key);
      if (b !== undefined) {
        let bucket = this.buckets.get(b);
        if (!bucket) this.buckets.set(b, (bucket = new SortedKeys()));
        bucket.add(key);
      }
    }
    const prev = history.latest();
    const kv: KeyValue = Object.freeze({
      key,
      value,
      createRevision: prev === undefined ? revision : prev.createRevision,
      modRevision: revision,
      version: prev === undefined ? 1 : prev.version + 1,
    });
    history.append(kv);
    if (prev === undefined) this.live++;
    this.bytes += bytes - history.liveBytes;
    history.liveBytes = bytes;
    this.entries++;
    return { kv, prev };
  }

  /**
   * Records the deletion of `key` at `revision` as a tombstone (version 0, carrying the deleted value),
   * or returns undefined without recording anything when the key does not exist.
   */
  delete(key: string, revision: number): AppliedChange | undefined {
    const history = this.histories.get(key);
    const prev = history?.latest();
    if (history === undefined || prev === undefined) return undefined;
    const kv: KeyValue = Object.freeze({
      key,
      value: prev.value,
      createRevision: prev.createRevision,
      modRevision: revision,
      version: 0,
    });
    history.append(kv);
    this.live--;
    this.bytes -= history.liveBytes;
    history.liveBytes = 0;
    this.entries++;
    return { kv, prev };
  }

  /**
   * Keys visible at `revision`, in key order: `key` alone, or every key starting with it when `prefix`.
   * Only keys strictly after `after` are considered; at most `limit` are returned (0 = no limit), and
   * `more` says whether further visible keys exist.
   */
  range(
    key: string,
    prefix: boolean,
    revision: number,
    after: string | undefined,
    limit: number,
  ): { kvs: KeyValue[]; more: boolean } {
    const kvs: KeyValue[] = [];
    if (!prefix) {
      const kv = after !== undefined && key <= after ? undefined : this.at(key, revision);
      if (kv !== undefined) kvs.push(kv);
      return { kvs, more: false };
    }
    const b = bucketOf(key);
    const sorted = b === undefined ? this.keys : this.buckets.get(b);
    if (!sorted) return { kvs, more: false };
    const keys = sorted.view();
    let i = sorted.lowerBound(key);
    if (after !== undefined && after >= key) i = Math.max(i, sorted.upperBound(after));
    for (; i < keys.length; i++) {
      const k = keys[i] as string;
      if (!k.startsWith(key)) break;
      const kv = (this.histories.get(k) as KeyHistory).at(revision);
      if (kv === undefined) continue;
      if (limit > 0 && kvs.length === limit) return { kvs, more: true };
      kvs.push(kv);
    }
    return { kvs, more: false };
  }

  /** Drops history no read at a revision ≥ `revision` needs; keys left with no history leave the index. */
  compact(revision: number): void {
    const gone = new Set<string>();
    for (const [key, history] of this.histories) {
      this.entries -= history.compact(revision);
      if (history.length === 0) gone.add(key);
    }
    for (const key of gone) this.histories.delete(key);
    this.keys.removeAll(gone);
    const byBucket = new Map<string, Set<string>>();
    for (const key of gone) {
      const b = bucketOf(key);
      if (b === undefined) continue;
      let set = byBucket.get(b);
      if (!set) byBucket.set(b, (set = new Set()));
      set.add(key);
    }
    for (const [b, set] of byBucket) this.buckets.get(b)?.removeAll(set);
  }

  /** The retained entries of one key, oldest first (for tests and debugging views). */
  historyOf(key: string): readonly KeyValue[] {
    return this.histories.get(key)?.list() ?? [];
  }
}
