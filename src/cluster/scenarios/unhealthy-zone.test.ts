/**
 * The node lifecycle controller's safety catch: in a small cluster (<= 50 nodes) whose only zone has
 * more than 55% of its nodes NotReady, it stops evicting — more likely the network than the machines.
 * Killing one worker of four leaves the zone healthy and evictions run as usual.
 */
import { describe, expect, it } from 'vitest';
import { defaultTopology } from '../cluster.ts';
import { deploymentYaml, fullyAvailable, scenario } from './scenario-kit.ts';

const WORKERS = ['worker-1', 'worker-2', 'worker-3'];

function zonedCluster() {
  const s = scenario({ nodes: defaultTopology(3, { zones: ['zone-a'] }) });
  s.apply(deploymentYaml('web', 6));
  s.until(() => fullyAvailable(s.deployment('web')), 60);
  s.advance(30);
  return s;
}

describe('killing 3 of 4 nodes in one zone stops evictions', () => {
  const s = zonedCluster();

  it('all four nodes share zone-a and the 6 pods run on the workers', () => {
    for (const n of ['control-plane', ...WORKERS]) expect(s.node(n)!.metadata.labels?.['topology.kubernetes.io/zone']).toBe('zone-a');
    expect(s.rows().filter((r) => r.status === 'Running')).toHaveLength(6);
  });

  it('kill every worker: they go NotReady, but 15 minutes later no pod has been evicted', () => {
    for (const w of WORKERS) s.cluster.killNode(w);
    expect(s.until(() => WORKERS.every((w) => s.nodeStatus(w) === 'NotReady'), 120)).toBeDefined();
    s.advance(900);
    const rows = s.rows();
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.status)).toEqual(Array(6).fill('Running'));
    for (const w of WORKERS) {
      // New pods still may not land there (NoSchedule), but nothing is executed off it.
      expect(s.taints(w)).toContain('node.kubernetes.io/unreachable:NoSchedule');
      expect(s.taints(w)).not.toContain('node.kubernetes.io/unreachable:NoExecute');
    }
    expect(s.pods().flatMap((p) => s.events(p.metadata.name!)).filter((e) => e.reason === 'TaintManagerEviction')).toEqual([]);
  });
});

describe('killing 1 of 4 nodes in one zone evicts normally', () => {
  const s = zonedCluster();

  it('the dead worker is tainted NoExecute and its pods are evicted after ~350 s and replaced', () => {
    const victims = s.rows().filter((r) => r.node === 'worker-2').map((r) => r.name);
    expect(victims.length).toBeGreaterThan(0);
    const killedAt = s.elapsed();
    s.cluster.killNode('worker-2');
    const evictedAt = s.until(() => victims.every((v) => s.rows().find((r) => r.name === v)?.status === 'Terminating'), 500);
    expect(evictedAt).toBeDefined();
    expect(evictedAt! - killedAt).toBeGreaterThanOrEqual(345);
    expect(evictedAt! - killedAt).toBeLessThanOrEqual(365);
    expect(s.taints('worker-2')).toContain('node.kubernetes.io/unreachable:NoExecute');
    expect(s.until(() => fullyAvailable(s.deployment('web')), 60)).toBeDefined();
  });
});
