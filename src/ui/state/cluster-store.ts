/**
 * The page's mirror of the cluster: objects keyed by store key, replaced immutably (a new Map per
 * delta), plus the clock and two indexes the canvas draws from — node names, and each node's pod keys.
 *
 * The indexes keep their identity unless their contents change: a node's pod-key array is replaced only
 * when a pod joins or leaves that node, so a node card re-renders only for its own pods, and a pod tile
 * only when its own object is replaced. Fed by the worker's snapshot and deltas (at most one per frame).
 */
import { create } from 'zustand';
import type { KubeObject } from '../../cluster/api/types.ts';
import type { Delta, HostStats, Snapshot } from '../../worker/protocol.ts';

export const NODE_PREFIX = '/registry/minions/';
export const POD_PREFIX = '/registry/pods/';
export const EVENT_PREFIX = '/registry/events/';

/** The pod-key list for pods no node has yet (Pending, waiting for the scheduler). */
export const UNSCHEDULED = '';

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
  /** Node names, sorted; a new array only when a node comes or goes. */
  nodeNames: readonly string[];
  /** Pod store keys per node name (`''` for unscheduled), in arrival order. */
  podsByNode: ReadonlyMap<string, readonly string[]>;
  /** Latest control-plane figures from the worker. */
  stats: HostStats | undefined;
  applySnapshot(s: Snapshot): void;
  applyDelta(d: Delta): void;
}

/** Which node a pod key is filed under; kept outside React state since only the store reads it. */
const podNode = new Map<string, string>();

function nodeOf(pod: KubeObject): string {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? UNSCHEDULED;
}

/** Re-files pods; copies only the touched nodes' arrays. Returns the same map when nothing moved. */
function refile(index: ReadonlyMap<string, readonly string[]>, moves: { key: string; to: string | undefined }[]): ReadonlyMap<string, readonly string[]> {
  let next: Map<string, readonly string[]> | undefined;
  const edit = (node: string, fn: (keys: string[]) => void) => {
    next ??= new Map(index);
    const keys = [...(next.get(node) ?? [])];
    fn(keys);
    if (keys.length === 0) next.delete(node);
    else next.set(node, keys);
  };
  for (const { key, to } of moves) {
    const from = podNode.get(key);
    if (from === to) continue;
    if (from !== undefined) edit(from, (keys) => keys.splice(keys.indexOf(key), 1));
    if (to !== undefined) {
      edit(to, (keys) => keys.push(key));
      podNode.set(key, to);
    } else podNode.delete(key);
  }
  return next ?? index;
}

function sortedNodeNames(objects: ReadonlyMap<string, KubeObject>): string[] {
  const names: string[] = [];
  for (const k of objects.keys()) if (k.startsWith(NODE_PREFIX)) names.push(k.slice(NODE_PREFIX.length));
  return names.sort();
}

export const useCluster = create<ClusterState>((set) => ({
  connected: false,
  revision: 0,
  time: 0,
  startTime: 0,
  speed: 1,
  paused: false,
  objects: new Map(),
  nodeNames: [],
  podsByNode: new Map(),
  stats: undefined,
  applySnapshot: (s) => {
    podNode.clear();
    const objects = new Map(s.objects.map((o) => [o.key, o.object]));
    const moves: { key: string; to: string }[] = [];
    for (const [k, v] of objects) if (k.startsWith(POD_PREFIX)) moves.push({ key: k, to: nodeOf(v) });
    set({
      connected: true,
      revision: s.revision,
      time: s.time,
      startTime: s.time,
      speed: s.speed,
      paused: s.paused,
      objects,
      nodeNames: sortedNodeNames(objects),
      podsByNode: refile(new Map(), moves),
    });
  },
  applyDelta: (d) =>
    set((state) => {
      const changed = d.added.length + d.updated.length + d.removed.length > 0;
      const base = { revision: d.revision, time: d.time, speed: d.speed, paused: d.paused, ...(d.activity ? { stats: d.activity.stats } : {}) };
      if (!changed) return base;
      const objects = new Map(state.objects);
      const moves: { key: string; to: string | undefined }[] = [];
      let nodesChanged = false;
      for (const o of d.added) {
        objects.set(o.key, o.object);
        if (o.key.startsWith(POD_PREFIX)) moves.push({ key: o.key, to: nodeOf(o.object) });
        else if (o.key.startsWith(NODE_PREFIX)) nodesChanged = true;
      }
      for (const o of d.updated) {
        objects.set(o.key, o.object);
        if (o.key.startsWith(POD_PREFIX)) moves.push({ key: o.key, to: nodeOf(o.object) });
      }
      for (const k of d.removed) {
        objects.delete(k);
        if (k.startsWith(POD_PREFIX)) moves.push({ key: k, to: undefined });
        else if (k.startsWith(NODE_PREFIX)) nodesChanged = true;
      }
      return {
        ...base,
        objects,
        podsByNode: refile(state.podsByNode, moves),
        ...(nodesChanged ? { nodeNames: sortedNodeNames(objects) } : {}),
      };
    }),
}));

/** Objects of one kind, by store-key prefix (`/registry/namespaces/`). */
export function objectsUnder(objects: ReadonlyMap<string, KubeObject>, prefix: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const [k, v] of objects) if (k.startsWith(prefix)) out.push(v);
  return out;
}

/** `/registry/pods/<ns>/<name>` -> `{ namespace, name }`. */
export function podRef(key: string): { namespace: string; name: string } {
  const rest = key.slice(POD_PREFIX.length);
  const slash = rest.indexOf('/');
  return { namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

export function nodeKey(name: string): string {
  return NODE_PREFIX + name;
}

export function podKey(namespace: string, name: string): string {
  return `${POD_PREFIX}${namespace}/${name}`;
}
