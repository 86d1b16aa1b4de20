/**
 * The resource registry: every kind the API server serves, with the names kubectl and discovery use.
 * Mirrors what `kubectl api-resources` prints on a 1.32 cluster for these kinds.
 */

export interface ResourceType {
  /** API group, '' for the core group. */
  group: string;
  version: string;
  kind: string;
  /** Plural resource name used in URLs (`pods`). */
  resource: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** Subresources served beside the main resource. */
  subresources: ('status' | 'scale' | 'binding' | 'eviction' | 'log' | 'finalize')[];
  verbs: string[];
  /** Kinds whose spec changes bump metadata.generation. */
  hasGeneration: boolean;
  categories?: string[];
  /** Only served for writing into through a parent (Binding, Eviction, Scale): not listable. */
  virtual?: boolean;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  group: string,
  version: string,
  kind: string,
  resource: string,
  opts: Partial<Omit<ResourceType, 'group' | 'version' | 'kind' | 'resource'>> = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    resource,
    singular: opts.singular ?? kind.toLowerCase(),
    shortNames: opts.shortNames ?? [],
    namespaced: opts.namespaced ?? true,
    subresources: opts.subresources ?? [],
    verbs: opts.verbs ?? ALL_VERBS,
    hasGeneration: opts.hasGeneration ?? false,
    ...(opts.categories ? { categories: opts.categories } : {}),
    ...(opts.virtual ? { virtual: true } : {}),
  };
}

const all = ['all'];

