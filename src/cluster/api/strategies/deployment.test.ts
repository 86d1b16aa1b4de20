import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { deploymentStrategy } from './deployment.ts';
import { create, stored, update } from './strategy-harness.ts';

/** The nginx Deployment of the Kubernetes docs (controllers/nginx-deployment.yaml). */
function nginxDeployment(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx-deployment', namespace: 'default', labels: { app: 'nginx' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] } },
      ...spec,
    },
  };
}

describe('deployment defaults', () => {
  it('fills replicas, strategy, history, deadline and the template', () => {
    const input = nginxDeployment();
    delete (input.spec as Record<string, unknown>).replicas;
    const { obj, errors } = create(deploymentStrategy, input);
    expect(errors).toEqual([]);
    const spec = obj.spec as Record<string, unknown>;
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(spec.revisionHistoryLimit).toBe(10);
    expect(spec.progressDeadlineSeconds).toBe(600);
    const podSpec = (spec.template as { spec: Record<string, unknown> }).spec;
    expect(podSpec.restartPolicy).toBe('Always');
    expect(podSpec.terminationGracePeriodSeconds).toBe(30);
    // Templates never get serviceAccountName or requests-from-limits: only created Pods do.
    expect(podSpec.serviceAccountName).toBeUndefined();
    expect(obj.status).toEqual({});
  });

  it('leaves Recreate without rollingUpdate', () => {
    const { obj } = create(deploymentStrategy, nginxDeployment({ strategy: { type: 'Recreate' } }));
    expect((obj.spec as Record<string, unknown>).strategy).toEqual({ type: 'Recreate' });
  });
});

describe('deployment validation', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'selector does not match',
      { selector: { matchLabels: { app: 'x' } } },
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`'],
    ],
    [
      'missing selector',
      { selector: undefined },
      ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`'],
    ],
    [
      'empty selector',
      { selector: {} },
      ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    ],
    ['negative replicas', { replicas: -1 }, ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    [
      'template restartPolicy',
      { template: { metadata: { labels: { app: 'nginx' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'n', image: 'nginx' }] } } },
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'both 0',
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'bad percent',
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'x%', maxUnavailable: '120%' } } },
      [
        `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"x%"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%',
      ],
    ],
    [
      'Recreate with rollingUpdate',
      { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      'unknown strategy',
      { strategy: { type: 'BlueGreen' } },
      ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    ],
    [
      'deadline not above minReadySeconds',
      { minReadySeconds: 600, progressDeadlineSeconds: 600 },
      ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds'],
    ],
    [
      'bad selector operator',
      { selector: { matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'tier', operator: 'Near', values: ['a'] }] } },
      [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"Near", Values:[]string{"a"}}}}: invalid label selector',
      ],
    ],
  ])('%s', (_n, spec, expected) => {
    expect(create(deploymentStrategy, nginxDeployment(spec)).errors).toEqual(expected);
  });
});

describe('deployment update', () => {
  const old = stored(deploymentStrategy, nginxDeployment());
  it('allows scaling and a new image', () => {
    const next = structuredClone(old);
    (next.spec as { replicas: number }).replicas = 5;
    expect(update(deploymentStrategy, next, old).errors).toEqual([]);
  });
  it('keeps the selector immutable', () => {
    const next = nginxDeployment({
      selector: { matchLabels: { app: 'nginx2' } },
      template: { metadata: { labels: { app: 'nginx2' } }, spec: { containers: [{ name: 'n', image: 'nginx' }] } },
    });
    expect(update(deploymentStrategy, next, old).errors).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
  it('cascades in the background by default', () => {
    expect(deploymentStrategy.defaultPropagation).toBe('Background');
  });
});
