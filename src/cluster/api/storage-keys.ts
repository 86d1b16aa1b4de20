/**
 * Where objects live in the store: the same key layout kube-apiserver uses in etcd, so the etcd view
 * in the UI shows what a real cluster holds (`/registry/pods/default/web-7d4b9c-x2k4q`,
 * `/registry/minions/worker-1`, `/registry/services/specs/default/web`).
 */
import type { ResourceType } from './registry.ts';

const PREFIX_OVERRIDES: Readonly<Record<string, string>> = {
  '/nodes': 'minions',
  '/services': 'services/specs',
  '/endpoints': 'services/endpoints',
  'networking.k8s.io/ingresses': 'ingress',
  'events.k8s.io/events': 'events',
};

function resourcePrefix(t: Pick<ResourceType, 'group' | 'resource'>): string {
  return `/registry/${PREFIX_OVERRIDES[`${t.group}/${t.resource}`] ?? t.resource}/`;
}

/** The key of one object. */
export function objectKey(t: Pick<ResourceType, 'group' | 'resource' | 'namespaced'>, namespace: string | undefined, name: string): string {
  return t.namespaced ? `${resourcePrefix(t)}${namespace ?? ''}/${name}` : `${resourcePrefix(t)}${name}`;
}

/** The prefix holding every object of a resource, or of one namespace of it when given. */
export function listPrefix(t: Pick<ResourceType, 'group' | 'resource' | 'namespaced'>, namespace?: string): string {
  return t.namespaced && namespace ? `${resourcePrefix(t)}${namespace}/` : resourcePrefix(t);
}
