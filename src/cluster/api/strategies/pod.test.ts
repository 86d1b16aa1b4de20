import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { podStrategy, podGracePeriod } from './pod.ts';
import { defaultPullPolicy } from './pod-defaults.ts';
import { POD_UPDATE_FORBIDDEN } from './pod-update-validation.ts';
import { create, stored, update } from './strategy-harness.ts';

function pod(spec: Record<string, unknown>, extra: Partial<KubeObject> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec, ...extra };
}

const nginx = { name: 'web', image: 'nginx:1.27' };

describe('pod defaults', () => {
  it('fills what kube-apiserver fills', () => {
    const { obj, errors } = create(podStrategy, pod({ containers: [{ ...nginx, ports: [{ containerPort: 80 }] }] }));
    expect(errors).toEqual([]);
    expect(obj.spec).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
    });
    expect(obj.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.10', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
    ['Nginx', 'IfNotPresent'],
  ])('image %s pulls %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it('defaults probes, env field refs and requests from limits', () => {
    const { obj } = create(
      podStrategy,
      pod({
        containers: [
          {
            ...nginx,
            livenessProbe: { httpGet: { port: 80 } },
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            resources: { limits: { cpu: '500m', memory: '128Mi' } },
          },
        ],
      }),
    );
    const c = (obj.spec as { containers: Record<string, unknown>[] }).containers[0]!;
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.env).toEqual([{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } } }]);
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect((obj.status as { qosClass: string }).qosClass).toBe('Guaranteed');
  });

  it.each([
    [{ requests: { cpu: '100m' } }, 'Burstable'],
    [{ limits: { cpu: '1' } }, 'Burstable'],
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }, 'Burstable'],
    [{ requests: { 'ephemeral-storage': '1Gi' } }, 'BestEffort'],
    [{ limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
  ])('resources %j -> %s', (resources, qos) => {
    const { obj } = create(podStrategy, pod({ containers: [{ ...nginx, resources }] }));
    expect((obj.status as { qosClass: string }).qosClass).toBe(qos);
  });
});

describe('pod validation', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no containers', {}, ['spec.containers: Required value']],
    ['no image', { containers: [{ name: 'a' }] }, ['spec.containers[0].image: Required value']],
    [
      'duplicate names',
      { containers: [nginx, nginx] },
      ['spec.containers[1].name: Duplicate value: "web"'],
    ],
    [
      'bad container name',
      { containers: [{ name: 'Web', image: 'x' }] },
      [
        `spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    [
      'requests above limits',
      { containers: [{ ...nginx, resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] },
      ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    ],
    [
      'port out of range and duplicate port names',
      { containers: [{ ...nginx, ports: [{ name: 'http', containerPort: 70000 }, { name: 'http', containerPort: 81 }] }] },
      [
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[1].name: Duplicate value: "http"',
      ],
    ],
    [
      'mount of a missing volume',
      { containers: [{ ...nginx, volumeMounts: [{ name: 'x', mountPath: '/x' }] }] },
      ['spec.containers[0].volumeMounts[0].name: Not found: "x"'],
    ],
    [
      'duplicate volumes',
      { containers: [nginx], volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] },
      ['spec.volumes[1].name: Duplicate value: "v"'],
    ],
    [
      'restart policy',
      { containers: [nginx], restartPolicy: 'Sometimes' },
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'dns policy',
      { containers: [nginx], dnsPolicy: 'Cluster' },
      ['spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    [
      'toleration operator and effect',
      { containers: [nginx], tolerations: [{ key: 'k', operator: 'Maybe', effect: 'NoRun' }] },
      [
        'spec.tolerations[0].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"',
        'spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    ],
    [
      'toleration seconds without NoExecute',
      { containers: [nginx], tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }] },
      ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"],
    ],
    [
      'liveness success threshold',
      { containers: [{ ...nginx, livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }] },
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    [
      'probe without handler',
      { containers: [{ ...nginx, readinessProbe: { periodSeconds: 5 } }] },
      ['spec.containers[0].readinessProbe: Required value: must specify a handler type'],
    ],
    [
      'env var name',
      { containers: [{ ...nginx, env: [{ name: '1X', value: 'a' }] }] },
      [
        `spec.containers[0].env[0].name: Invalid value: "1X": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
      ],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(create(podStrategy, pod(spec)).errors).toEqual(expected);
  });
});

describe('pod update', () => {
  const old = stored(podStrategy, pod({ containers: [nginx], tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] }));
  const withSpec = (patch: (spec: Record<string, unknown>) => void): KubeObject => {
    const next = structuredClone(old);
    patch(next.spec as Record<string, unknown>);
    return next;
  };

  it.each<[string, (s: Record<string, unknown>) => void, string[]]>([
    ['image change', (s) => ((s.containers as { image: string }[])[0]!.image = 'nginx:1.28'), []],
    ['toleration seconds change and addition', (s) => {
      s.tolerations = [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }, { key: 'b', operator: 'Exists' }];
    }, []],
    ['activeDeadlineSeconds set', (s) => (s.activeDeadlineSeconds = 30), []],
    ['toleration removed', (s) => (s.tolerations = []), ['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']],
    ['container added', (s) => (s.containers = [nginx, { name: 'b', image: 'x' }]), ['spec.containers: Forbidden: pod updates may not add or remove containers']],
  ])('%s', (_n, patch, expected) => {
    expect(update(podStrategy, withSpec(patch), old).errors).toEqual(expected);
  });

  it('forbids other spec changes with the 1.32 message', () => {
    const errs = update(podStrategy, withSpec((s) => (s.nodeName = 'node-2')), old).errors;
    expect(errs).toHaveLength(1);
    expect(errs[0]!.startsWith(`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}\n  core.PodSpec{`)).toBe(true);
    expect(errs[0]).toContain('+ \tNodeName: "node-2",');
  });

  it('keeps qosClass on a status update that drops it', () => {
    const next = structuredClone(old);
    next.status = { phase: 'Running' };
    podStrategy.prepareForStatusUpdate?.(next, old, undefined as never);
    expect(next.status).toEqual({ phase: 'Running', qosClass: 'BestEffort' });
  });
});

describe('pod graceful deletion', () => {
  const bound = (extra: Record<string, unknown> = {}, status: Record<string, unknown> = { phase: 'Running' }) =>
    pod({ containers: [nginx], nodeName: 'n1', terminationGracePeriodSeconds: 30, ...extra }, { status });
  it.each<[string, KubeObject, number | undefined, number]>([
    ['default from the spec', bound(), undefined, 30],
    ['requested', bound(), 5, 5],
    ['requested zero', bound(), 0, 0],
    ['negative becomes 1', bound(), -3, 1],
    ['unbound pod', pod({ containers: [nginx], terminationGracePeriodSeconds: 30 }), undefined, 0],
    ['succeeded pod', bound({}, { phase: 'Succeeded' }), undefined, 0],
    ['failed pod', bound({}, { phase: 'Failed' }), 10, 0],
  ])('%s', (_n, obj, requested, expected) => {
    expect(podGracePeriod(obj, requested)).toBe(expected);
    expect(podStrategy.gracePeriodSeconds?.(obj, requested)).toBe(expected);
  });
});
