import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster/cluster.ts';
import { handleSandbox } from './sandbox-controls.ts';
import type { ClockDriver } from './clock-driver.ts';

const driver = { speed: 0, manual: true, advance: () => undefined, setSpeed: () => undefined } as unknown as ClockDriver;

describe('GET /sandbox/v1/namespaces/<ns>/pods/<name>/scheduling', () => {
  it('answers why a pod is Pending, node by node, as plain JSON', () => {
    const c = new Cluster({ seed: 4 });
    c.advance(30_000);
    c.api.create(
      { group: '', resource: 'pods', namespace: 'default' },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'huge' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '64' } } }] } },
      { actor: { name: 'user', component: 'user' } },
    );
    c.advance(1000);
    const answer = handleSandbox(c, driver, 'GET', 'namespaces/default/pods/huge/scheduling', undefined);
    expect(answer.code).toBe(200);
    const text = JSON.stringify(answer.body);
    expect(text).toContain('Insufficient cpu');
    expect(text).toContain('worker-1');
    const missing = handleSandbox(c, driver, 'GET', 'namespaces/default/pods/nope/scheduling', undefined);
    expect(missing.code).toBe(404);
  });
});
