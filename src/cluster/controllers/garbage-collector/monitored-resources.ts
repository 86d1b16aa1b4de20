/**
 * Which resources the garbage collector watches (k/k pkg/controller/garbagecollector: every resource
 * that can be listed, watched and deleted, except the ones it ignores — events in both groups).
 */
import { RESOURCES, type ResourceType } from '../../api/registry.ts';

/** `group/resource` of the resources the collector never tracks. */
export const IGNORED_RESOURCES: ReadonlySet<string> = new Set(['/events', 'events.k8s.io/events']);

/** The resources whose objects take part in the owner graph, in registry order (deterministic). */
export function monitoredResources(): ResourceType[] {
  return RESOURCES.filter(
    (t) =>
      !t.virtual &&
      t.verbs.includes('delete') &&
      t.verbs.includes('list') &&
      t.verbs.includes('watch') &&
      !IGNORED_RESOURCES.has(`${t.group}/${t.resource}`),
  );
}

/** `group/resource/namespace/name`: the key the collector queues (names never hold a `/`). */
export function graphKey(
  t: Pick<ResourceType, 'group' | 'resource'>,
  namespace: string | undefined,
  name: string,
): string {
  return `${t.group}/${t.resource}/${namespace ?? ''}/${name}`;
}

export function parseGraphKey(key: string): {
  group: string;
  resource: string;
  namespace: string | undefined;
  name: string;
} {
  const [group = '', resource = '', namespace = '', name = ''] = key.split('/');
  return { group, resource, namespace: namespace === '' ? undefined : namespace, name };
}
