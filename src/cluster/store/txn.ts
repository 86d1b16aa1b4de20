/**
 * The pure parts of a transaction: checking its request and evaluating its comparisons. Applying the
 * chosen branch is the store's job (mvcc-store.ts), because it needs the revision and the watchers.
 */
import type { Compare, KeyValue, Op } from './types.ts';

/** Etcd's wording for a write without a key. */
export const EMPTY_KEY_MESSAGE = 'etcdserver: key is not provided';
/** Etcd's wording for a transaction branch that touches a key twice. */
export const DUPLICATE_KEY_MESSAGE = 'etcdserver: duplicate key given in txn request';

/** @throws Error when `key` is empty. */
export function checkKey(key: string): void {
  if (key.length === 0) throw new Error(EMPTY_KEY_MESSAGE);
}

/**
 * Rejects a branch that writes a key twice or writes an empty key: a transaction takes one revision,
 * and one revision can hold only one version of a key.
 * @throws Error with etcd's message.
 */
export function checkOps(ops: readonly Op[]): void {
  if (ops.length === 0) return;
  if (ops.length === 1) {
    checkKey((ops[0] as Op).key);
    return;
  }
  const seen = new Set<string>();
  for (const op of ops) {
    checkKey(op.key);
    if (seen.has(op.key)) throw new Error(DUPLICATE_KEY_MESSAGE);
    seen.add(op.key);
  }
}

/** Whether every comparison holds, given each key's live version (`lookup` returns undefined when absent). */
export function comparesHold(compares: readonly Compare[], lookup: (key: string) => KeyValue | undefined): boolean {
  for (const c of compares) {
    const kv = lookup(c.key);
    switch (c.target) {
      case 'modRevision':
        if ((kv?.modRevision ?? 0) !== c.equals) return false;
        break;
      case 'exists':
        if ((kv !== undefined) !== c.equals) return false;
        break;
    }
  }
  return true;
}
