import { describe, expect, it } from 'vitest';
import { MvccStore } from './mvcc-store.ts';
import { CompactedError, FutureRevisionError } from './types.ts';
import type { Actor } from '../api/types.ts';

const SCHEDULER: Actor = { name: 'kube-scheduler', component: 'kube-scheduler' };

/** A store with /pods/a, /pods/b, /pods/c, /nodes/n1 written at revisions 2..5. */
function seeded(): MvccStore {
  const s = new MvccStore();
  s.put('/pods/a', { n: 1 });
  s.put('/pods/b', { n: 2 });
  s.put('/pods/c', { n: 3 });
  s.put('/nodes/n1', { n: 4 });
  return s;
}

const keysOf = (kvs: readonly { key: string }[]) => kvs.map((kv) => kv.key);

describe('MvccStore revisions and versions', () => {
  it('starts at revision 1 and gives the first write revision 2, as etcd', () => {
    const s = new MvccStore();
    expect(s.revision()).toBe(1);
    expect(s.compactedRevision()).toBe(0);
    const kv = s.put('k', 'v');
    expect(kv).toEqual({ key: 'k', value: 'v', createRevision: 2, modRevision: 2, version: 1 });
    expect(s.revision()).toBe(2);
  });

  it('counts versions and keeps createRevision across updates', () => {
    const s = new MvccStore();
    s.put('k', 1);
    s.put('other', 0);
    const kv = s.put('k', 2);
    expect(kv).toEqual({ key: 'k', value: 2, createRevision: 2, modRevision: 4, version: 2 });
    expect(s.get('k')).toBe(kv);
  });

  it('resets createRevision and version when a deleted key is created again', () => {
    const s = new MvccStore();
    s.put('k', 1);
    s.put('k', 2);
    s.delete('k');
    const kv = s.put('k', 3);
    expect(kv).toEqual({ key: 'k', value: 3, createRevision: 5, modRevision: 5, version: 1 });
  });

  it('returns the deletion record from delete and keeps the tombstone in history', () => {
    const s = new MvccStore();
    s.put('k', { a: 1 });
    s.put('k', { a: 2 });
    const deleted = s.delete('k');
    expect(deleted).toEqual({ key: 'k', value: { a: 2 }, createRevision: 2, modRevision: 4, version: 0 });
    expect(s.get('k')).toBeUndefined();
    expect(s.revision()).toBe(4);
    expect(s.historyOf('k').map((kv) => [kv.modRevision, kv.version])).toEqual([
      [2, 1],
      [3, 2],
      [4, 0],
    ]);
  });

  it('treats deleting a missing key as a no-op that keeps the revision', () => {
    const s = seeded();
    expect(s.delete('/pods/zzz')).toBeUndefined();
    expect(s.revision()).toBe(5);
  });

  it('rejects an empty key with etcd’s message', () => {
    const s = new MvccStore();
    expect(() => s.put('', 1)).toThrow('etcdserver: key is not provided');
    expect(() => s.delete('')).toThrow('etcdserver: key is not provided');
    expect(s.revision()).toBe(1);
  });
});

