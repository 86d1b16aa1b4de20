/**
 * Every committed revision's events, in revision order: what watchers replay when they start from the
 * past. Each write that changes something takes exactly one new revision, so revisions in the log are
 * contiguous and a revision's batch is found by subtraction, not search — starting a watch from any
 * retained revision costs O(1) to locate, then only the batches it actually has to deliver.
 */
import type { StoreEvent } from './types.ts';

/**
 * The events of one revision (one put, one delete, or one transaction), in op order. The revision is
 * its position in the log; a bare array (rather than a record carrying the revision) is one object less
 * retained per write, which matters when history holds millions of them.
 */
export type ChangeBatch = readonly StoreEvent[];

/** How a batch is kept: a lone event (the common single put or delete) is stored without an array. */
type StoredBatch = StoreEvent | ChangeBatch;

export class ChangeLog {
  private batches: StoredBatch[] = [];
  private first: number;
  private events = 0;

  /** @param firstRevision the revision the first appended batch will carry. */
  constructor(firstRevision: number) {
    this.first = firstRevision;
  }

  /** Oldest retained revision (== nextRevision when the log is empty). */
  get firstRevision(): number {
    return this.first;
  }

  /** Revision the next batch must carry. */
  get nextRevision(): number {
    return this.first + this.batches.length;
  }

  /** Number of retained events across all batches. */
  get eventCount(): number {
    return this.events;
  }

  /** Appends the batch of `revision`. @throws Error when `revision` is not `nextRevision`. */
  append(revision: number, batch: StoreEvent | ChangeBatch): void {
    if (revision !== this.nextRevision) {
      throw new Error(`mvcc: change log expected revision ${this.nextRevision}, got ${revision}`);
    }
    this.batches.push(batch);
    this.events += isArray(batch) ? batch.length : 1;
  }

  /**
   * The batch of `revision` (frozen), or undefined when it is compacted away or not written yet. A lone
   * event comes back in a fresh array: short-lived garbage is cheaper than one retained array per write.
   */
  get(revision: number): ChangeBatch | undefined {
    const batch = this.batches[revision - this.first];
    return batch === undefined || isArray(batch) ? batch : Object.freeze([batch]);
  }

  /** Drops the batches of revisions below `revision`. */
  compact(revision: number): void {
    const drop = Math.min(revision - this.first, this.batches.length);
    if (drop <= 0) return;
    for (let i = 0; i < drop; i++) this.events -= batchLength(this.batches[i] as StoredBatch);
    this.batches = this.batches.slice(drop);
    this.first += drop;
  }
}

function isArray(batch: StoredBatch): batch is ChangeBatch {
  return Array.isArray(batch);
}

function batchLength(batch: StoredBatch): number {
  return isArray(batch) ? batch.length : 1;
}
