import { describe, expect, it } from 'vitest';
import { apiFixture, statusOf, storeDump } from '../../testing/api-fixture.ts';

const pod = (name: string, extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...container }], ...extra },
});

describe('NamespaceLifecycle', () => {
  it('refuses content in a missing namespace and in a terminating one', () => {
    const fx = apiFixture();
    expect(statusOf(() => fx.create('pods', pod('p'), { namespace: 'ghost' }))).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "ghost" not found' });
    fx.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'going' } });
    fx.del('namespaces', 'going');
    const ns = fx.get('namespaces', 'going');
    expect(ns.metadata.deletionTimestamp).toBeDefined();
    expect(statusOf(() => fx.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { namespace: 'going' }))).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'configmaps "c" is forbidden: unable to create new content in namespace going because it is being terminated',
    });
  });

  it.each(['default', 'kube-system', 'kube-public'])('refuses to delete %s', (name) => {
    const fx = apiFixture();
    expect(statusOf(() => fx.del('namespaces', name)).message).toBe(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
  });
});

describe('DefaultTolerationSeconds', () => {
  it('adds 300 s tolerations for not-ready and unreachable', () => {
    const fx = apiFixture();
    const p = fx.create('pods', pod('p'));
    expect((p.spec as { tolerations: unknown[] }).tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('keeps a pod’s own toleration and adds only the missing one', () => {
    const fx = apiFixture();
    const own = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 };
    const p = fx.create('pods', pod('p', { tolerations: [own] }));
    expect((p.spec as { tolerations: unknown[] }).tolerations).toEqual([own, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]);
  });

  it('adds nothing to a pod tolerating everything', () => {
    const fx = apiFixture();
    const p = fx.create('pods', pod('p', { tolerations: [{ operator: 'Exists' }] }));
    expect((p.spec as { tolerations: unknown[] }).tolerations).toEqual([{ operator: 'Exists' }]);
  });
});

describe('Priority', () => {
  it('resolves priorityClassName and defaults to 0', () => {
    const fx = apiFixture();
    expect((fx.create('pods', pod('plain')).spec as { priority: number }).priority).toBe(0);
    const crit = fx.create('pods', pod('crit', { priorityClassName: 'system-cluster-critical' }), { namespace: 'kube-system' });
    expect(crit.spec).toMatchObject({ priority: 2000000000, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('refuses an unknown class', () => {
    const fx = apiFixture();
    expect(statusOf(() => fx.create('pods', pod('p', { priorityClassName: 'gold' })))).toMatchObject({ code: 403, message: 'pods "p" is forbidden: no PriorityClass with name gold was found' });
  });

  it('uses the global default class', () => {
    const fx = apiFixture();
    fx.create('priorityclasses', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'normal' }, value: 1000, globalDefault: true });
    expect(fx.create('pods', pod('p')).spec).toMatchObject({ priority: 1000, priorityClassName: 'normal' });
  });

  it('refuses a pod that sets its own priority', () => {
    const fx = apiFixture();
    expect(statusOf(() => fx.create('pods', pod('p', { priority: 5 }))).message).toBe(
      'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
  });
});

describe('LimitRanger', () => {
  const limits = {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'mem' },
    spec: { limits: [{ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' }, max: { memory: '1Gi' }, min: { memory: '100Mi' } }] },
  };

  it('fills defaults and says so in the annotation', () => {
    const fx = apiFixture();
    fx.create('limitranges', limits);
    const p = fx.create('pods', pod('p'));
    const c = (p.spec as { containers: { resources: unknown }[] }).containers[0]!;
    expect(c.resources).toEqual({ limits: { memory: '512Mi' }, requests: { memory: '256Mi' } });
    expect(p.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: memory request for container app; memory limit for container app');
  });

  it('refuses a container over the max or under the min', () => {
    const fx = apiFixture();
    fx.create('limitranges', limits);
    expect(statusOf(() => fx.create('pods', pod('big', {}, { resources: { limits: { memory: '2Gi' } } }))).message).toBe(
      'pods "big" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi',
    );
    expect(statusOf(() => fx.create('pods', pod('small', {}, { resources: { requests: { memory: '50Mi' }, limits: { memory: '60Mi' } } }))).message).toBe(
      'pods "small" is forbidden: minimum memory usage per Container is 100Mi, but request is 50Mi',
    );
  });
});

describe('ResourceQuota', () => {
  const quota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute' }, spec: { hard: { 'requests.cpu': '1', 'limits.memory': '1Gi', pods: '2' } } };
  const sized = (name: string, cpu: string, mem: string) => pod(name, {}, { resources: { requests: { cpu, memory: mem }, limits: { cpu, memory: mem } } });

  it('admits within the quota and refuses past it, changing nothing', () => {
    const fx = apiFixture();
    fx.create('resourcequotas', quota);
    fx.create('pods', sized('a', '600m', '512Mi'));
    const before = storeDump(fx.cluster);
    expect(statusOf(() => fx.create('pods', sized('b', '600m', '256Mi'))).message).toBe(
      'pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1',
    );
    expect(storeDump(fx.cluster)).toBe(before);
    fx.create('pods', sized('c', '400m', '256Mi'));
    expect(statusOf(() => fx.create('pods', sized('d', '0', '1Mi'))).message).toContain('exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2');
  });

  it('requires pods to name what the quota limits', () => {
    const fx = apiFixture();
    fx.create('resourcequotas', quota);
    expect(statusOf(() => fx.create('pods', pod('bare'))).message).toBe('pods "bare" is forbidden: failed quota: compute: must specify limits.memory for: app; requests.cpu for: app');
  });
});
