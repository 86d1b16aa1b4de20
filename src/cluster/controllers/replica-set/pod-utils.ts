/**
 * Pod predicates the workload controllers share (k/k pkg/api/v1/pod/util.go, pkg/controller
 * controller_utils.go): active, ready, available, ready-since, restarts, and the pod a template makes.
 */
import type { OwnerReference } from '../../api/types.ts';
import { parseTime } from '../../sim/clock.ts';
import { clone } from '../../api/object-meta.ts';
import type { Pod, PodTemplateSpec } from './workload-types.ts';

/** Not terminal and not being deleted: the pods a controller counts (controller.IsPodActive). */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

// Plain loops below: controllers call these for every pod of a ReplicaSet on every sync.
function readyCondition(pod: Pod) {
  const conditions = pod.status?.conditions;
  if (conditions) for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === 'Ready') return conditions[i];
  return undefined;
}

/** The pod's Ready condition is True (podutil.IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** When the pod last became Ready, in epoch ms; undefined when not ready or unknown. */
export function podReadySince(pod: Pod): number | undefined {
  const c = readyCondition(pod);
  if (c?.status !== 'True' || !c.lastTransitionTime) return undefined;
  const t = parseTime(c.lastTransitionTime);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Ready for at least `minReadySeconds` at `nowMs` (podutil.IsPodAvailable): with 0 any ready pod is
 * available; otherwise readySince + minReadySeconds must be strictly before now.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = podReadySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/** The highest restart count of the pod's containers. */
export function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/** The owner reference marked `controller: true`, if any (metav1.GetControllerOf). */
export function controllerRefOf(obj: { metadata: { ownerReferences?: OwnerReference[] } }): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i]!.controller === true) return refs[i];
  return undefined;
}

/** metav1.NewControllerRef: controller and blockOwnerDeletion set. */
export function newControllerRef(owner: { metadata: { name?: string; uid?: string } }, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/**
 * The pod a controller creates from its template (controller.GetPodFromTemplate): the template's labels,
 * annotations, finalizers and spec, `generateName` `<owner>-`, and the controller reference.
 */
export function podFromTemplate(template: PodTemplateSpec, namespace: string, ownerName: string, controllerRef: OwnerReference): Pod {
  const meta = template.metadata ?? {};
  const metadata: Pod['metadata'] = { generateName: `${ownerName}-`, namespace };
  if (meta.labels) metadata.labels = { ...meta.labels };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers];
  metadata.ownerReferences = [{ ...controllerRef }];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(template.spec ?? {}) };
}

