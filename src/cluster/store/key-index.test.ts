import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index.ts';

describe('KeyIndex', () => {
  it('keeps counters in step with puts, deletes and compaction', () => {
    const index = new KeyIndex();
    index.put('a', 'x', 3, 2);
    index.put('b', 'y', 3, 3);
    index.put('a', 'xx', 4, 4);
    expect([index.liveKeys, index.approxBytes, index.historyEntries]).toEqual([2, 7, 3]);
    expect(index.delete('b', 5)?.prev?.value).toBe('y');
    expect(index.delete('b', 6)).toBeUndefined();
    expect([index.liveKeys, index.approxBytes, index.historyEntries]).toEqual([1, 4, 4]);
    index.compact(5);
    expect([index.liveKeys, index.approxBytes, index.historyEntries]).toEqual([1, 4, 1]);
    expect(index.historyOf('b')).toEqual([]);
  });

  it('ranges at a revision, skipping keys absent then', () => {
    const index = new KeyIndex();
    index.put('/p/b', 1, 1, 2);
    index.put('/p/a', 1, 1, 3);
    index.put('/q', 1, 1, 4);
    index.delete('/p/b', 5);
    const keys = (rev: number, limit = 0) => index.range('/p/', true, rev, undefined, limit).kvs.map((kv) => kv.key);
    expect(keys(2)).toEqual(['/p/b']);
    expect(keys(4)).toEqual(['/p/a', '/p/b']);
    expect(keys(5)).toEqual(['/p/a']);
    expect(index.range('/p/', true, 4, undefined, 1)).toMatchObject({ more: true });
    expect(index.range('/p/', true, 5, undefined, 1)).toMatchObject({ more: false });
  });
});
