/**
 * The contract of the etcd-like MVCC store (see ../CONTEXT.md). Values are JSON-able objects; the store
 * deep-freezes what it keeps, so no caller can change stored state behind its back.
 */
import type { Actor } from '../api/types.ts';

/** One version of one key, as etcd's mvccpb.KeyValue. */
export interface KeyValue<V = unknown> {
  readonly key: string;
  readonly value: V;
  /** Revision at which this key was created (since its last deletion). */
  readonly createRevision: number;
  /** Revision of the last change to this key. */
  readonly modRevision: number;
  /** Number of changes since creation; 1 right after create. */
  readonly version: number;
}

export type StoreEventType = 'PUT' | 'DELETE';

/** One change, as a watcher sees it. For DELETE, `kv.value` is the value just before deletion. */
export interface StoreEvent<V = unknown> {
  readonly type: StoreEventType;
  readonly kv: KeyValue<V>;
  /** The value before this change (undefined for a create). */
  readonly prevKv?: KeyValue<V>;
  /** Who wrote it. */
  readonly actor?: Actor;
  /** True when this PUT created the key. */
  readonly created: boolean;
}

export interface RangeOptions {
  /** Read at this revision (must be ≥ the compacted revision and ≤ current). Default: current. */
  revision?: number;
  /** Treat the key as a prefix. */
  prefix?: boolean;
  /** Stop after this many results (ordered by key). */
  limit?: number;
  /** Only keys strictly greater than this one (for paging). */
  after?: string;
}

export interface RangeResult<V = unknown> {
  kvs: KeyValue<V>[];
  /** The revision the read was served at. */
  revision: number;
  /** True when `limit` cut the result short. */
  more: boolean;
}

/** A condition of a transaction, compared against the key's current state. */
export type Compare =
  | { key: string; target: 'modRevision'; equals: number } // modRevision 0 means "must not exist"
  | { key: string; target: 'exists'; equals: boolean };

export type Op<V = unknown> = { type: 'put'; key: string; value: V } | { type: 'delete'; key: string };

export interface TxnResult<V = unknown> {
  succeeded: boolean;
  /** Store revision after the transaction (unchanged when the branch that ran changed nothing). */
  revision: number;
  /** The key-values written by the successful branch, in op order (deletes give the deleted kv). */
  results: (KeyValue<V> | undefined)[];
}

export interface Watcher {
  /** Stops delivery; idempotent. */
  cancel(): void;
}

export interface WatchOptions {
  prefix?: boolean;
  /** Deliver every change with revision ≥ fromRevision (default: only new changes). */
  fromRevision?: number;
}

/** Thrown when a read or watch asks for a revision older than the last compaction. */
export class CompactedError extends Error {
  constructor(
    readonly requested: number,
    readonly compacted: number,
  ) {
    super(`mvcc: required revision has been compacted (requested ${requested}, compacted ${compacted})`);
    this.name = 'CompactedError';
  }
}

/** Thrown when a read asks for a revision that does not exist yet. */
export class FutureRevisionError extends Error {
  constructor(
    readonly requested: number,
    readonly current: number,
  ) {
    super(`mvcc: required revision is a future revision (requested ${requested}, current ${current})`);
    this.name = 'FutureRevisionError';
  }
}
