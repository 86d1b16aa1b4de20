/**
 * Strategic-merge-patch metadata of the built-in kinds: the `patchStrategy` / `patchMergeKey` Go struct
 * tags of k8s.io/api (core/v1, apps/v1, batch/v1, policy/v1, autoscaling/v2), as kube-apiserver and
 * kubectl 1.32 read them by reflection. Checked against the tag strings compiled into kubectl v1.32.
 *
 * The tables hold only what changes merging: tagged fields, and the struct-typed fields on the way to
 * them. Any other field behaves like an untagged one: maps merge key by key, lists are replaced whole.
 * Notably untagged (so replaced): Pod `tolerations`, Node `taints`, `envFrom`, affinity terms,
 * `readinessGates`, ServiceAccount `imagePullSecrets`, StatefulSet `volumeClaimTemplates`.
 *
 * Pod templates share one table: `spec.template.spec.*` of Deployment, ReplicaSet, StatefulSet,
 * DaemonSet, Job and ReplicationController and `spec.jobTemplate.spec.template.spec.*` of CronJob all
 * walk {@link POD_SPEC}, exactly as the Go types embed PodTemplateSpec.
 */

export type PatchStrategy = 'merge' | 'replace';

/** What one JSON field's struct tags say. */
export interface FieldMeta {
  readonly strategy?: PatchStrategy;
  /** `patchStrategy:"...,retainKeys"`: a patch may carry `$retainKeys` to clear unlisted fields. */
  readonly retainKeys?: boolean;
  readonly mergeKey?: string;
  /** The struct of the field's value; for a list, of each element. */
  readonly type?: StructMeta;
}

/** A Go struct, by its JSON field names. `name` is the Go type name, used in error messages. */
export interface StructMeta {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldMeta>>;
}

const NO_META: FieldMeta = Object.freeze({});

/** The tags of `field` in `struct`; an unknown field (or no struct) has none. */
export function fieldMeta(struct: StructMeta | undefined, field: string): FieldMeta {
  if (struct === undefined || !Object.prototype.hasOwnProperty.call(struct.fields, field)) return NO_META;
  return struct.fields[field] ?? NO_META;
}

/** The tags at a dotted field path, stepping into list elements implicitly: `spec.template.spec.containers.env`. */
export function fieldMetaAt(struct: StructMeta | undefined, path: string): FieldMeta {
  let meta: FieldMeta = { type: struct };
  for (const field of path.split('.')) meta = fieldMeta(meta.type, field);
  return meta;
}

const struct = (name: string, fields: Record<string, FieldMeta>): StructMeta =>
  Object.freeze({ name, fields: Object.freeze(fields) });
const mergeBy = (mergeKey: string, type?: StructMeta): FieldMeta => ({
  strategy: 'merge',
  mergeKey,
  ...(type ? { type } : {}),
});
const mergeRetainBy = (mergeKey: string): FieldMeta => ({ strategy: 'merge', retainKeys: true, mergeKey });
/** A list of scalars merged as a set, e.g. `finalizers`. */
const mergeSet: FieldMeta = { strategy: 'merge' };
const conditions = mergeBy('type');

export const OBJECT_META = struct('ObjectMeta', {
  finalizers: mergeSet,
  ownerReferences: mergeBy('uid'),
});

const containerFields = {
  ports: mergeBy('containerPort'),
  env: mergeBy('name'),
  volumeMounts: mergeBy('mountPath'),
  volumeDevices: mergeBy('devicePath'),
};
const CONTAINER = struct('Container', containerFields);
const EPHEMERAL_CONTAINER = struct('EphemeralContainer', containerFields);

export const POD_SPEC = struct('PodSpec', {
  volumes: mergeRetainBy('name'),
  initContainers: mergeBy('name', CONTAINER),
  containers: mergeBy('name', CONTAINER),
  ephemeralContainers: mergeBy('name', EPHEMERAL_CONTAINER),
  imagePullSecrets: mergeBy('name'),
  hostAliases: mergeBy('ip'),
  topologySpreadConstraints: mergeBy('topologyKey'),
  schedulingGates: mergeBy('name'),
  resourceClaims: mergeRetainBy('name'),
});

const CONTAINER_STATUS = struct('ContainerStatus', {
  volumeMounts: mergeBy('mountPath'),
  allocatedResourcesStatus: mergeBy('name'),
});

const POD_STATUS = struct('PodStatus', {
  conditions,
  podIPs: mergeBy('ip'),
  hostIPs: mergeBy('ip'),
  initContainerStatuses: { type: CONTAINER_STATUS },
  containerStatuses: { type: CONTAINER_STATUS },
  ephemeralContainerStatuses: { type: CONTAINER_STATUS },
  resourceClaimStatuses: mergeRetainBy('name'),
});

export const POD_TEMPLATE_SPEC = struct('PodTemplateSpec', {
  metadata: { type: OBJECT_META },
  spec: { type: POD_SPEC },
});

/** A top-level kind: metadata plus the given fields. */
const kind = (name: string, fields: Record<string, FieldMeta> = {}): StructMeta =>
  struct(name, { metadata: { type: OBJECT_META }, ...fields });
/** `status: { conditions }` with conditions merged by type. */
const statusWithConditions = (name: string): FieldMeta => ({ type: struct(name, { conditions }) });
const specWithTemplate = (name: string, extra: Record<string, FieldMeta> = {}): FieldMeta => ({
  type: struct(name, { template: { type: POD_TEMPLATE_SPEC }, ...extra }),
});