describe('MvccStore reads', () => {
  it('ranges by prefix in key order, and exact keys alone', () => {
    const s = seeded();
    const r = s.range('/pods/', { prefix: true });
    expect(keysOf(r.kvs)).toEqual(['/pods/a', '/pods/b', '/pods/c']);
    expect(r).toMatchObject({ revision: 5, more: false });
    expect(keysOf(s.range('/pods/a').kvs)).toEqual(['/pods/a']);
    expect(keysOf(s.range('/pods/').kvs)).toEqual([]);
    expect(keysOf(s.range('', { prefix: true }).kvs)).toEqual(['/nodes/n1', '/pods/a', '/pods/b', '/pods/c']);
  });

  it('reads at any retained revision (time travel)', () => {
    const s = seeded();
    s.put('/pods/a', { n: 10 });
    s.delete('/pods/b');
    expect(keysOf(s.range('/pods/', { prefix: true, revision: 3 }).kvs)).toEqual(['/pods/a', '/pods/b']);
    expect(s.get('/pods/a', { revision: 5 })?.value).toEqual({ n: 1 });
    expect(s.get('/pods/a', { revision: 6 })?.value).toEqual({ n: 10 });
    expect(s.get('/pods/b', { revision: 6 })?.value).toEqual({ n: 2 });
    expect(s.get('/pods/b', { revision: 7 })).toBeUndefined();
    expect(s.range('/pods/', { prefix: true, revision: 1 }).kvs).toEqual([]);
    expect(s.range('/pods/', { prefix: true, revision: 0 }).revision).toBe(7);
  });

  it.each([
    { limit: 2, after: undefined, keys: ['/pods/a', '/pods/b'], more: true },
    { limit: 2, after: '/pods/b', keys: ['/pods/c', '/pods/d'], more: false },
    { limit: 3, after: undefined, keys: ['/pods/a', '/pods/b', '/pods/c'], more: true },
    { limit: 1, after: '/pods/c', keys: ['/pods/d'], more: false },
    { limit: 0, after: '/pods/a', keys: ['/pods/b', '/pods/c', '/pods/d'], more: false },
    { limit: 5, after: '/pods/', keys: ['/pods/a', '/pods/b', '/pods/c', '/pods/d'], more: false },
    { limit: 5, after: '/pods/d', keys: [], more: false },
    { limit: 5, after: '/a', keys: ['/pods/a', '/pods/b', '/pods/c', '/pods/d'], more: false },
  ])('pages with limit $limit after $after', ({ limit, after, keys, more }) => {
    const s = seeded();
    s.put('/pods/d', { n: 5 });
    s.put('/pods/x', {});
    s.delete('/pods/x'); // a tombstoned key is skipped and does not count as "more"
    const r = s.range('/pods/', { prefix: true, limit, ...(after !== undefined ? { after } : {}) });
    expect(keysOf(r.kvs)).toEqual(keys);
    expect(r.more).toBe(more);
  });

  it('pages through a whole prefix at a fixed revision while writes continue', () => {
    const s = new MvccStore();
    for (let i = 0; i < 25; i++) s.put(`/pods/p${String(i).padStart(2, '0')}`, i);
    const at = s.revision();
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = s.range('/pods/', { prefix: true, limit: 7, revision: at, ...(after !== undefined ? { after } : {}) });
      seen.push(...keysOf(page.kvs));
      s.put('/pods/p00a', 'late'); // written after `at`: must not appear
      if (!page.more) break;
      after = page.kvs[page.kvs.length - 1]?.key;
    }
    expect(seen).toHaveLength(25);
    expect(seen).not.toContain('/pods/p00a');
  });

  it('applies `after` to exact-key reads too', () => {
    const s = seeded();
    expect(s.range('/pods/b', { after: '/pods/a' }).kvs).toHaveLength(1);
    expect(s.range('/pods/b', { after: '/pods/b' }).kvs).toHaveLength(0);
  });

  it('throws FutureRevisionError for a revision not written yet', () => {
    const s = seeded();
    expect(() => s.range('/pods/', { prefix: true, revision: 6 })).toThrow(FutureRevisionError);
    expect(() => s.get('/pods/a', { revision: 9 })).toThrow(
      'mvcc: required revision is a future revision (requested 9, current 5)',
    );
  });

  it('throws CompactedError below the compaction and answers as before at and above it', () => {
    const s = seeded();
    s.put('/pods/a', { n: 10 });
    s.delete('/pods/c');
    const before = [4, 5, 6, 7].map((revision) => s.range('/', { prefix: true, revision }).kvs);
    s.compact(4);
    expect(s.compactedRevision()).toBe(4);
    expect(() => s.range('/', { prefix: true, revision: 3 })).toThrow(CompactedError);
    expect(() => s.get('/pods/a', { revision: 2 })).toThrow(
      'mvcc: required revision has been compacted (requested 2, compacted 4)',
    );
    expect([4, 5, 6, 7].map((revision) => s.range('/', { prefix: true, revision }).kvs)).toEqual(before);
  });

  it('hands out frozen key-values and values that cannot be changed behind the store’s back', () => {
    const s = new MvccStore();
    const value = { spec: { replicas: 1, ports: [80] } };
    s.put('k', value);
    const kv = s.get<typeof value>('k');
    expect(Object.isFrozen(kv)).toBe(true);
    expect(Object.isFrozen(value.spec.ports)).toBe(true);
    expect(() => {
      value.spec.replicas = 2;
    }).toThrow(TypeError);
    expect(s.get<typeof value>('k')?.value.spec.replicas).toBe(1);
    // No cloning on read: the same frozen object every time.
    expect(s.get('k')).toBe(s.range('k').kvs[0]);
  });
});

