import { describe, expect, it } from 'vitest';
import { KeyHistory, isTombstone } from './key-history.ts';
import type { KeyValue } from './types.ts';

function kv(modRevision: number, createRevision: number, version: number, value: unknown = `v${modRevision}`): KeyValue {
  return { key: 'a', value, createRevision, modRevision, version };
}

/** The worked example of key-history.ts: put at 2, put at 4, delete at 6, put at 9. */
function example(): KeyHistory {
  const h = new KeyHistory();
  h.append(kv(2, 2, 1));
  h.append(kv(4, 2, 2));
  h.append(kv(6, 2, 0, 'v4'));
  h.append(kv(9, 9, 1));
  return h;
}

describe('KeyHistory', () => {
  it.each([
    [1, undefined],
    [2, 2],
    [3, 2],
    [4, 4],
    [5, 4],
    [6, undefined],
    [7, undefined],
    [8, undefined],
    [9, 9],
    [12, 9],
  ])('at(%i) sees the version modified at %s', (revision, expected) => {
    expect(example().at(revision)?.modRevision).toBe(expected);
  });

  it('latest() is the live version, undefined after a delete', () => {
    const h = example();
    expect(h.latest()?.modRevision).toBe(9);
    h.append(kv(12, 9, 0));
    expect(h.latest()).toBeUndefined();
    expect(new KeyHistory().latest()).toBeUndefined();
  });

  it.each([
    { at: 1, kept: [2, 4, 6, 9], dropped: 0 },
    { at: 3, kept: [2, 4, 6, 9], dropped: 0 },
    { at: 5, kept: [4, 6, 9], dropped: 1 },
    { at: 6, kept: [9], dropped: 3 },
    { at: 7, kept: [9], dropped: 3 },
    { at: 10, kept: [9], dropped: 3 },
  ])('compact($at) keeps $kept', ({ at, kept, dropped }) => {
    const h = example();
    const before = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].filter((r) => r >= at).map((r) => h.at(r));
    expect(h.compact(at)).toBe(dropped);
    expect(h.list().map((e) => e.modRevision)).toEqual(kept);
    expect(h.length).toBe(kept.length);
    // Every read at or after the compaction point answers as before.
    const after = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].filter((r) => r >= at).map((r) => h.at(r));
    expect(after).toEqual(before);
  });

  it('empties completely when the newest entry is a tombstone older than the compaction', () => {
    const h = example();
    h.append(kv(12, 9, 0));
    expect(h.compact(13)).toBe(5);
    expect(h.length).toBe(0);
    expect(h.at(20)).toBeUndefined();
  });

  it('recognises tombstones by version 0', () => {
    expect(isTombstone(kv(6, 2, 0))).toBe(true);
    expect(isTombstone(kv(6, 2, 1))).toBe(false);
  });
});
