/**
 * A rolling update of 10 replicas with the default 25% / 25%: maxSurge rounds up to 3 and
 * maxUnavailable down to 2, so at every moment there are at most 13 pods and at least 8 available.
 * Then `kubectl rollout undo` brings the old ReplicaSet back.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { findRevision, rollbackTo, rolloutStatus } from '../controllers/deployment/rollout-status.ts';
import type { Deployment, ReplicaSet } from '../controllers/replica-set/workload-types.ts';
import { DEPLOYMENT } from '../client/client.ts';
import { deploymentYaml, fullyAvailable, scenario } from './scenario-kit.ts';

const HASH = 'pod-template-hash';

function isAvailable(p: KubeObject): boolean {
  if (p.metadata.deletionTimestamp) return false;
  return ((p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

describe('a rolling update of 10 replicas, then a rollback', () => {
  const s = scenario();
  let oldRs = '';
  let newRs = '';

  it('starts from 10 available pods of nginx:1.27 on one ReplicaSet', () => {
    s.apply(deploymentYaml('web', 10, 'nginx:1.27'));
    expect(s.until(() => fullyAvailable(s.deployment('web')), 60)).toBeDefined();
    const rss = s.replicaSets();
    expect(rss).toHaveLength(1);
    oldRs = rss[0]!.metadata.name!;
    expect(rss[0]!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
  });

  it('changes the image: never more than 13 pods nor fewer than 8 available, checked every second', () => {
    expect(s.apply(deploymentYaml('web', 10, 'nginx:1.28'))).toEqual(['deployment.apps/web configured']);
    let maxPods = 0;
    let minAvailable = Infinity;
    let maxStatusReplicas = 0;
    let minStatusAvailable = Infinity;
    const done = s.until(
      () => {
        const d = s.deployment('web')!;
        return fullyAvailable(d) && rolloutStatus(d as unknown as Deployment).done && s.pods().filter((p) => !p.metadata.deletionTimestamp).every((p) => p.metadata.labels?.[HASH] !== oldRs.split('-').pop());
      },
      300,
      () => {
        const live = s.pods().filter((p) => !p.metadata.deletionTimestamp);
        maxPods = Math.max(maxPods, live.length);
        minAvailable = Math.min(minAvailable, live.filter(isAvailable).length);
        const st = s.deployment('web')!.status!;
        maxStatusReplicas = Math.max(maxStatusReplicas, st.replicas ?? 0);
        minStatusAvailable = Math.min(minStatusAvailable, st.availableReplicas ?? 0);
      },
    );
    expect(done).toBeDefined();
    expect(maxPods).toBeLessThanOrEqual(13);
    expect(minAvailable).toBeGreaterThanOrEqual(8);
    expect(maxStatusReplicas).toBeLessThanOrEqual(13);
    expect(minStatusAvailable).toBeGreaterThanOrEqual(8);
    // It did surge: the bound was reached, not just respected by doing nothing.
    expect(maxPods).toBe(13);

    const rss = s.replicaSets();
    expect(rss).toHaveLength(2);
    const fresh = rss.find((r) => r.metadata.name !== oldRs)!;
    newRs = fresh.metadata.name!;
    expect(fresh.spec.replicas).toBe(10);
    expect(s.rs(oldRs)!.spec).toMatchObject({ replicas: 0 });
    const hash = newRs.slice('web-'.length);
    const live = s.pods().filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(10);
    expect(live.every((p) => p.metadata.labels?.[HASH] === hash && p.metadata.ownerReferences?.[0]?.name === newRs)).toBe(true);
    expect(s.events('web').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message)).toContain(`Scaled up replica set ${newRs} from 0 to 3`);
    expect(rolloutStatus(s.deployment('web') as unknown as Deployment).message).toBe('deployment "web" successfully rolled out');
  });

  it('rollout undo: the old ReplicaSet is scaled back up and the template is nginx:1.27 again', () => {
    const d = s.deployment('web') as unknown as Deployment;
    const found = findRevision(d, s.replicaSets() as unknown as ReplicaSet[]);
    if (!('rs' in found)) throw new Error(found.error);
    expect(found.rs.metadata.name).toBe(oldRs);
    const rb = rollbackTo(d, found.rs);
    if (rb.kind !== 'patch') throw new Error(rb.message);
    s.person.patch(DEPLOYMENT, 'default', 'web', 'json', rb.patch);
    expect(s.until(() => fullyAvailable(s.deployment('web')) && s.rs(newRs)!.spec.replicas === 0 && s.pods().every((p) => !p.metadata.deletionTimestamp), 300)).toBeDefined();

    const back = s.rs(oldRs) as unknown as ReplicaSet;
    expect(back.spec.replicas).toBe(10);
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    const image = (x: { spec: { template?: unknown } }) => (x.spec.template as { spec: { containers: { image: string }[] } }).spec.containers[0]!.image;
    expect(image(s.deployment('web')!)).toBe('nginx:1.27');
    const hash = oldRs.slice('web-'.length);
    expect(s.pods().every((p) => p.metadata.labels?.[HASH] === hash)).toBe(true);
    expect(s.replicaSets()).toHaveLength(2);
    expect(s.events('web').map((e) => `${e.reason} ${e.message}`)).toContain(`ScalingReplicaSet Scaled up replica set ${oldRs} from 0 to 3`);
  });
});
