import { describe, expect, it } from 'vitest';
import { MvccStore } from './mvcc-store.ts';
import { CompactedError, type StoreEvent } from './types.ts';

/** Records each callback call as "rev:TYPE key,TYPE key". */
function recorder() {
  const calls: string[] = [];
  const onEvents = (events: readonly StoreEvent[]) => {
    calls.push(`${events[0]?.kv.modRevision}:${events.map((e) => `${e.type} ${e.kv.key}`).join(',')}`);
  };
  return { calls, onEvents };
}

describe('MvccStore.watch', () => {
  it('delivers only new changes by default, prefix or exact', () => {
    const s = new MvccStore();
    s.put('/a/old', 1);
    const prefix = recorder();
    const exact = recorder();
    s.watch('/a/', { prefix: true }, prefix.onEvents);
    s.watch('/a/x', {}, exact.onEvents);
    s.put('/a/x', 1);
    s.put('/b/y', 1);
    s.put('/a/y', 1);
    s.delete('/a/x');
    expect(prefix.calls).toEqual(['3:PUT /a/x', '5:PUT /a/y', '6:DELETE /a/x']);
    expect(exact.calls).toEqual(['3:PUT /a/x', '6:DELETE /a/x']);
  });

  it('fills events as the API server needs them: created, prevKv, deletion record', () => {
    const s = new MvccStore();
    const events: StoreEvent[] = [];
    s.watch('k', {}, (evs) => events.push(...evs));
    const v1 = s.put('k', 1);
    const v2 = s.put('k', 2);
    s.delete('k');
    expect(events).toEqual([
      { type: 'PUT', kv: v1, prevKv: undefined, actor: undefined, created: true },
      { type: 'PUT', kv: v2, prevKv: v1, actor: undefined, created: false },
      {
        type: 'DELETE',
        kv: { key: 'k', value: 2, createRevision: 2, modRevision: 4, version: 0 },
        prevKv: v2,
        actor: undefined,
        created: false,
      },
    ]);
    expect(Object.isFrozen(events[0])).toBe(true);
  });

  it('replays history from a revision before this call returns, then goes live without gap or duplicate', () => {
    const s = new MvccStore();
    s.put('/a/1', 1); // 2
    s.put('/b/1', 1); // 3
    s.put('/a/2', 1); // 4
    const r = recorder();
    s.watch('/a/', { prefix: true, fromRevision: 3 }, r.onEvents);
    expect(r.calls).toEqual(['4:PUT /a/2']);
    s.put('/a/3', 1);
    expect(r.calls).toEqual(['4:PUT /a/2', '5:PUT /a/3']);
  });

  it('treats a fromRevision beyond the current one as "wait for it"', () => {
    const s = new MvccStore();
    const r = recorder();
    s.watch('k', { fromRevision: 4 }, r.onEvents);
    s.put('k', 1); // 2
    s.put('k', 2); // 3
    expect(r.calls).toEqual([]);
    s.put('k', 3); // 4
    s.put('k', 4); // 5
    expect(r.calls).toEqual(['4:PUT k', '5:PUT k']);
  });

  it('delivers all events of one transaction in one call, filtered per watcher', () => {
    const s = new MvccStore();
    s.put('/a/gone', 1);
    const all = recorder();
    const a = recorder();
    const exact = recorder();
    s.watch('/', { prefix: true }, all.onEvents);
    s.watch('/a/', { prefix: true }, a.onEvents);
    s.watch('/b/1', {}, exact.onEvents);
    s.txn(
      [],
      [
        { type: 'put', key: '/a/1', value: 1 },
        { type: 'put', key: '/b/1', value: 1 },
        { type: 'delete', key: '/a/gone' },
      ],
    );
    expect(all.calls).toEqual(['3:PUT /a/1,PUT /b/1,DELETE /a/gone']);
    expect(a.calls).toEqual(['3:PUT /a/1,DELETE /a/gone']);
    expect(exact.calls).toEqual(['3:PUT /b/1']);
  });

  it('replays a transaction as one call too', () => {
    const s = new MvccStore();
    s.txn(
      [],
      [
        { type: 'put', key: '/a/1', value: 1 },
        { type: 'put', key: '/a/2', value: 1 },
      ],
    );
    const r = recorder();
    s.watch('/a/', { prefix: true, fromRevision: 1 }, r.onEvents);
    expect(r.calls).toEqual(['2:PUT /a/1,PUT /a/2']);
  });

  it('delivers writes made by a callback after the current round, in order, to every watcher', () => {
    const s = new MvccStore();
    const first = recorder();
    const second = recorder();
    s.watch('/a/', { prefix: true }, (events) => {
      first.onEvents(events);
      if (events[0]?.kv.key === '/a/x') {
        s.put('/a/echo-1', 1);
        s.put('/a/echo-2', 1);
      }
    });
    s.watch('/a/', { prefix: true }, (events) => {
      second.onEvents(events);
      // When this runs, the first watcher's writes are committed but not delivered yet.
      if (events[0]?.kv.key === '/a/x') expect(second.calls).toEqual(['2:PUT /a/x']);
    });
    s.put('/a/x', 1);
    const expected = ['2:PUT /a/x', '3:PUT /a/echo-1', '4:PUT /a/echo-2'];
    expect(first.calls).toEqual(expected);
    expect(second.calls).toEqual(expected);
  });

  it('lets a callback start a watch from the past without duplicates or gaps', () => {
    const s = new MvccStore();
    s.put('/a/0', 1); // 2
    const late = recorder();
    let started = false;
    s.watch('/a/', { prefix: true }, (events) => {
      if (started) return;
      started = true;
      s.put('/a/during', 1); // 4, committed before the new watch starts
      s.watch('/a/', { prefix: true, fromRevision: 2 }, late.onEvents);
      expect(late.calls).toEqual([]); // replay waits for the current round to end
      void events;
    });
    s.put('/a/1', 1); // 3
    s.put('/a/2', 1); // 5
    expect(late.calls).toEqual(['2:PUT /a/0', '3:PUT /a/1', '4:PUT /a/during', '5:PUT /a/2']);
  });

  it('lets a callback start a live-only watch that sees nothing already committed', () => {
    const s = new MvccStore();
    const live = recorder();
    let done = false;
    s.watch('/a/', { prefix: true }, () => {
      if (done) return;
      done = true;
      s.put('/a/queued', 1); // 3: committed before the new watch, so not "new" for it
      s.watch('/a/', { prefix: true }, live.onEvents);
    });
    s.put('/a/1', 1);
    s.put('/a/2', 1);
    expect(live.calls).toEqual(['4:PUT /a/2']);
  });

  it('cancels idempotently, also from inside a callback, including mid-round', () => {
    const s = new MvccStore();
    const r = recorder();
    const w = s.watch('k', {}, r.onEvents);
    s.put('k', 1);
    w.cancel();
    w.cancel();
    s.put('k', 2);
    expect(r.calls).toEqual(['2:PUT k']);
    expect(s.watcherCount()).toBe(0);

    const victim = recorder();
    const killer = s.watch('k', {}, () => victimWatch.cancel());
    const victimWatch = s.watch('k', {}, victim.onEvents);
    s.put('k', 3);
    expect(victim.calls).toEqual([]);
    killer.cancel();
  });

  it('throws CompactedError when starting below the compaction, and replays from exactly it', () => {
    const s = new MvccStore();
    s.put('k', 1); // 2
    s.put('k', 2); // 3
    s.delete('k'); // 4
    s.put('k', 3); // 5
    s.compact(4);
    expect(() => s.watch('k', { fromRevision: 3 }, () => undefined)).toThrow(CompactedError);
    const r = recorder();
    s.watch('k', { fromRevision: 4 }, r.onEvents);
    expect(r.calls).toEqual(['4:DELETE k', '5:PUT k']);
  });

  it('keeps history a watcher still needs when a callback compacts mid-round', () => {
    const s = new MvccStore();
    s.put('/a/1', 1); // 2
    s.put('/a/2', 1); // 3
    const replayed = recorder();
    let once = false;
    s.watch('/b/', { prefix: true }, () => {
      if (once) return;
      once = true;
      s.watch('/a/', { prefix: true, fromRevision: 2 }, replayed.onEvents);
      s.compact(s.revision()); // 4 — the new watcher still needs 2 and 3
    });
    s.put('/b/1', 1); // 4
    expect(replayed.calls).toEqual(['2:PUT /a/1', '3:PUT /a/2']);
    s.put('/a/3', 1);
    expect(replayed.calls).toEqual(['2:PUT /a/1', '3:PUT /a/2', '5:PUT /a/3']);
  });

  it('finishes delivering to everyone when a callback throws, then rethrows the first error', () => {
    const s = new MvccStore();
    const r = recorder();
    s.watch('k', {}, () => {
      throw new Error('boom');
    });
    s.watch('k', {}, r.onEvents);
    expect(() => s.put('k', 1)).toThrow('boom');
    expect(s.get('k')?.value).toBe(1); // the write itself committed
    expect(() => s.put('k', 2)).toThrow('boom');
    expect(r.calls).toEqual(['2:PUT k', '3:PUT k']);
  });

  it('serves many watchers from many start revisions', () => {
    const s = new MvccStore();
    for (let i = 0; i < 50; i++) s.put(`/k/${i % 5}`, i); // revisions 2..51
    const got: number[][] = [];
    for (let from = 1; from <= 52; from++) {
      const revs: number[] = [];
      got.push(revs);
      s.watch('/k/', { prefix: true, fromRevision: from }, (events) => revs.push(events[0]?.kv.modRevision ?? -1));
    }
    s.put('/k/0', 'live'); // 52
    got.forEach((revs, i) => {
      const from = i + 1;
      expect(revs).toEqual(Array.from({ length: 52 - Math.max(from, 2) + 1 }, (_, j) => Math.max(from, 2) + j));
    });
  });
});
