import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { limitRangeStrategy, resourceQuotaStrategy } from './limit-range.ts';
import { ingressStrategy, networkPolicyStrategy } from './networking.ts';
import { nodeStrategy } from './node.ts';
import { horizontalPodAutoscalerStrategy, podDisruptionBudgetStrategy } from './policy-kinds.ts';
import { priorityClassStrategy } from './priority-class.ts';
import { roleBindingStrategy, roleStrategy } from './rbac.ts';
import { persistentVolumeClaimStrategy } from './storage.ts';
import { create, stored, update } from './strategy-harness.ts';

const o = (apiVersion: string, kind: string, body: Record<string, unknown>): KubeObject => ({ apiVersion, kind, metadata: { name: 'x', namespace: 'default' }, ...body });

describe('PersistentVolumeClaim', () => {
  const pvc = (spec: Record<string, unknown>) => o('v1', 'PersistentVolumeClaim', { spec });
  it('defaults volumeMode and starts Pending', () => {
    const out = create(persistentVolumeClaimStrategy, pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '3Gi' } } }));
    expect(out.errors).toEqual([]);
    expect((out.obj.spec as { volumeMode: string }).volumeMode).toBe('Filesystem');
    expect(out.obj.status).toEqual({ phase: 'Pending' });
  });
  it.each<[Record<string, unknown>, string[]]>([
    [{ resources: { requests: { storage: '1Gi' } } }, ['spec.accessModes: Required value: at least 1 access mode is required']],
    [{ accessModes: ['ReadWriteOnce'] }, ['spec.resources[storage]: Required value']],
    [{ accessModes: ['ReadWriteSometimes'], resources: { requests: { storage: '1Gi' } } }, ['spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"']],
  ])('%j', (spec, expected) => {
    expect(create(persistentVolumeClaimStrategy, pvc(spec)).errors).toEqual(expected);
  });
  it('allows only requests to change', () => {
    const old = stored(persistentVolumeClaimStrategy, pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '3Gi' } } }));
    const grown = structuredClone(old);
    (grown.spec as { resources: { requests: { storage: string } } }).resources.requests.storage = '5Gi';
    expect(update(persistentVolumeClaimStrategy, grown, old).errors).toEqual([]);
    const moved = structuredClone(old);
    (moved.spec as { accessModes: string[] }).accessModes = ['ReadWriteMany'];
    expect(update(persistentVolumeClaimStrategy, moved, old).errors).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ]);
  });
});

