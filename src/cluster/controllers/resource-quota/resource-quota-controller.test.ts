/**
 * `kubectl describe quota` on a real cluster: status.hard mirrors spec.hard and status.used follows
 * the namespace's objects as they are created, scaled and deleted.
 */
import { describe, expect, it } from 'vitest';
import { deploymentYaml, fullyAvailable } from '../../scenarios/scenario-kit.ts';
import { disruptionScenario } from '../disruption/disruption-scenario.ts';
import { DEPLOYMENT } from '../../client/client.ts';
import type { KubeObject } from '../../api/types.ts';

const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: default
spec:
  hard:
    pods: "10"
    requests.cpu: "2000m"
    count/deployments.apps: "2"
    configmaps: "5"
    not-a-resource: "1"
`;

describe('a ResourceQuota in a namespace where things come and go', () => {
  const s = disruptionScenario(5);
  const quota = () => s.person.get<KubeObject & { status?: { hard?: Record<string, string>; used?: Record<string, string> } }>({ apiVersion: 'v1', kind: 'ResourceQuota' }, 'default', 'compute')!;
  const configMaps = () => s.cluster.api.list({ group: '', resource: 'configmaps', namespace: 'default' }, {}, { name: 't', component: 'user' }).items.length;

  it('mirrors spec.hard in canonical form and starts used at what exists', () => {
    s.apply(QUOTA);
    s.cluster.advance(0);
    expect(quota().status).toEqual({
      hard: { 'configmaps': '5', 'count/deployments.apps': '2', 'not-a-resource': '1', 'pods': '10', 'requests.cpu': '2' },
      used: { 'configmaps': String(configMaps()), 'count/deployments.apps': '0', 'pods': '0', 'requests.cpu': '0' },
    });
    expect(s.quota.errors).toEqual([]);
  });

  it('charges a Deployment and its pods as they are created', () => {
    s.apply(deploymentYaml('web', 2, 'nginx:1.27', { cpu: '250m' }));
    expect(s.until(() => fullyAvailable(s.deployment('web')), 60)).toBeDefined();
    expect(quota().status?.used).toMatchObject({ 'count/deployments.apps': '1', 'pods': '2', 'requests.cpu': '500m' });
  });

  it('follows a scale-up and a new ConfigMap', () => {
    const before = configMaps();
    s.scale('web', 3);
    s.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\ndata:\n  a: "1"\n');
    expect(s.until(() => fullyAvailable(s.deployment('web')), 60)).toBeDefined();
    expect(quota().status?.used).toMatchObject({ 'configmaps': String(before + 1), 'pods': '3', 'requests.cpu': '750m' });
  });

  it('gives everything back once the Deployment and its pods are gone', () => {
    s.del(DEPLOYMENT, 'web', { propagationPolicy: 'Foreground' });
    expect(s.until(() => s.pods('default', 'web').length === 0, 120)).toBeDefined();
    s.cluster.advance(0);
    expect(quota().status?.used).toMatchObject({ 'count/deployments.apps': '0', 'pods': '0', 'requests.cpu': '0' });
    expect(s.quota.errors).toEqual([]);
  });

  it('takes a new hard limit into status at once', () => {
    const q = quota();
    s.person.update({ ...q, spec: { hard: { ...(q.spec as { hard: Record<string, string> }).hard, services: '4' } } });
    s.cluster.advance(0);
    expect(quota().status?.hard?.['services']).toBe('4');
    expect(quota().status?.used?.['services']).toBe('1'); // the `kubernetes` Service
  });
});