describe('MvccStore transactions', () => {
  it('compare-and-swap on modRevision succeeds once, then fails', () => {
    const s = new MvccStore();
    const created = s.txn([{ key: 'k', target: 'modRevision', equals: 0 }], [{ type: 'put', key: 'k', value: 1 }]);
    expect(created).toEqual({ succeeded: true, revision: 2, results: [s.get('k')] });
    const update = s.txn([{ key: 'k', target: 'modRevision', equals: 2 }], [{ type: 'put', key: 'k', value: 2 }]);
    expect(update.succeeded).toBe(true);
    expect(s.get('k')?.value).toBe(2);
    const stale = s.txn([{ key: 'k', target: 'modRevision', equals: 2 }], [{ type: 'put', key: 'k', value: 3 }]);
    expect(stale).toEqual({ succeeded: false, revision: 3, results: [] });
    expect(s.get('k')?.value).toBe(2);
  });

  it('runs the failure branch when a comparison fails, at its own single revision', () => {
    const s = new MvccStore();
    s.put('k', 1);
    const res = s.txn(
      [{ key: 'k', target: 'exists', equals: false }],
      [{ type: 'put', key: 'k', value: 'never' }],
      [
        { type: 'put', key: 'conflicts', value: 1 },
        { type: 'put', key: 'k2', value: 2 },
      ],
    );
    expect(res.succeeded).toBe(false);
    expect(res.revision).toBe(3);
    expect(res.results.map((kv) => kv?.modRevision)).toEqual([3, 3]);
    expect(s.get('k')?.value).toBe(1);
  });

  it('gives every op of a transaction the same one revision', () => {
    const s = new MvccStore();
    s.put('gone', 1);
    const res = s.txn(
      [],
      [
        { type: 'put', key: 'a', value: 1 },
        { type: 'put', key: 'b', value: 2 },
        { type: 'delete', key: 'gone' },
        { type: 'delete', key: 'never-existed' },
      ],
    );
    expect(res.revision).toBe(3);
    expect(s.revision()).toBe(3);
    expect(res.results.map((kv) => kv?.modRevision)).toEqual([3, 3, 3, undefined]);
    expect(res.results[2]).toMatchObject({ key: 'gone', value: 1, version: 0 });
  });

  it('takes no revision when the branch changes nothing', () => {
    const s = new MvccStore();
    const res = s.txn([], [{ type: 'delete', key: 'missing' }]);
    expect(res).toEqual({ succeeded: true, revision: 1, results: [undefined] });
    expect(s.txn([], []).revision).toBe(1);
  });

  it('rejects a key written twice in one branch, applying nothing', () => {
    const s = new MvccStore();
    expect(() =>
      s.txn(
        [],
        [
          { type: 'put', key: 'a', value: 1 },
          { type: 'delete', key: 'a' },
        ],
      ),
    ).toThrow('etcdserver: duplicate key given in txn request');
    expect(s.revision()).toBe(1);
  });

  it('applies nothing when one value of the branch cannot be stored', () => {
    const s = new MvccStore();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() =>
      s.txn(
        [],
        [
          { type: 'put', key: 'a', value: 1 },
          { type: 'put', key: 'b', value: cyclic },
        ],
      ),
    ).toThrow(TypeError);
    expect(s.get('a')).toBeUndefined();
    expect(s.revision()).toBe(1);
  });
});

describe('MvccStore compaction and stats', () => {
  it('drops history and tombstones older than the compaction', () => {
    const s = new MvccStore();
    s.put('a', 1); // 2
    s.put('a', 2); // 3
    s.put('b', 1); // 4
    s.delete('b'); // 5
    s.put('c', 1); // 6
    expect(s.stats().historyEntries).toBe(5);
    s.compact(6);
    expect(s.historyOf('a').map((kv) => kv.modRevision)).toEqual([3]);
    expect(s.historyOf('b')).toEqual([]);
    expect(s.stats()).toEqual({ keys: 2, revision: 6, compacted: 6, approxBytes: 2, historyEntries: 2 });
    expect(keysOf(s.range('', { prefix: true }).kvs)).toEqual(['a', 'c']);
  });

  it('refuses to compact backwards or into the future, and repeats as a no-op', () => {
    const s = seeded();
    s.compact(3);
    expect(() => s.compact(2)).toThrow(CompactedError);
    expect(() => s.compact(6)).toThrow(FutureRevisionError);
    expect(() => s.compact(3)).not.toThrow();
    expect(s.compactedRevision()).toBe(3);
  });

  it('tracks live keys and approximate JSON bytes incrementally', () => {
    const s = new MvccStore();
    const a = { name: 'a', n: 1 };
    s.put('a', a);
    s.put('b', 'xyz');
    expect(s.stats()).toMatchObject({ keys: 2, approxBytes: JSON.stringify(a).length + 5 });
    s.put('a', { n: 22 });
    expect(s.stats().approxBytes).toBe(JSON.stringify({ n: 22 }).length + 5);
    s.delete('b');
    expect(s.stats()).toMatchObject({ keys: 1, approxBytes: JSON.stringify({ n: 22 }).length, revision: 5 });
  });

  it('records the actor on events without storing it in the key-value', () => {
    const s = new MvccStore();
    const got: unknown[] = [];
    s.watch('k', {}, (events) => got.push(...events.map((e) => e.actor)));
    const kv = s.put('k', 1, SCHEDULER);
    s.delete('k', SCHEDULER);
    expect(got).toEqual([SCHEDULER, SCHEDULER]);
    expect(Object.keys(kv)).toEqual(['key', 'value', 'createRevision', 'modRevision', 'version']);
  });
});
