/**
 * The node controller's taints and how it writes them (k/k pkg/controller/controller_utils.go
 * AddOrUpdateTaintOnNode / RemoveTaintOffNode, pkg/controller/util/node SwapNodeControllerTaint).
 *
 * A taint is matched by key and effect. Every write reads the node fresh and replaces it, so callers
 * never send a stale copy; a write that changes nothing is skipped.
 */
import type { KubeObject } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import type { Client } from '../../client/client.ts';
import { NODE } from '../../client/client.ts';
import type { Taint } from './node-types.ts';
import { nodeTaints } from './node-types.ts';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };

/** Which condition status gives which NoSchedule taint (nodeConditionToTaintKeyStatusMap). */
export const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
};

/** Taint keys the node controller owns (taintKeyToNodeConditionMap). */
export const CONDITION_TAINT_KEYS: ReadonlySet<string> = new Set([
  TAINT_NOT_READY,
  TAINT_UNREACHABLE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_MEMORY_PRESSURE,
  TAINT_DISK_PRESSURE,
  TAINT_PID_PRESSURE,
]);

export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function taintExists(taints: readonly Taint[], t: Taint): boolean {
  return taints.some((x) => matchTaint(x, t));
}

function sameTaint(a: Taint, b: Taint): boolean {
  return (
    a.key === b.key &&
    (a.value ?? '') === (b.value ?? '') &&
    a.effect === b.effect &&
    (a.timeAdded ?? '') === (b.timeAdded ?? '')
  );
}

/** Taints after adding (or replacing, matched by key and effect) `add` and removing `remove`. */
export function swapTaintList(
  current: readonly Taint[],
  add: readonly Taint[],
  remove: readonly Taint[],
): { taints: Taint[]; changed: boolean } {
  let taints = current.map((t) => ({ ...t }));
  let changed = false;
  for (const t of add) {
    const i = taints.findIndex((x) => matchTaint(x, t));
    if (i < 0) {
      taints.push({ ...t });
      changed = true;
    } else if (!sameTaint(taints[i]!, t)) {
      taints[i] = { ...t };
      changed = true;
    }
  }
  const before = taints.length;
  taints = taints.filter((x) => !remove.some((r) => matchTaint(x, r)));
  if (taints.length !== before) changed = true;
  return { taints, changed };
}

/**
 * Adds `add` (stamped with `timeAdded`, as SwapNodeControllerTaint stamps every taint it adds) and
 * removes `remove` on the node named `nodeName`. Returns false when the node is gone.
 */
export function swapNodeTaints(
  client: Client,
  nodeName: string,
  add: readonly Taint[],
  remove: readonly Taint[],
  timeAdded: string,
): boolean {
  const node = client.get(NODE, undefined, nodeName);
  if (!node) return false;
  const stamped = add.map((t) => ({ ...t, timeAdded }));
  // A taint already present keeps its first timeAdded: the taint manager's countdowns start there.
  const fresh = stamped.filter((t) => !taintExists(nodeTaints(node), t));
  const { taints, changed } = swapTaintList(nodeTaints(node), fresh, remove);
  if (!changed) return true;
  writeTaints(client, node, taints);
  return true;
}

function writeTaints(client: Client, node: KubeObject, taints: Taint[]): void {
  const next = clone(node) as KubeObject & { spec?: { taints?: Taint[] } };
  const spec = (next.spec ?? {}) as { taints?: Taint[] };
  if (taints.length > 0) spec.taints = taints;
  else delete spec.taints;
  next.spec = spec;
  client.update(next);
}