/** Every served resource, in the order `kubectl api-resources` lists them (core first, then by group). */
export const RESOURCES: readonly ResourceType[] = [
  r('', 'v1', 'Binding', 'bindings', { verbs: ['create'], virtual: true }),
  r('', 'v1', 'ConfigMap', 'configmaps', { shortNames: ['cm'] }),
  r('', 'v1', 'Endpoints', 'endpoints', { shortNames: ['ep'], singular: 'endpoints' }),
  r('', 'v1', 'Event', 'events', { shortNames: ['ev'] }),
  r('', 'v1', 'LimitRange', 'limitranges', { shortNames: ['limits'] }),
  r('', 'v1', 'Namespace', 'namespaces', { shortNames: ['ns'], namespaced: false, subresources: ['status', 'finalize'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('', 'v1', 'Node', 'nodes', { shortNames: ['no'], namespaced: false, subresources: ['status'] }),
  r('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', { shortNames: ['pvc'], subresources: ['status'] }),
  r('', 'v1', 'PersistentVolume', 'persistentvolumes', { shortNames: ['pv'], namespaced: false, subresources: ['status'] }),
  r('', 'v1', 'Pod', 'pods', { shortNames: ['po'], subresources: ['status', 'binding', 'eviction', 'log'], categories: all }),
  r('', 'v1', 'ReplicationController', 'replicationcontrollers', { shortNames: ['rc'], subresources: ['status', 'scale'], hasGeneration: true, categories: all }),
  r('', 'v1', 'ResourceQuota', 'resourcequotas', { shortNames: ['quota'], subresources: ['status'] }),
  r('', 'v1', 'Secret', 'secrets'),
  r('', 'v1', 'ServiceAccount', 'serviceaccounts', { shortNames: ['sa'] }),
  r('', 'v1', 'Service', 'services', { shortNames: ['svc'], subresources: ['status'], categories: all }),
  r('apps', 'v1', 'ControllerRevision', 'controllerrevisions'),
  r('apps', 'v1', 'DaemonSet', 'daemonsets', { shortNames: ['ds'], subresources: ['status'], hasGeneration: true, categories: all }),
  r('apps', 'v1', 'Deployment', 'deployments', { shortNames: ['deploy'], subresources: ['status', 'scale'], hasGeneration: true, categories: all }),
  r('apps', 'v1', 'ReplicaSet', 'replicasets', { shortNames: ['rs'], subresources: ['status', 'scale'], hasGeneration: true, categories: all }),
  r('apps', 'v1', 'StatefulSet', 'statefulsets', { shortNames: ['sts'], subresources: ['status', 'scale'], hasGeneration: true, categories: all }),
  r('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', { shortNames: ['hpa'], subresources: ['status'], hasGeneration: true, categories: all }),
  r('batch', 'v1', 'CronJob', 'cronjobs', { shortNames: ['cj'], subresources: ['status'], hasGeneration: true, categories: all }),
  r('batch', 'v1', 'Job', 'jobs', { subresources: ['status'], hasGeneration: true, categories: all }),
  r('coordination.k8s.io', 'v1', 'Lease', 'leases'),
  r('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices'),
  r('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', { namespaced: false }),
  r('networking.k8s.io', 'v1', 'Ingress', 'ingresses', { shortNames: ['ing'], subresources: ['status'], hasGeneration: true }),
  r('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', { shortNames: ['netpol'], hasGeneration: true }),
  r('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', { shortNames: ['pdb'], subresources: ['status'], hasGeneration: true }),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', { namespaced: false }),
  r('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', { namespaced: false }),
  r('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings'),
  r('rbac.authorization.k8s.io', 'v1', 'Role', 'roles'),
  r('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', { shortNames: ['pc'], namespaced: false, hasGeneration: false }),
  r('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', { shortNames: ['sc'], namespaced: false }),
];

/**
 * Older or alternative versions a manifest may name that the server still accepts, converting to the
 * stored version (as kube-apiserver serves several versions of one resource). Each maps to the version
 * above with the same group and kind.
 */
export const ALSO_SERVED_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  'autoscaling/HorizontalPodAutoscaler': ['v1'],
  'events.k8s.io/Event': ['v1'],
};

export function apiVersionOf(t: ResourceType): string {
  return t.group === '' ? t.version : `${t.group}/${t.version}`;
}

/** Splits `apps/v1` into group and version (`v1` -> core group). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

const byGroupResource = new Map<string, ResourceType>();
const byGroupKind = new Map<string, ResourceType>();
for (const t of RESOURCES) {
  byGroupResource.set(`${t.group}/${t.resource}`, t);
  byGroupKind.set(`${t.group}/${t.kind}`, t);
}
// events.k8s.io/v1 Event is the same resource as core Event, served through another group.
const eventsGroupEvent: ResourceType = { ...byGroupKind.get('/Event')!, group: 'events.k8s.io', version: 'v1' };
byGroupKind.set('events.k8s.io/Event', eventsGroupEvent);

/** Looks a resource up by group and plural name. */
export function resourceFor(group: string, resource: string): ResourceType | undefined {
  return byGroupResource.get(`${group}/${resource}`);
}

/** Looks a kind up by its apiVersion (`apps/v1`) — undefined for a kind or version we do not serve. */
export function resourceForKind(apiVersion: string, kind: string): ResourceType | undefined {
  const { group, version } = parseApiVersion(apiVersion);
  const t = byGroupKind.get(`${group}/${kind}`);
  if (!t) return undefined;
  if (t.version === version) return t;
  if (ALSO_SERVED_VERSIONS[`${group}/${kind}`]?.includes(version)) return t;
  return undefined;
}

/** Looks a kind up in any group (for error messages and short lookups). */
export function resourcesForKindName(kind: string): ResourceType[] {
  return RESOURCES.filter((t) => t.kind === kind);
}

/**
 * Resolves what a person types (`po`, `pods`, `pod`, `deploy`, `deployments.apps`, `Deployment`) the way
 * kubectl's RESTMapper does. Undefined when nothing matches.
 */
export function resolveResourceName(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const base = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  return RESOURCES.find(
    (t) =>
      !t.virtual &&
      (group === undefined || t.group === group) &&
      (t.resource === base || t.singular === base || t.kind.toLowerCase() === base || t.shortNames.includes(base)),
  );
}

/** `deployments.apps`, `pods`: the group-qualified resource name used in error messages. */
export function qualifiedResource(t: Pick<ResourceType, 'group' | 'resource'>): string {
  return t.group === '' ? t.resource : `${t.resource}.${t.group}`;
}
