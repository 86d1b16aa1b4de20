/**
 * `kubectl delete deployment web` cascades in the background: the garbage collector deletes the
 * ReplicaSet, then its pods. With `--cascade=orphan` the Deployment goes alone: its ReplicaSet stays,
 * freed of its ownerReference, and the pods keep running.
 */
import { describe, expect, it } from 'vitest';
import { DEPLOYMENT, REPLICA_SET } from '../client/client.ts';
import { deploymentYaml, fullyAvailable, scenario } from './scenario-kit.ts';

describe('deleting a Deployment', () => {
  it('background (kubectl default): ReplicaSet and pods are gone', () => {
    const s = scenario();
    s.apply(deploymentYaml('web', 3));
    expect(s.until(() => fullyAvailable(s.deployment('web')), 60)).toBeDefined();
    s.del(DEPLOYMENT, 'web', { propagationPolicy: 'Background' });
    expect(s.deployment('web')).toBeUndefined();
    const goneAt = s.until(() => s.replicaSets().length === 0 && s.pods().length === 0, 120);
    expect(goneAt).toBeDefined();
    const rsEvents = s.cluster.api.list({ group: '', resource: 'events', namespace: 'default' }, {}, s.person.actor).items.filter((e) => (e as { reason?: string }).reason === 'Killing');
    expect(rsEvents).toHaveLength(3);
  });

  it('--cascade=orphan: the ReplicaSet loses its ownerReference, its pods keep Running', () => {
    const s = scenario();
    s.apply(deploymentYaml('web', 3));
    expect(s.until(() => fullyAvailable(s.deployment('web')), 60)).toBeDefined();
    const rsName = s.replicaSets()[0]!.metadata.name!;
    const pods = s.rows().map((r) => r.name);
    s.del(DEPLOYMENT, 'web', { propagationPolicy: 'Orphan' });
    expect(s.until(() => s.deployment('web') === undefined && !s.rs(rsName)?.metadata.ownerReferences, 60)).toBeDefined();
    s.advance(120);
    const rs = s.rs(rsName)!;
    expect(rs.metadata.ownerReferences).toBeUndefined();
    expect(rs.metadata.finalizers).toBeUndefined();
    expect(s.rows().map((r) => `${r.name} ${r.status}`)).toEqual(pods.map((p) => `${p} Running`));
    expect(s.pods().every((p) => p.metadata.ownerReferences?.[0]?.name === rsName)).toBe(true);

    // Orphaning the ReplicaSet too leaves bare pods: their ownerReferences are removed.
    s.del(REPLICA_SET, rsName, { propagationPolicy: 'Orphan' });
    expect(s.until(() => s.rs(rsName) === undefined && s.pods().every((p) => !p.metadata.ownerReferences), 60)).toBeDefined();
    s.advance(60);
    expect(s.rows().map((r) => `${r.name} ${r.status}`)).toEqual(pods.map((p) => `${p} Running`));
  });
});
