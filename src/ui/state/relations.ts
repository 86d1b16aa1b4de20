/**
 * How objects relate, read from the mirror: owners by uid (ownerReferences), the objects each owns,
 * a Service's pods by its selector, and the API reference of a store key. Pure functions over the
 * object map; callers memoise them per map.
 */
import type { KubeObject } from '../../cluster/api/types.ts';
import type { ObjectRef } from '../../worker/protocol.ts';

export interface Relations {
  byUid: Map<string, string>;
  /** Owner uid -> keys of the objects it owns. */
  children: Map<string, string[]>;
}

export function relationsOf(objects: ReadonlyMap<string, KubeObject>): Relations {
  const byUid = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const [k, o] of objects) {
    if (o.metadata.uid) byUid.set(o.metadata.uid, k);
    for (const ref of o.metadata.ownerReferences ?? []) {
      const list = children.get(ref.uid);
      if (list) list.push(k);
      else children.set(ref.uid, [k]);
    }
  }
  return { byUid, children };
}

/** The controller chain above an object, nearest first: pod -> ReplicaSet -> Deployment. */
export function ownerChain(key: string, objects: ReadonlyMap<string, KubeObject>, rel: Relations): { key: string | undefined; kind: string; name: string }[] {
  const out: { key: string | undefined; kind: string; name: string }[] = [];
  let obj = objects.get(key);
  const seen = new Set<string>();
  while (obj) {
    const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller) ?? obj.metadata.ownerReferences?.[0];
    if (!ref || seen.has(ref.uid)) break;
    seen.add(ref.uid);
    const k = rel.byUid.get(ref.uid);
    out.push({ key: k, kind: ref.kind, name: ref.name });
    obj = k ? objects.get(k) : undefined;
  }
  return out;
}

function matches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** Pods a Service selects (same namespace, every selector label matching). */
export function servicePods(svc: KubeObject, objects: ReadonlyMap<string, KubeObject>): string[] {
  const selector = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
  const prefix = `/registry/pods/${svc.metadata.namespace}/`;
  const out: string[] = [];
  for (const [k, o] of objects) if (k.startsWith(prefix) && matches(selector, o.metadata.labels)) out.push(k);
  return out;
}

/** Everything an object owns, transitively (Deployment -> ReplicaSets -> pods), plus a Service's pods. */
export function relatedKeys(key: string, objects: ReadonlyMap<string, KubeObject>, rel: Relations): Set<string> {
  const out = new Set<string>();
  const obj = objects.get(key);
  if (!obj) return out;
  if (obj.kind === 'Service') {
    for (const k of servicePods(obj, objects)) out.add(k);
    return out;
  }
  const queue = [obj.metadata.uid ?? ''];
  while (queue.length) {
    const uid = queue.shift()!;
    for (const k of rel.children.get(uid) ?? []) {
      if (out.has(k)) continue;
      out.add(k);
      const child = objects.get(k);
      if (child?.metadata.uid) queue.push(child.metadata.uid);
    }
  }
  return out;
}

const RESOURCE_OF_SEGMENT: Record<string, string> = { minions: 'nodes', services: 'services' };

/** The API reference of the object at a store key (`/registry/deployments/default/web`). */
export function refOfKey(key: string, obj: KubeObject): ObjectRef {
  const parts = key.split('/');
  const segment = parts[2] ?? '';
  const resource = segment === 'services' ? (parts[3] === 'endpoints' ? 'endpoints' : 'services') : (RESOURCE_OF_SEGMENT[segment] ?? segment);
  const slash = obj.apiVersion.indexOf('/');
  const group = slash >= 0 ? obj.apiVersion.slice(0, slash) : '';
  return { group, resource, ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}), name: obj.metadata.name ?? '' };
}

/** Workloads a person can scale, restart, or delete with a cascade choice. */
export const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController']);
export const SCALABLE_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);
export const RESTARTABLE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
