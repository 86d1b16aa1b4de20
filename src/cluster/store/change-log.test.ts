import { describe, expect, it } from 'vitest';
import { ChangeLog } from './change-log.ts';
import type { StoreEvent } from './types.ts';

function put(key: string, rev: number): StoreEvent {
  return { type: 'PUT', kv: { key, value: 1, createRevision: rev, modRevision: rev, version: 1 }, created: true };
}

describe('ChangeLog', () => {
  it('finds batches by revision and wraps lone events in a frozen array', () => {
    const log = new ChangeLog(2);
    const a = put('a', 2);
    log.append(2, a);
    log.append(3, Object.freeze([put('b', 3), put('c', 3)]));
    expect(log.get(2)).toEqual([a]);
    expect(Object.isFrozen(log.get(2))).toBe(true);
    expect(log.get(3)?.map((e) => e.kv.key)).toEqual(['b', 'c']);
    expect(log.get(1)).toBeUndefined();
    expect(log.get(4)).toBeUndefined();
    expect(log.nextRevision).toBe(4);
    expect(log.eventCount).toBe(3);
  });

  it('refuses a revision out of sequence', () => {
    const log = new ChangeLog(2);
    expect(() => log.append(3, put('a', 3))).toThrow('mvcc: change log expected revision 2, got 3');
  });

  it('compacts below a revision and keeps counting from there', () => {
    const log = new ChangeLog(2);
    for (let r = 2; r <= 6; r++) log.append(r, put('k', r));
    log.compact(5);
    expect(log.firstRevision).toBe(5);
    expect(log.get(4)).toBeUndefined();
    expect(log.get(5)?.[0]?.kv.modRevision).toBe(5);
    expect(log.eventCount).toBe(2);
    log.compact(3); // already gone: no-op
    expect(log.firstRevision).toBe(5);
    log.append(7, put('k', 7));
    expect(log.get(7)?.[0]?.kv.modRevision).toBe(7);
  });
});
