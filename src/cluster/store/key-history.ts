/**
 * The retained versions of one key: etcd's keyIndex, flattened into one list.
 *
 * Every change to a key appends one KeyValue, in increasing modRevision. A deletion appends a tombstone:
 * a KeyValue whose `version` is 0 (as in etcd) and whose `value` is the value that was deleted. The key
 * is absent at revision r when no entry has modRevision ≤ r, or when the latest such entry is a
 * tombstone. Generations (create … delete) need no separate structure: a put after a tombstone starts a
 * new one, with createRevision reset and version back to 1.
 *
 * Worked example — key "a": put at 2, put at 4, delete at 6, put at 9.
 *
 *   entries   [ a@2 (create 2, v1) | a@4 (create 2, v2) | ✝@6 (v0) | a@9 (create 9, v1) ]
 *   at(1) → undefined   nothing ≤ 1: not created yet
 *   at(3) → a@2         latest entry ≤ 3
 *   at(5) → a@4
 *   at(7) → undefined   latest entry ≤ 7 is the tombstone
 *   at(12) → a@9
 *
 *   compact(5)  latest ≤ 5 is a@4, live: keep it, drop a@2         → [ a@4 | ✝@6 | a@9 ]
 *               at(5) is still a@4, everything ≥ 5 reads the same.
 *   compact(7)  latest ≤ 7 is ✝@6: a leading tombstone says nothing
 *               that "no entry" does not, so it goes too            → [ a@9 ]
 *               at(7) is still undefined.
 *   delete at 12, then compact(13) → [] — the key has no history left and leaves the index.
 *
 * Compaction therefore keeps exactly what reading at any revision ≥ the compaction point needs.
 */
import type { KeyValue } from './types.ts';

/** A tombstone is the KeyValue recorded for a deletion. */
export function isTombstone(kv: KeyValue): boolean {
  return kv.version === 0;
}

export class KeyHistory {
  /** Retained entries, oldest first, strictly increasing modRevision. */
  private readonly entries: KeyValue[] = [];
  /** Estimated JSON size of the live value (0 when deleted), kept for the store's approxBytes. */
  liveBytes = 0;

  /** Number of retained entries, tombstones included. */
  get length(): number {
    return this.entries.length;
  }

  /** The live version at the newest revision, or undefined when the key is deleted or never existed. */
  latest(): KeyValue | undefined {
    const last = this.entries[this.entries.length - 1];
    return last === undefined || isTombstone(last) ? undefined : last;
  }

  /** The version visible at `revision` (undefined when absent then). O(1) for the newest, else O(log n). */
  at(revision: number): KeyValue | undefined {
    const entries = this.entries;
    let hi = entries.length - 1;
    const last = entries[hi];
    if (last === undefined) return undefined;
    if (last.modRevision <= revision) return isTombstone(last) ? undefined : last;
    // Binary search for the last entry with modRevision ≤ revision.
    let lo = 0;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((entries[mid] as KeyValue).modRevision <= revision) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    const kv = entries[found];
    return kv === undefined || isTombstone(kv) ? undefined : kv;
  }

  /** Records a change; `kv.modRevision` must exceed every retained one (the store guarantees it). */
  append(kv: KeyValue): void {
    this.entries.push(kv);
  }

  /**
   * Drops what no read at a revision ≥ `revision` needs (see the worked example above).
   * @returns how many entries were dropped.
   */
  compact(revision: number): number {
    const entries = this.entries;
    // Index of the latest entry ≤ revision; entries before it are unreachable.
    let keepFrom = -1;
    for (let i = entries.length - 1; i >= 0; i--) {
      if ((entries[i] as KeyValue).modRevision <= revision) {
        keepFrom = i;
        break;
      }
    }
    if (keepFrom < 0) return 0;
    if (isTombstone(entries[keepFrom] as KeyValue)) keepFrom++;
    if (keepFrom > 0) entries.splice(0, keepFrom);
    return keepFrom;
  }

  /** All retained entries, oldest first (for tests and debugging views). */
  list(): readonly KeyValue[] {
    return this.entries;
  }
}
