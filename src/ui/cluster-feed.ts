/**
 * Connects the page's mirror to the worker exactly once per page (not per React mount, so StrictMode's
 * double effects never subscribe twice): one snapshot, then deltas. Each delta's activity also feeds the
 * head node's figures and the request flows.
 */
import { useCluster } from './state/cluster-store.ts';
import { recordActivity } from './state/activity.ts';
import { clusterRemote, proxy } from './worker-client.ts';
import { exposeTestHooks } from './test-hooks.ts';
import type { Delta } from '../worker/protocol.ts';

let started = false;

function apply(d: Delta): void {
  useCluster.getState().applyDelta(d);
  if (d.activity) recordActivity(d.activity, d.time, d.paused ? 0 : d.speed);
}

export function connectClusterFeed(): void {
  if (started) return;
  started = true;
  exposeTestHooks();
  let ready = false;
  const early: Delta[] = [];
  const onDelta = proxy((d: Delta) => {
    if (ready) apply(d);
    else early.push(d);
  });
  void clusterRemote()
    .subscribe(onDelta)
    .then((snapshot) => {
      useCluster.getState().applySnapshot(snapshot);
      ready = true;
      for (const d of early) if (d.revision >= snapshot.revision) apply(d);
    });
}
