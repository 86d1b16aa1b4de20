import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { daemonSetStrategy } from './daemon-set.ts';
import { replicaSetStrategy, replicationControllerStrategy } from './replica-set.ts';
import { STATEFULSET_UPDATE_FORBIDDEN, statefulSetStrategy } from './stateful-set.ts';
import { create, stored, update } from './strategy-harness.ts';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
const obj = (apiVersion: string, kind: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion, kind, metadata: { name: 'web', namespace: 'default' }, spec });

describe('replicaset', () => {
  it('defaults one replica and a zero status', () => {
    const out = create(replicaSetStrategy, obj('apps/v1', 'ReplicaSet', { selector: { matchLabels: { app: 'web' } }, template }));
    expect(out.errors).toEqual([]);
    expect((out.obj.spec as { replicas: number }).replicas).toBe(1);
    expect(out.obj.status).toEqual({ replicas: 0 });
  });
  it('words the empty selector as Kubernetes does (deployment)', () => {
    expect(create(replicaSetStrategy, obj('apps/v1', 'ReplicaSet', { selector: {}, template })).errors).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });
});

describe('replicationcontroller', () => {
  it('takes selector and labels from the template', () => {
    const out = create(replicationControllerStrategy, obj('v1', 'ReplicationController', { template }));
    expect(out.errors).toEqual([]);
    expect((out.obj.spec as { selector: unknown }).selector).toEqual({ app: 'web' });
    expect(out.obj.metadata.labels).toEqual({ app: 'web' });
  });
  it('requires the selector to match', () => {
    expect(create(replicationControllerStrategy, obj('v1', 'ReplicationController', { selector: { app: 'x' }, template })).errors).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
});

describe('statefulset', () => {
  const sts = (extra: Record<string, unknown> = {}) =>
    obj('apps/v1', 'StatefulSet', {
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      template: { ...template, spec: { containers: [{ name: 'web', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...extra,
    });
  it('fills the 1.32 defaults', () => {
    const out = create(statefulSetStrategy, sts());
    expect(out.errors).toEqual([]);
    expect(out.obj.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
      volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
    });
  });
  it('forbids changes outside the mutable fields', () => {
    const old = stored(statefulSetStrategy, sts());
    const next = structuredClone(old);
    (next.spec as { serviceName: string }).serviceName = 'other';
    expect(update(statefulSetStrategy, next, old).errors).toEqual([`spec: Forbidden: ${STATEFULSET_UPDATE_FORBIDDEN}`]);
    const scaled = structuredClone(old);
    Object.assign(scaled.spec as object, { replicas: 5, updateStrategy: { type: 'OnDelete' } });
    expect(update(statefulSetStrategy, scaled, old).errors).toEqual([]);
  });
  it('checks the pod management policy', () => {
    expect(create(statefulSetStrategy, sts({ podManagementPolicy: 'Random' })).errors).toEqual([
      "spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'",
    ]);
  });
});

describe('daemonset', () => {
  const ds = (extra: Record<string, unknown> = {}) => obj('apps/v1', 'DaemonSet', { selector: { matchLabels: { app: 'web' } }, template, ...extra });
  it('defaults maxUnavailable 1 and maxSurge 0', () => {
    const out = create(daemonSetStrategy, ds());
    expect(out.errors).toEqual([]);
    expect(out.obj.spec).toMatchObject({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 });
  });
  it.each<[Record<string, unknown>, string[]]>([
    [{ maxUnavailable: 1, maxSurge: 1 }, ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero']],
    [{ maxUnavailable: 0, maxSurge: 0 }, ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0']],
  ])('rolling update %j', (ru, expected) => {
    expect(create(daemonSetStrategy, ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: ru } })).errors).toEqual(expected);
  });
});
