/**
 * The page's mirror of the cluster: objects keyed by store key, replaced immutably (a new Map per
 * delta), plus the clock. Fed by the worker's snapshot and deltas; components select narrowly.
 */
import { create } from 'zustand';
import type { KubeObject } from '../../cluster/api/types.ts';
import type { Delta, Snapshot } from '../../worker/protocol.ts';

export interface ClusterState {
  connected: boolean;
  revision: number;
  /** Virtual time, ms since the epoch. */
  time: number;
  /** Virtual time when the page connected, for the elapsed clock. */
  startTime: number;
  speed: number;
  paused: boolean;
  objects: ReadonlyMap<string, KubeObject>;
  applySnapshot(s: Snapshot): void;
  applyDelta(d: Delta): void;
}

export const useCluster = create<ClusterState>((set) => ({
  connected: false,
  revision: 0,
  time: 0,
  startTime: 0,
  speed: 1,
  paused: false,
  objects: new Map(),
  applySnapshot: (s) =>
    set({
      connected: true,
      revision: s.revision,
      time: s.time,
      startTime: s.time,
      speed: s.speed,
      paused: s.paused,
      objects: new Map(s.objects.map((o) => [o.key, o.object])),
    }),
  applyDelta: (d) =>
    set((state) => {
      const changed = d.added.length + d.updated.length + d.removed.length > 0;
      let objects = state.objects;
      if (changed) {
        const next = new Map(objects);
        for (const o of d.added) next.set(o.key, o.object);
        for (const o of d.updated) next.set(o.key, o.object);
        for (const k of d.removed) next.delete(k);
        objects = next;
      }
      return { revision: d.revision, time: d.time, speed: d.speed, paused: d.paused, objects };
    }),
}));

/** Objects of one kind, by store-key prefix (`/registry/namespaces/`). */
export function objectsUnder(objects: ReadonlyMap<string, KubeObject>, prefix: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const [k, v] of objects) if (k.startsWith(prefix)) out.push(v);
  return out;
}
