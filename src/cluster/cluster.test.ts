import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.ts';

const USER = { name: 'user', component: 'user' as const };

describe('Cluster', () => {
  it('boots a kubeadm-like cluster: 4 Ready nodes, static pods, kube-proxy everywhere, CoreDNS', () => {
    const c = new Cluster({ seed: 1 });
    c.advance(60_000);
    const nodes = c.api.list({ group: '', resource: 'nodes' }, {}, USER).items;
    expect(nodes.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    for (const n of nodes) expect((n.status as { conditions: { type: string; status: string }[] }).conditions.find((x) => x.type === 'Ready')?.status).toBe('True');
    const pods = c.api.list({ group: '', resource: 'pods', namespace: 'kube-system' }, {}, USER).items;
    const names = pods.map((p) => p.metadata.name!);
    const count = (prefix: string) => names.filter((n) => n.startsWith(prefix)).length;
    expect(count('coredns-')).toBe(2);
    expect(count('kube-proxy-')).toBe(4);
    for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) expect(names).toContain(`${c}-control-plane`);
    expect(names).toHaveLength(10);
    for (const p of pods) expect((p.status as { phase: string }).phase).toBe('Running');
  });

  it('compacts the store every 5 virtual minutes to the revision of the previous pass', () => {
    const c = new Cluster({ seed: 1 });
    expect(c.store.compactedRevision()).toBe(0);
    c.advance(5 * 60_000 + 1);
    const first = c.store.compactedRevision();
    expect(first).toBeGreaterThan(0);
    const revAt5 = c.store.revision();
    c.advance(5 * 60_000);
    expect(c.store.compactedRevision()).toBeGreaterThanOrEqual(revAt5 - 50);
    expect(c.store.compactedRevision()).toBeGreaterThan(first);
  });
});
