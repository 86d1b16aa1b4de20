/**
 * A DaemonSet's RollingUpdate step (k/k pkg/controller/daemon/update.go rollingUpdate): which old pods
 * to delete and on which nodes to surge a new pod, given the pods per node.
 *
 * maxSurge 0: at most `maxUnavailable` nodes are without an available pod; an old pod that is not
 * available anyway is replaced at once. maxSurge > 0: a new pod starts beside the old one on up to
 * `maxSurge` nodes, and the old one goes once the new one is available. Both are counted from the
 * number of nodes that should run the pod, percentages rounded up; both 0 means 1 unavailable.
 * Nodes are visited by name (upstream walks a Go map, in random order).
 */
import { isPodAvailable } from '../replica-set/pod-utils.ts';
import type { IntOrString, Pod } from '../replica-set/workload-types.ts';
import { isPodUpdated, type DaemonSet } from './daemon-pod.ts';

export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  const raw = (pct * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/** maxSurge and maxUnavailable for `desired` nodes (updatedDesiredNodeCounts). */
export function surgeAndUnavailable(ds: DaemonSet, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec.updateStrategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge ?? 0, desired, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? 1, desired, true);
  if (desired > 0 && maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** The one new and one old pod on a node; ok false when there are more (findUpdatedPodsOnNode). */
function podsOnNode(pods: readonly Pod[], hash: string, generation: string | undefined): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (isPodUpdated(p, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = p;
    } else {
      if (oldPod) return { ok: false };
      oldPod = p;
    }
  }
  return { ok: true, ...(newPod ? { newPod } : {}), ...(oldPod ? { oldPod } : {}) };
}

export function rollingUpdateStep(
  ds: DaemonSet,
  nodeToPods: ReadonlyMap<string, readonly Pod[]>,
  desired: number,
  hash: string,
  generation: string | undefined,
  nowMs: number,
): { oldPodsToDelete: Pod[]; nodesToCreate: string[] } {
  const { maxSurge, maxUnavailable } = surgeAndUnavailable(ds, desired);
  const minReady = ds.spec.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, nowMs);
  const nodes = [...nodeToPods.keys()].sort();
  if (maxSurge === 0) {
    let unavailable = 0;
    const replacements: Pod[] = [];
    const candidates: Pod[] = [];
    for (const node of nodes) {
      const { newPod, oldPod, ok } = podsOnNode(nodeToPods.get(node)!, hash, generation);
      if (!ok || (!newPod && !oldPod) || (newPod && oldPod)) {
        unavailable++;
        continue;
      }
      if (newPod) {
        if (!available(newPod)) unavailable++;
        continue;
      }
      if (!available(oldPod!)) replacements.push(oldPod!);
      else if (unavailable < maxUnavailable) candidates.push(oldPod!);
    }
    const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
    return { oldPodsToDelete: [...replacements, ...candidates.slice(0, room)], nodesToCreate: [] };
  }
  let surged = 0;
  const nodesToCreate: string[] = [];
  const oldPodsToDelete: Pod[] = [];
  for (const node of nodes) {
    const { newPod, oldPod, ok } = podsOnNode(nodeToPods.get(node)!, hash, generation);
    if (!ok) {
      surged++;
      continue;
    }
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) nodesToCreate.push(node);
      else if (surged < maxSurge) {
        surged++;
        nodesToCreate.push(node);
      }
      continue;
    }
    if (!available(newPod)) {
      surged++;
      continue;
    }
    oldPodsToDelete.push(oldPod);
  }
  return { oldPodsToDelete, nodesToCreate };
}
