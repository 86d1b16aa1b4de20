import { describe, expect, it } from 'vitest';
import { ChangeLog } from './change-log.ts';
import { WatchHub } from './watch-hub.ts';
import type { StoreEvent } from './types.ts';

function put(key: string, rev: number): StoreEvent {
  return { type: 'PUT', kv: { key, value: rev, createRevision: rev, modRevision: rev, version: 1 }, created: true };
}

/** A log + hub pair with a helper that commits like the store does. */
function setup() {
  const log = new ChangeLog(2);
  const hub = new WatchHub(log);
  const commit = (key: string) => {
    const rev = log.nextRevision;
    log.append(rev, put(key, rev));
    hub.notify();
  };
  return { log, hub, commit };
}

const revs = (calls: (readonly StoreEvent[])[]) => calls.map((events) => events[0]?.kv.modRevision);

describe('WatchHub', () => {
  it('moves a replaying watcher into the synced group, then delivers live', () => {
    const { hub, commit } = setup();
    commit('/a/1');
    commit('/a/2');
    const calls: (readonly StoreEvent[])[] = [];
    hub.add('/a/', true, 2, (events) => calls.push(events));
    expect(revs(calls)).toEqual([2, 3]);
    commit('/a/3');
    expect(revs(calls)).toEqual([2, 3, 4]);
    expect(hub.size).toBe(1);
  });

  it('prunes the change log only below what every watcher has received', () => {
    const { log, hub, commit } = setup();
    commit('/a/1'); // 2
    commit('/a/2'); // 3
    hub.compact(4);
    expect(log.firstRevision).toBe(4);
    let stage = 0;
    const calls: (readonly StoreEvent[])[] = [];
    hub.add('/b/', true, 5, () => {
      if (stage++ > 0) return;
      // Mid-round: a replaying watcher still needs revision 4 when compaction asks to drop it.
      hub.add('/a/', true, 4, (events) => calls.push(events));
      hub.compact(6);
      expect(log.firstRevision).toBe(4);
    });
    commit('/a/3'); // 4
    commit('/b/1'); // 5
    commit('/a/4'); // 6
    expect(revs(calls)).toEqual([4, 6]);
    expect(log.firstRevision).toBe(6);
  });

  it('counts cancellation once', () => {
    const { hub } = setup();
    const w = hub.add('k', false, 2, () => undefined);
    hub.cancel(w);
    hub.cancel(w);
    expect(hub.size).toBe(0);
  });
});
