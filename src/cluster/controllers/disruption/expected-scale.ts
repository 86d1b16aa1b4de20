/**
 * How many pods a budget expects when it speaks in percentages or maxUnavailable
 * (disruption.go getExpectedScale): the sum of the desired replicas of the controllers owning the
 * selected pods, each controller counted once — a Deployment through its ReplicaSets, then
 * ReplicaSets, ReplicationControllers and StatefulSets, then any kind with a scale subresource.
 * Pods without a controller are reported as unmanaged rather than failing the sync.
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { controllerRefOf } from '../replica-set/pod-utils.ts';
import { resourceForKind } from '../../api/registry.ts';

/** Looks up an object by kind and namespace/name (informer caches, or the API for other kinds). */
export type ObjectLookup = (apiVersion: string, kind: string, namespace: string, name: string) => KubeObject | undefined;

interface ControllerScale {
  uid: string;
  scale: number;
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');
const replicasOf = (obj: KubeObject) => ((obj.spec as { replicas?: number } | undefined)?.replicas ?? 1);

type Finder = (ref: OwnerReference, namespace: string, lookup: ObjectLookup) => ControllerScale | undefined;

function owned(lookup: ObjectLookup, ref: OwnerReference, namespace: string, apiVersion: string, kind: string): KubeObject | undefined {
  if (ref.kind !== kind || groupOf(ref.apiVersion) !== groupOf(apiVersion)) return undefined;
  const obj = lookup(apiVersion, kind, namespace, ref.name);
  return obj && obj.metadata.uid === ref.uid ? obj : undefined;
}

const replicationController: Finder = (ref, ns, lookup) => {
  const rc = owned(lookup, ref, ns, 'v1', 'ReplicationController');
  return rc ? { uid: rc.metadata.uid ?? '', scale: replicasOf(rc) } : undefined;
};

const deployment: Finder = (ref, ns, lookup) => {
  const rs = owned(lookup, ref, ns, 'apps/v1', 'ReplicaSet');
  const rsRef = rs && controllerRefOf(rs);
  if (!rsRef) return undefined;
  const d = owned(lookup, rsRef, ns, 'apps/v1', 'Deployment');
  return d ? { uid: d.metadata.uid ?? '', scale: replicasOf(d) } : undefined;
};

const replicaSet: Finder = (ref, ns, lookup) => {
  const rs = owned(lookup, ref, ns, 'apps/v1', 'ReplicaSet');
  if (!rs || controllerRefOf(rs)?.kind === 'Deployment') return undefined;
  return { uid: rs.metadata.uid ?? '', scale: replicasOf(rs) };
};

const statefulSet: Finder = (ref, ns, lookup) => {
  const sts = owned(lookup, ref, ns, 'apps/v1', 'StatefulSet');
  return sts ? { uid: sts.metadata.uid ?? '', scale: replicasOf(sts) } : undefined;
};

/** getScaleController: any kind serving `/scale`; a kind without it is an error worth reporting. */
const scaleSubresource: Finder = (ref, ns, lookup) => {
  const group = groupOf(ref.apiVersion);
  const t = resourceForKind(ref.apiVersion, ref.kind);
  if (!t) throw new Error(`no matches for kind "${ref.kind}" in group "${group}"`);
  const obj = lookup(ref.apiVersion, ref.kind, ns, ref.name);
  if (!t.subresources.includes('scale')) throw new Error(`${t.group ? `${t.resource}.${t.group}` : t.resource} does not implement the scale subresource`);
  if (!obj || obj.metadata.uid !== ref.uid) return undefined;
  return { uid: ref.uid, scale: replicasOf(obj) };
};

const FINDERS: readonly Finder[] = [replicationController, deployment, replicaSet, statefulSet, scaleSubresource];

/**
 * The expected number of pods and the names of the unmanaged ones. Throws with upstream's words
 * (`found no controllers for pod "x"`, `jobs.batch does not implement the scale subresource`).
 */
export function expectedScale(pods: readonly Pod[], lookup: ObjectLookup): { expected: number; unmanaged: string[] } {
  const scales = new Map<string, number>();
  const seenRefs = new Set<string>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = controllerRefOf(pod);
    if (!ref) {
      unmanaged.push(pod.metadata.name ?? '');
      continue;
    }
    if (seenRefs.has(ref.uid) || scales.has(ref.uid)) continue;
    let found: ControllerScale | undefined;
    for (const finder of FINDERS) {
      found = finder(ref, pod.metadata.namespace ?? 'default', lookup);
      if (found) break;
    }
    if (!found) throw new Error(`found no controllers for pod "${pod.metadata.name}"`);
    seenRefs.add(ref.uid);
    scales.set(found.uid, found.scale);
  }
  let expected = 0;
  for (const n of scales.values()) expected += n;
  return { expected, unmanaged };
}
