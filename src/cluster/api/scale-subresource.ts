/** The scale subresource's view of a scalable object (Deployment, ReplicaSet, StatefulSet, RC). */
import type { KubeObject } from './types.ts';

/** autoscaling/v1 Scale of a scalable object. */
export function scaleOf(obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> } | Record<string, string>;
  };
  const status = (obj.status ?? {}) as { replicas?: number };
  const sel = spec.selector as { matchLabels?: Record<string, string> } | undefined;
  const labels =
    obj.kind === 'ReplicationController'
      ? (spec.selector as Record<string, string> | undefined)
      : sel?.matchLabels;
  const selector = labels
    ? Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : '';
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name!,
      ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
      uid: obj.metadata.uid!,
      resourceVersion: obj.metadata.resourceVersion!,
      creationTimestamp: obj.metadata.creationTimestamp!,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}
