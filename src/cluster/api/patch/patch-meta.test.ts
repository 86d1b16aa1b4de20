import { describe, expect, it } from 'vitest';
import { fieldMeta, fieldMetaAt, patchMetaFor, POD_SPEC } from './patch-meta.ts';

describe('patchMetaFor / fieldMetaAt', () => {
  // The tags as k8s.io/api 1.32 declares them (patchStrategy / patchMergeKey), by kind and field path.
  const tags: [string, string, string, object][] = [
    ['v1', 'Pod', 'metadata.finalizers', { strategy: 'merge' }],
    ['v1', 'Pod', 'metadata.ownerReferences', { strategy: 'merge', mergeKey: 'uid' }],
    ['v1', 'Pod', 'spec.containers', { strategy: 'merge', mergeKey: 'name' }],
    ['v1', 'Pod', 'spec.initContainers', { strategy: 'merge', mergeKey: 'name' }],
    ['v1', 'Pod', 'spec.ephemeralContainers', { strategy: 'merge', mergeKey: 'name' }],
    ['v1', 'Pod', 'spec.volumes', { strategy: 'merge', retainKeys: true, mergeKey: 'name' }],
    ['v1', 'Pod', 'spec.imagePullSecrets', { strategy: 'merge', mergeKey: 'name' }],
    ['v1', 'Pod', 'spec.hostAliases', { strategy: 'merge', mergeKey: 'ip' }],
    ['v1', 'Pod', 'spec.topologySpreadConstraints', { strategy: 'merge', mergeKey: 'topologyKey' }],
    ['v1', 'Pod', 'spec.schedulingGates', { strategy: 'merge', mergeKey: 'name' }],
    ['v1', 'Pod', 'spec.resourceClaims', { strategy: 'merge', retainKeys: true, mergeKey: 'name' }],
    ['v1', 'Pod', 'spec.containers.ports', { strategy: 'merge', mergeKey: 'containerPort' }],
    ['v1', 'Pod', 'spec.containers.env', { strategy: 'merge', mergeKey: 'name' }],
    ['v1', 'Pod', 'spec.containers.volumeMounts', { strategy: 'merge', mergeKey: 'mountPath' }],
    ['v1', 'Pod', 'spec.containers.volumeDevices', { strategy: 'merge', mergeKey: 'devicePath' }],
    ['v1', 'Pod', 'spec.ephemeralContainers.env', { strategy: 'merge', mergeKey: 'name' }],
    ['v1', 'Pod', 'spec.tolerations', {}],
    ['v1', 'Pod', 'spec.containers.envFrom', {}],
    ['v1', 'Pod', 'status.conditions', { strategy: 'merge', mergeKey: 'type' }],
    ['v1', 'Pod', 'status.podIPs', { strategy: 'merge', mergeKey: 'ip' }],
    ['v1', 'Pod', 'status.containerStatuses.volumeMounts', { strategy: 'merge', mergeKey: 'mountPath' }],
    ['v1', 'Service', 'spec.ports', { strategy: 'merge', mergeKey: 'port' }],
    ['v1', 'Node', 'spec.taints', {}],
    ['v1', 'Node', 'spec.podCIDRs', { strategy: 'merge' }],
    ['v1', 'Node', 'status.addresses', { strategy: 'merge', mergeKey: 'type' }],
    ['v1', 'ServiceAccount', 'secrets', { strategy: 'merge', mergeKey: 'name' }],
    ['v1', 'ServiceAccount', 'imagePullSecrets', {}],
    ['apps/v1', 'Deployment', 'spec.strategy', { retainKeys: true }],
    ['apps/v1', 'Deployment', 'spec.template.spec.containers.env', { strategy: 'merge', mergeKey: 'name' }],
    ['apps/v1', 'Deployment', 'spec.template.metadata.finalizers', { strategy: 'merge' }],
    ['apps/v1', 'DaemonSet', 'spec.updateStrategy', {}],
    [
      'apps/v1',
      'StatefulSet',
      'spec.template.spec.volumes',
      { strategy: 'merge', retainKeys: true, mergeKey: 'name' },
    ],
    ['apps/v1', 'StatefulSet', 'status.conditions', { strategy: 'merge', mergeKey: 'type' }],
    ['batch/v1', 'Job', 'spec.template.spec.containers', { strategy: 'merge', mergeKey: 'name' }],
    [
      'batch/v1',
      'CronJob',
      'spec.jobTemplate.spec.template.spec.initContainers',
      { strategy: 'merge', mergeKey: 'name' },
    ],
    ['policy/v1', 'PodDisruptionBudget', 'spec.selector', { strategy: 'replace' }],
    ['v1', 'ConfigMap', 'data', {}],
  ];

  it.each(tags)('%s %s %s', (apiVersion, kind, path, want) => {
    const meta = fieldMetaAt(patchMetaFor(apiVersion, kind), path);
    const { type: _type, ...tagsOnly } = meta;
    expect(tagsOnly).toEqual(want);
  });

  it('pod templates of every workload share the PodSpec table', () => {
    expect(fieldMetaAt(patchMetaFor('apps/v1', 'ReplicaSet'), 'spec.template.spec').type).toBe(POD_SPEC);
    expect(fieldMetaAt(patchMetaFor('batch/v1', 'CronJob'), 'spec.jobTemplate.spec.template.spec').type).toBe(
      POD_SPEC,
    );
    expect(fieldMetaAt(patchMetaFor('v1', 'Pod'), 'spec').type).toBe(POD_SPEC);
  });

  it('has no metadata for custom resources or unknown versions', () => {
    expect(patchMetaFor('example.com/v1', 'Widget')).toBeUndefined();
    expect(patchMetaFor('apps/v1beta1', 'Deployment')).toBeUndefined();
    expect(patchMetaFor('v1', 'toString')).toBeUndefined();
  });

  it('treats inherited property names as unknown fields', () => {
    expect(fieldMeta(POD_SPEC, 'constructor')).toEqual({});
    expect(fieldMeta(POD_SPEC, '__proto__')).toEqual({});
  });
});
