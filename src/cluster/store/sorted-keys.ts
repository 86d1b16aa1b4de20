/**
 * The store's keys in order, for prefix ranges and paging — the job etcd gives its in-memory btree.
 *
 * Writes vastly outnumber ranges in a control plane (every status update is a put; lists are rare and
 * mostly replaced by watches), and most puts touch keys that already exist. So adding a key costs O(1):
 * it waits in `pending`, and the next reader sorts the newcomers and merges them in once —
 * O(p log p + n) for p new keys, paid only when someone actually ranges. Ranges themselves are a binary
 * search plus a walk over the matching keys.
 *
 * Order is JavaScript string order (UTF-16 code units), which equals etcd's byte order for ASCII keys,
 * the only keys Kubernetes writes.
 */
export class SortedKeys {
  private sorted: string[] = [];
  private pending: string[] = [];

  /** Number of keys held, pending ones included. */
  get size(): number {
    return this.sorted.length + this.pending.length;
  }

  /** Adds a key that is not held yet (the caller guarantees it; duplicates would be listed twice). */
  add(key: string): void {
    this.pending.push(key);
  }

  /** Removes every key in `keys`; O(n), meant for compaction. */
  removeAll(keys: ReadonlySet<string>): void {
    if (keys.size === 0) return;
    this.settle();
    this.sorted = this.sorted.filter((k) => !keys.has(k));
  }

  /** All keys in order. The array is the index's own: valid until the next add or removal, never to be mutated. */
  view(): readonly string[] {
    this.settle();
    return this.sorted;
  }

  /** Index in `view()` of the first key ≥ `key` (view().length when none). */
  lowerBound(key: string): number {
    const keys = this.view();
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index in `view()` of the first key > `key`. */
  upperBound(key: string): number {
    const keys = this.view();
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as string) <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private settle(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    pending.sort(compareKeys);
    const old = this.sorted;
    if (old.length === 0 || (old[old.length - 1] as string) < (pending[0] as string)) {
      // Appending in order (e.g. generated names that grow) needs no merge.
      this.sorted = old.length === 0 ? pending : old.concat(pending);
      return;
    }
    if (pending.length * 16 < old.length) {
      // A few newcomers into many keys (a range after each create, as admission does): binary search and
      // splice — a memmove per key — beats a full merge walk by orders of magnitude.
      for (const key of pending) {
        let lo = 0;
        let hi = old.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((old[mid] as string) < key) lo = mid + 1;
          else hi = mid;
        }
        old.splice(lo, 0, key);
      }
      return;
    }
    const merged = new Array<string>(old.length + pending.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < pending.length) {
      const a = old[i] as string;
      const b = pending[j] as string;
      if (a < b) {
        merged[k++] = a;
        i++;
      } else {
        merged[k++] = b;
        j++;
      }
    }
    while (i < old.length) merged[k++] = old[i++] as string;
    while (j < pending.length) merged[k++] = pending[j++] as string;
    this.sorted = merged;
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
