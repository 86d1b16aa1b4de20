/**
 * Starts the cluster worker and wraps it with comlink. The page talks to the cluster only through this.
 */
import * as Comlink from 'comlink';
import type { WorkerServices } from '../worker/worker.ts';

export type ClusterRemote = Comlink.Remote<WorkerServices>;

let remote: ClusterRemote | undefined;

export function clusterRemote(): ClusterRemote {
  if (!remote) {
    const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'cluster' });
    remote = Comlink.wrap<WorkerServices>(worker);
  }
  return remote;
}

/** Wraps a callback so the worker can call it across the boundary. */
export const proxy = Comlink.proxy;
