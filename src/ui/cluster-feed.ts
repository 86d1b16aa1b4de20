/**
 * Connects the page's mirror to the worker exactly once per page (not per React mount, so StrictMode's
 * double effects never subscribe twice): one snapshot, then deltas.
 */
import { useCluster } from './state/cluster-store.ts';
import { clusterRemote, proxy } from './worker-client.ts';
import type { Delta } from '../worker/protocol.ts';

let started = false;

export function connectClusterFeed(): void {
  if (started) return;
  started = true;
  let ready = false;
  const early: Delta[] = [];
  const onDelta = proxy((d: Delta) => {
    if (ready) useCluster.getState().applyDelta(d);
    else early.push(d);
  });
  void clusterRemote()
    .subscribe(onDelta)
    .then((snapshot) => {
      useCluster.getState().applySnapshot(snapshot);
      ready = true;
      for (const d of early) if (d.revision >= snapshot.revision) useCluster.getState().applyDelta(d);
    });
}