describe('PriorityClass', () => {
  const pc = (name: string, body: Record<string, unknown>) => ({ ...o('scheduling.k8s.io/v1', 'PriorityClass', body), metadata: { name } });
  it('defaults preemptionPolicy', () => {
    expect(create(priorityClassStrategy, pc('high', { value: 1000000 })).obj.preemptionPolicy).toBe('PreemptLowerPriority');
  });
  it.each<[string, Record<string, unknown>, string[]]>([
    ['too high', { value: 1000000001 }, ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']],
    ['system prefix', { value: 5 }, ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-x is not a known system priority class"]],
    ['policy', { value: 5, preemptionPolicy: 'Always' }, ['preemptionPolicy: Unsupported value: "Always": supported values: "PreemptLowerPriority", "Never"']],
  ])('%s', (name, body, expected) => {
    expect(create(priorityClassStrategy, pc(name === 'system prefix' ? 'system-x' : 'p', body)).errors).toEqual(expected);
  });
  it('keeps value immutable', () => {
    const old = stored(priorityClassStrategy, pc('high', { value: 10 }));
    expect(update(priorityClassStrategy, { ...old, value: 11 }, old).errors).toEqual(['value: Forbidden: may not be changed in an update.']);
  });
});

describe('LimitRange', () => {
  it('fills default from max and defaultRequest from default, then min', () => {
    const lr = o('v1', 'LimitRange', { spec: { limits: [{ type: 'Container', max: { cpu: '800m', memory: '1Gi' }, min: { cpu: '200m', memory: '500Mi' }, default: { cpu: '500m' } }] } });
    const out = create(limitRangeStrategy, lr);
    expect(out.errors).toEqual([]);
    expect((out.obj.spec as { limits: unknown[] }).limits[0]).toMatchObject({ default: { cpu: '500m', memory: '1Gi' }, defaultRequest: { cpu: '500m', memory: '1Gi' } });
  });
  it('checks min against max', () => {
    const lr = o('v1', 'LimitRange', { spec: { limits: [{ type: 'Container', max: { cpu: '1' }, min: { cpu: '2' } }] } });
    expect(create(limitRangeStrategy, lr).errors).toContain('spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1');
  });
  it('rejects a negative quota', () => {
    expect(create(resourceQuotaStrategy, o('v1', 'ResourceQuota', { spec: { hard: { pods: '-1' } } })).errors).toEqual(['spec.hard[pods]: Invalid value: "-1": must be greater than or equal to 0']);
  });
});

describe('policy and autoscaling', () => {
  it('refuses a PDB with both bounds', () => {
    const pdb = o('policy/v1', 'PodDisruptionBudget', { spec: { minAvailable: 1, maxUnavailable: 1, selector: { matchLabels: { app: 'zk' } } } });
    expect(create(podDisruptionBudgetStrategy, pdb).errors).toEqual(['spec: Invalid value: policy.PodDisruptionBudgetSpec{...}: minAvailable and maxUnavailable cannot be both set']);
  });
  it('defaults an HPA, behavior only when given', () => {
    const hpa = (extra: Record<string, unknown>) => o('autoscaling/v2', 'HorizontalPodAutoscaler', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php' }, maxReplicas: 10, ...extra } });
    const plain = create(horizontalPodAutoscalerStrategy, hpa({}));
    expect(plain.errors).toEqual([]);
    expect(plain.obj.spec).toMatchObject({ minReplicas: 1, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] });
    expect((plain.obj.spec as { behavior?: unknown }).behavior).toBeUndefined();
    const withBehavior = create(horizontalPodAutoscalerStrategy, hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } }));
    expect((withBehavior.obj.spec as { behavior: unknown }).behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
    expect(create(horizontalPodAutoscalerStrategy, hpa({ minReplicas: 5, maxReplicas: 2 })).errors).toEqual(['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']);
  });
});

describe('networking', () => {
  it('defaults policyTypes and port protocols', () => {
    const np = create(networkPolicyStrategy, o('networking.k8s.io/v1', 'NetworkPolicy', { spec: { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }], egress: [{}] } }));
    expect(np.errors).toEqual([]);
    expect(np.obj.spec).toMatchObject({ policyTypes: ['Ingress', 'Egress'], ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }] });
  });
  it('requires an ingress pathType', () => {
    const ing = o('networking.k8s.io/v1', 'Ingress', { spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } });
    expect(create(ingressStrategy, ing).errors).toEqual(['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']);
  });
});

describe('rbac', () => {
  const binding = (ref: Record<string, unknown>) =>
    o('rbac.authorization.k8s.io/v1', 'RoleBinding', { subjects: [{ kind: 'User', name: 'jane' }], roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader', ...ref } });
  it('defaults subject apiGroup and keeps roleRef fixed', () => {
    const old = stored(roleBindingStrategy, binding({}));
    expect((old.subjects as { apiGroup: string }[])[0]!.apiGroup).toBe('rbac.authorization.k8s.io');
    expect(update(roleBindingStrategy, binding({ name: 'other' }), old).errors).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"other"}: cannot change roleRef',
    ]);
  });
  it('requires verbs', () => {
    expect(create(roleStrategy, o('rbac.authorization.k8s.io/v1', 'Role', { rules: [{ apiGroups: [''], resources: ['pods'] }] })).errors).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
    ]);
  });
});

describe('node', () => {
  it('defaults allocatable and checks taints', () => {
    const n = { ...o('v1', 'Node', { spec: { taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'k', effect: 'NoSchedule' }] }, status: { capacity: { cpu: '4' } } }), metadata: { name: 'n1' } };
    const out = create(nodeStrategy, n);
    expect((out.obj.status as { allocatable: unknown }).allocatable).toEqual({ cpu: '4' });
    expect(out.errors).toEqual(['spec.taints[1]: Duplicate value: core.Taint{Key:"k", Value:"", Effect:"NoSchedule", TimeAdded:<nil>}: taints must be unique by key and effect pair']);
  });
});