const PERSISTENT_VOLUME_CLAIM = kind('PersistentVolumeClaim', {
  status: statusWithConditions('PersistentVolumeClaimStatus'),
});
const JOB_SPEC = specWithTemplate('JobSpec');

const CORE: Record<string, StructMeta> = {
  Pod: kind('Pod', { spec: { type: POD_SPEC }, status: { type: POD_STATUS } }),
  PodTemplate: kind('PodTemplate', { template: { type: POD_TEMPLATE_SPEC } }),
  ReplicationController: kind('ReplicationController', {
    spec: specWithTemplate('ReplicationControllerSpec'),
    status: statusWithConditions('ReplicationControllerStatus'),
  }),
  Service: kind('Service', {
    spec: { type: struct('ServiceSpec', { ports: mergeBy('port') }) },
    status: statusWithConditions('ServiceStatus'),
  }),
  Node: kind('Node', {
    spec: { type: struct('NodeSpec', { podCIDRs: mergeSet }) },
    status: { type: struct('NodeStatus', { conditions, addresses: mergeBy('type') }) },
  }),
  Namespace: kind('Namespace', { status: statusWithConditions('NamespaceStatus') }),
  ServiceAccount: kind('ServiceAccount', { secrets: mergeBy('name') }),
  PersistentVolumeClaim: PERSISTENT_VOLUME_CLAIM,
};
for (const name of [
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Event',
  'LimitRange',
  'ResourceQuota',
  'PersistentVolume',
  'Binding',
]) {
  CORE[name] = kind(name);
}

const APPS: Record<string, StructMeta> = {
  Deployment: kind('Deployment', {
    spec: specWithTemplate('DeploymentSpec', { strategy: { retainKeys: true } }),
    status: statusWithConditions('DeploymentStatus'),
  }),
  ReplicaSet: kind('ReplicaSet', {
    spec: specWithTemplate('ReplicaSetSpec'),
    status: statusWithConditions('ReplicaSetStatus'),
  }),
  StatefulSet: kind('StatefulSet', {
    spec: specWithTemplate('StatefulSetSpec', { volumeClaimTemplates: { type: PERSISTENT_VOLUME_CLAIM } }),
    status: statusWithConditions('StatefulSetStatus'),
  }),
  DaemonSet: kind('DaemonSet', {
    spec: specWithTemplate('DaemonSetSpec'),
    status: statusWithConditions('DaemonSetStatus'),
  }),
  ControllerRevision: kind('ControllerRevision'),
};

const BATCH: Record<string, StructMeta> = {
  Job: kind('Job', { spec: JOB_SPEC, status: statusWithConditions('JobStatus') }),
  CronJob: kind('CronJob', {
    spec: {
      type: struct('CronJobSpec', {
        jobTemplate: { type: struct('JobTemplateSpec', { metadata: { type: OBJECT_META }, spec: JOB_SPEC }) },
      }),
    },
  }),
};

/** Metadata by `apiVersion`, then kind. */
const BY_API_VERSION: Readonly<Record<string, Readonly<Record<string, StructMeta>>>> = {
  v1: CORE,
  'apps/v1': APPS,
  'batch/v1': BATCH,
  'policy/v1': {
    PodDisruptionBudget: kind('PodDisruptionBudget', {
      spec: { type: struct('PodDisruptionBudgetSpec', { selector: { strategy: 'replace' } }) },
      status: statusWithConditions('PodDisruptionBudgetStatus'),
    }),
    Eviction: kind('Eviction'),
  },
  'autoscaling/v1': { HorizontalPodAutoscaler: kind('HorizontalPodAutoscaler'), Scale: kind('Scale') },
  'autoscaling/v2': {
    HorizontalPodAutoscaler: kind('HorizontalPodAutoscaler', {
      status: statusWithConditions('HorizontalPodAutoscalerStatus'),
    }),
  },
  'coordination.k8s.io/v1': { Lease: kind('Lease') },
  'discovery.k8s.io/v1': { EndpointSlice: kind('EndpointSlice') },
  'events.k8s.io/v1': { Event: kind('Event') },
  'networking.k8s.io/v1': {
    Ingress: kind('Ingress'),
    IngressClass: kind('IngressClass'),
    NetworkPolicy: kind('NetworkPolicy'),
  },
  'rbac.authorization.k8s.io/v1': {
    Role: kind('Role'),
    ClusterRole: kind('ClusterRole'),
    RoleBinding: kind('RoleBinding'),
    ClusterRoleBinding: kind('ClusterRoleBinding'),
  },
  'scheduling.k8s.io/v1': { PriorityClass: kind('PriorityClass') },
  'storage.k8s.io/v1': { StorageClass: kind('StorageClass') },
};

/**
 * The strategic-merge metadata of a built-in kind, or undefined when the kind has none compiled in
 * (custom resources): kube-apiserver refuses strategic merge patches for those with 415, and kubectl
 * apply falls back to a JSON merge patch. Same input, same (frozen) table.
 */
export function patchMetaFor(apiVersion: string, kindName: string): StructMeta | undefined {
  const group = BY_API_VERSION[apiVersion];
  if (group === undefined || !Object.prototype.hasOwnProperty.call(group, kindName)) return undefined;
  return group[kindName];
}
