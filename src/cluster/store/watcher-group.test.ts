import { describe, expect, it } from 'vitest';
import { WatcherGroup, eventsFor, watches, type WatcherState } from './watcher-group.ts';
import type { StoreEvent } from './types.ts';

function ev(key: string): StoreEvent {
  return { type: 'PUT', kv: { key, value: 1, createRevision: 5, modRevision: 5, version: 1 }, created: true };
}

function watcher(key: string, prefix: boolean, nextRevision = 1): WatcherState & { got: string[][] } {
  const got: string[][] = [];
  return { key, prefix, nextRevision, cancelled: false, got, onEvents: (events) => got.push(events.map((e) => e.kv.key)) };
}

/** A sink that behaves as WatchHub's: skip cancelled, advance nextRevision, call. */
const sink = {
  send(w: WatcherState, events: readonly StoreEvent[], revision: number) {
    if (w.cancelled) return;
    w.nextRevision = revision + 1;
    w.onEvents(events);
  },
};

describe('watches / eventsFor', () => {
  it.each([
    ['/a/', true, '/a/x', true],
    ['/a/', true, '/ab', false],
    ['', true, 'anything', true],
    ['/a', false, '/a', true],
    ['/a', false, '/a/x', false],
  ])('watcher %j (prefix %s) on key %j: %s', (key, prefix, target, expected) => {
    expect(watches(watcher(key, prefix), target)).toBe(expected);
  });

  it('returns the batch itself when every event matches, a filtered copy otherwise', () => {
    const batch = [ev('/a/1'), ev('/a/2')];
    expect(eventsFor(watcher('/a/', true), batch)).toBe(batch);
    const mixed = [ev('/b/1'), ev('/a/1'), ev('/b/2')];
    expect(eventsFor(watcher('/a/', true), mixed)?.map((e) => e.kv.key)).toEqual(['/a/1']);
    expect(eventsFor(watcher('/c/', true), mixed)).toBeUndefined();
  });
});

describe('WatcherGroup', () => {
  it('gives each watcher one call per revision with only its events', () => {
    const group = new WatcherGroup();
    const all = watcher('', true);
    const a = watcher('/a/', true);
    const a2 = watcher('/a/', true);
    const exact = watcher('/b/1', false);
    const other = watcher('/c/', true);
    for (const w of [all, a, a2, exact, other]) group.add(w);
    group.deliver(5, [ev('/a/1'), ev('/b/1'), ev('/b/2')], sink);
    expect(all.got).toEqual([['/a/1', '/b/1', '/b/2']]);
    expect(a.got).toEqual([['/a/1']]);
    expect(a2.got).toEqual([['/a/1']]);
    expect(exact.got).toEqual([['/b/1']]);
    expect(other.got).toEqual([]);
    expect(a.nextRevision).toBe(6);
  });

  it('skips watchers that start after the revision, and removed ones', () => {
    const group = new WatcherGroup();
    const late = watcher('/a/', true, 7);
    const gone = watcher('/a/', true);
    const gone2 = watcher('/a/1', false);
    for (const w of [late, gone, gone2]) group.add(w);
    group.remove(gone);
    group.remove(gone2);
    group.deliver(5, [ev('/a/1')], sink);
    expect(late.got).toEqual([]);
    expect(gone.got).toEqual([]);
    expect(gone2.got).toEqual([]);
  });

  it('keeps delivering the snapshot it started with when a callback changes the group', () => {
    const group = new WatcherGroup();
    const joiner = watcher('/a/', true, 6);
    const first: WatcherState = {
      key: '/a/',
      prefix: true,
      nextRevision: 1,
      cancelled: false,
      onEvents: () => {
        group.add(joiner);
        group.remove(second);
        second.cancelled = true;
      },
    };
    const second = watcher('/a/', true);
    group.add(first);
    group.add(second);
    group.deliver(5, [ev('/a/1')], sink);
    expect(second.got).toEqual([]);
    expect(joiner.got).toEqual([]);
    group.deliver(6, [ev('/a/2')], sink);
    expect(joiner.got).toEqual([['/a/2']]);
  });
});
