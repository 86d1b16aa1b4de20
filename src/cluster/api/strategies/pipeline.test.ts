/** The strategies inside the API server's real write pipeline (a booted Cluster). */
import { describe, expect, it } from 'vitest';
import { apiFixture, statusOf } from '../../testing/api-fixture.ts';
import { JOB_DELETE_WARNING } from './job.ts';

const deployment = (selector: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: selector }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
});

describe('strategies in the API server', () => {
  it('answers an invalid Deployment with the 422 kubectl prints', () => {
    const fx = apiFixture();
    const s = statusOf(() => fx.create('deployments', deployment({ app: 'other' })));
    expect(s).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: 'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    });
  });

  it('stores a defaulted Deployment and a Pending pod', () => {
    const fx = apiFixture();
    const d = fx.create('deployments', deployment({ app: 'web' }));
    expect(d.spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    const pod = fx.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect((pod.spec as { serviceAccountName: string }).serviceAccountName).toBe('default');
  });

  it('deletes an unbound pod at once', () => {
    const fx = apiFixture();
    fx.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    fx.del('pods', 'p');
    expect(statusOf(() => fx.get('pods', 'p')).code).toBe(404);
  });

  it('warns when a Job is deleted without a propagation policy', () => {
    const fx = apiFixture();
    fx.create('jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } });
    const warnings: string[] = [];
    fx.api.delete(fx.req('jobs'), 'pi', {}, { actor: { name: 'user', component: 'user' }, warnings });
    expect(warnings).toEqual([JOB_DELETE_WARNING]);
  });

  it('allocates distinct cluster IPs to Services', () => {
    const fx = apiFixture();
    const svc = (name: string) => fx.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }] } });
    const a = (svc('a').spec as { clusterIP: string }).clusterIP;
    const b = (svc('b').spec as { clusterIP: string }).clusterIP;
    expect(a).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./);
    expect(a).not.toBe(b);
  });
});
