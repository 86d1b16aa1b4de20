import { describe, expect, it } from 'vitest';
import { controllerHarness, type ControllerHarness, type HarnessOptions } from '../replica-set/controller-harness.ts';
import { ReplicaSetController } from '../replica-set/replica-set-controller.ts';
import { isPodReady } from '../replica-set/pod-utils.ts';
import type { Deployment, ReplicaSet } from '../replica-set/workload-types.ts';
import { DeploymentController } from './deployment-controller.ts';
import { findRevision, rollbackTo, rolloutStatus } from './rollout-status.ts';
import { computeHash } from './pod-template-hash.ts';

const DEP = { apiVersion: 'apps/v1', kind: 'Deployment' };

function deployment(name: string, replicas: number, image: string, spec: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } },
      ...spec,
    },
  };
}

function harness(opts: Partial<HarnessOptions> = {}) {
  return controllerHarness({
    controllers: (ctx) => [new ReplicaSetController(ctx), new DeploymentController(ctx)],
    neverReady: (p) => JSON.stringify(p.spec?.containers).includes('broken'),
    ...opts,
  });
}

const getD = (h: ControllerHarness, name = 'web') => h.get<Deployment>('apps/v1', 'Deployment', name);
const replicaSets = (h: ControllerHarness) => h.list<ReplicaSet>('apps', 'replicasets');
const setImage = (h: ControllerHarness, image: string, name = 'web') =>
  h.edit<Deployment>(DEP, name, (d) => ((d.spec.template!.spec!.containers as { image: string }[])[0]!.image = image));
/** `kubectl get rs` rows: NAME DESIRED CURRENT READY. */
const rsRows = (h: ControllerHarness) => replicaSets(h).map((rs) => [rs.metadata.name, rs.spec.replicas, rs.status?.replicas ?? 0, rs.status?.readyReplicas ?? 0]);
const scalingEvents = (h: ControllerHarness) => h.events().filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
const conditions = (d: Deployment) => (d.status?.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message]);

describe('Deployment controller', () => {
  it('creates a ReplicaSet <deployment>-<hash> and its 6 pods, labelled, owned and annotated as Kubernetes does', () => {
    const h = harness();
    const d = h.create(deployment('web', 6, 'nginx:1.27'));
    h.run(0);
    const [rs] = replicaSets(h);
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs!.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs!.spec.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '6',
      'deployment.kubernetes.io/max-replicas': '8',
    });
    const pods = h.pods();
    expect(pods).toHaveLength(6);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(p.metadata.ownerReferences![0]).toMatchObject({ kind: 'ReplicaSet', name: `web-${hash}`, uid: rs!.metadata.uid });
    }
    expect(getD(h).metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(rolloutStatus(getD(h)).message).toBe('Waiting for deployment "web" rollout to finish: 0 of 6 updated replicas are available...');
    expect(conditions(getD(h))).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "web-${hash}" is progressing.`],
    ]);

    h.run(5000);
    const done = getD(h);
    expect(done.status).toMatchObject({ observedGeneration: 1, replicas: 6, updatedReplicas: 6, readyReplicas: 6, availableReplicas: 6 });
    expect(done.status?.unavailableReplicas).toBeUndefined();
    expect(conditions(done)).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
    expect(rolloutStatus(done)).toEqual({ done: true, message: 'deployment "web" successfully rolled out' });
    expect(h.events().filter((e) => e.object === 'deployment/web')).toEqual([
      { type: 'Normal', reason: 'ScalingReplicaSet', object: 'deployment/web', message: `Scaled up replica set web-${hash} from 0 to 6`, source: 'deployment-controller' },
    ]);
  });

  it('scales up and down through the same ReplicaSet with ScalingReplicaSet events', () => {
    const h = harness();
    h.create(deployment('web', 3, 'nginx:1.27'));
    h.run(5000);
    const name = replicaSets(h)[0]!.metadata.name;
    h.edit<Deployment>(DEP, 'web', (d) => (d.spec.replicas = 5));
    h.run(5000);
    expect(rsRows(h)).toEqual([[name, 5, 5, 5]]);
    h.edit<Deployment>(DEP, 'web', (d) => (d.spec.replicas = 2));
    h.run(5000);
    expect(rsRows(h)).toEqual([[name, 2, 2, 2]]);
    expect(scalingEvents(h)).toEqual([`Scaled up replica set ${name} from 0 to 3`, `Scaled up replica set ${name} from 3 to 5`, `Scaled down replica set ${name} from 5 to 2`]);
    expect(replicaSets(h)[0]!.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('2');
  });

  it('rolls 10 replicas (25% surge, 25% unavailable) without ever exceeding 13 pods or dropping below 8 available', () => {
    const h = harness();
    h.create(deployment('web', 10, 'nginx:1.27'));
    h.run(10_000);
    const oldName = replicaSets(h)[0]!.metadata.name!;
    setImage(h, 'nginx:1.28');
    let most = 0;
    let fewestAvailable = Infinity;
    const statusLines = new Set<string>();
    h.run(120_000, () => {
      const pods = h.activePods();
      most = Math.max(most, pods.length);
      fewestAvailable = Math.min(fewestAvailable, pods.filter(isPodReady).length);
      statusLines.add(rolloutStatus(getD(h)).message);
    });
    expect(most).toBe(13);
    expect(fewestAvailable).toBe(8);
    const newRS = replicaSets(h).find((rs) => rs.metadata.name !== oldName)!;
    expect(rsRows(h)).toEqual(expect.arrayContaining([[oldName, 0, 0, 0], [newRS.metadata.name, 10, 10, 10]]));
    expect(newRS.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(getD(h).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const events = scalingEvents(h);
    expect(events.slice(0, 3)).toEqual([`Scaled up replica set ${oldName} from 0 to 10`, `Scaled up replica set ${newRS.metadata.name} from 0 to 3`, `Scaled down replica set ${oldName} from 10 to 8`]);
    expect(events.at(-1)).toMatch(new RegExp(`^Scaled down replica set ${oldName} from [1-3] to 0$`));
    // What `kubectl rollout status -w` prints along the way (zero-delay work settles within an instant).
    expect([...statusLines]).toEqual([
      'Waiting for deployment "web" rollout to finish: 5 out of 10 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 3 old replicas are pending termination...',
      'deployment "web" successfully rolled out',
    ]);
    expect(conditions(getD(h))[1]).toEqual(['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`]);
  });

  it('Recreate: every old pod is gone, terminating ones included, before the new ReplicaSet scales up', () => {
    const h = harness({ terminationDelayMs: 5000 });
    h.create(deployment('web', 4, 'nginx:1.27', { strategy: { type: 'Recreate' } }));
    h.run(5000);
    const oldName = replicaSets(h)[0]!.metadata.name!;
    setImage(h, 'nginx:1.28');
    let overlap = false;
    h.run(60_000, () => {
      const pods = h.pods();
      const hasOld = pods.some((p) => p.metadata.name!.startsWith(`${oldName}-`));
      const hasNew = pods.some((p) => !p.metadata.name!.startsWith(`${oldName}-`));
      if (hasOld && hasNew) overlap = true;
    });
    expect(overlap).toBe(false);
    const newName = replicaSets(h).find((rs) => rs.metadata.name !== oldName)!.metadata.name;
    expect(scalingEvents(h)).toEqual([`Scaled up replica set ${oldName} from 0 to 4`, `Scaled down replica set ${oldName} from 4 to 0`, `Scaled up replica set ${newName} from 0 to 4`]);
    expect(h.activePods().filter(isPodReady)).toHaveLength(4);
    expect(conditions(getD(h))[0]).toEqual(['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.']);
  });

  it('rollout undo brings the old ReplicaSet back as revision 3', () => {
    const h = harness();
    h.create(deployment('web', 3, 'nginx:1.27'));
    h.run(5000);
    const first = replicaSets(h)[0]!.metadata.name!;
    setImage(h, 'nginx:1.28');
    h.run(60_000);
    const d = getD(h);
    const found = findRevision(d, replicaSets(h));
    if (!('rs' in found)) throw new Error(found.error);
    expect(found.rs.metadata.name).toBe(first);
    const res = rollbackTo(d, found.rs);
    if (res.kind !== 'patch') throw new Error(res.message);
    h.api.patch({ group: 'apps', resource: 'deployments', namespace: 'default' }, 'web', 'json', res.patch, { actor: { name: 'kubectl', component: 'user' } });
    h.run(60_000);
    expect(replicaSets(h)).toHaveLength(2);
    const back = replicaSets(h).find((rs) => rs.metadata.name === first)!;
    expect(back.spec.replicas).toBe(3);
    expect(back.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(getD(h).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(h.activePods().every((p) => p.metadata.name!.startsWith(`${first}-`))).toBe(true);
    expect(rolloutStatus(getD(h)).done).toBe(true);
  });

  it('pause stops a rollout (DeploymentPaused) and resume continues it', () => {
    const h = harness();
    h.create(deployment('web', 3, 'nginx:1.27'));
    h.run(5000);
    h.edit<Deployment>(DEP, 'web', (d) => (d.spec.paused = true));
    setImage(h, 'nginx:1.28');
    h.run(60_000);
    expect(replicaSets(h)).toHaveLength(1);
    expect(conditions(getD(h))[1]).toEqual(['Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused']);
    // Scaling still works while paused.
    h.edit<Deployment>(DEP, 'web', (d) => (d.spec.replicas = 4));
    h.run(5000);
    expect(h.activePods()).toHaveLength(4);
    h.edit<Deployment>(DEP, 'web', (d) => (d.spec.paused = false));
    h.run(0);
    expect(replicaSets(h)).toHaveLength(2);
    h.run(60_000);
    expect(rolloutStatus(getD(h))).toEqual({ done: true, message: 'deployment "web" successfully rolled out' });
    expect(getD(h).status?.updatedReplicas).toBe(4);
  });

  it('reports ProgressDeadlineExceeded when new pods never become ready', () => {
    const h = harness();
    h.create(deployment('web', 2, 'nginx:1.27', { progressDeadlineSeconds: 30 }));
    h.run(5000);
    setImage(h, 'example/broken:1');
    h.run(20_000);
    const newName = replicaSets(h).find((rs) => JSON.stringify(rs.spec.template).includes('broken'))!.metadata.name;
    expect(conditions(getD(h))[1]).toEqual(['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newName}" is progressing.`]);
    h.run(20_000);
    expect(conditions(getD(h))[1]).toEqual(['Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${newName}" has timed out progressing.`]);
    expect(rolloutStatus(getD(h)).error).toBe('deployment "web" exceeded its progress deadline');
    // The old pods keep serving: maxUnavailable of 2 replicas is 0.
    expect(h.activePods().filter(isPodReady)).toHaveLength(2);
    expect(conditions(getD(h))[0]).toEqual(['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.']);
  });

  it('scales proportionally when resized in the middle of a stuck rollout', () => {
    const h = harness();
    h.create(deployment('web', 10, 'nginx:1.27'));
    h.run(10_000);
    setImage(h, 'example/broken:1');
    h.run(10_000);
    const [oldRS, newRS] = [...replicaSets(h)].sort((a, b) => (a.metadata.annotations!['deployment.kubernetes.io/revision']! < b.metadata.annotations!['deployment.kubernetes.io/revision']! ? -1 : 1));
    expect([oldRS!.spec.replicas, newRS!.spec.replicas]).toEqual([8, 5]);
    h.edit<Deployment>(DEP, 'web', (d) => (d.spec.replicas = 20));
    h.run(0);
    const after = Object.fromEntries(replicaSets(h).map((rs) => [rs.metadata.name, rs.spec.replicas]));
    // 20 + 5 surge = 25, shared 8:5 of the old 13 -> 15 and 10.
    expect(after).toEqual({ [oldRS!.metadata.name!]: 15, [newRS!.metadata.name!]: 10 });
    expect(scalingEvents(h)).toEqual(expect.arrayContaining([`Scaled up replica set ${oldRS!.metadata.name} from 8 to 15`, `Scaled up replica set ${newRS!.metadata.name} from 5 to 10`]));
  });

  it('keeps only revisionHistoryLimit old ReplicaSets once a rollout completes', () => {
    const h = harness();
    h.create(deployment('web', 2, 'nginx:1.0', { revisionHistoryLimit: 2 }));
    h.run(5000);
    for (const v of ['1.1', '1.2', '1.3', '1.4']) {
      setImage(h, `nginx:${v}`);
      h.run(30_000);
    }
    const revisions = replicaSets(h)
      .map((rs) => Number(rs.metadata.annotations!['deployment.kubernetes.io/revision']))
      .sort();
    expect(revisions).toEqual([3, 4, 5]);
  });

  it('replaces a pod deleted by hand', () => {
    const h = harness();
    h.create(deployment('web', 3, 'nginx:1.27'));
    h.run(5000);
    const victim = h.activePods()[0]!.metadata.name!;
    h.deletePod(victim);
    h.run(10_000);
    expect(h.pods().map((p) => p.metadata.name)).not.toContain(victim);
    expect(h.activePods().filter(isPodReady)).toHaveLength(3);
    expect(getD(h).status).toMatchObject({ replicas: 3, availableReplicas: 3 });
  });

  it('resolves a pod-template-hash collision by bumping status.collisionCount', () => {
    const h = harness();
    h.create(deployment('web', 2, 'nginx:1.27', { paused: true }));
    h.run(0);
    const d = getD(h);
    const taken = `web-${computeHash(d.spec.template!)}`;
    // Someone else's ReplicaSet already has the name the Deployment would use.
    h.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: taken, namespace: 'default', labels: { app: 'other' } },
      spec: { replicas: 0, selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    h.edit<Deployment>(DEP, 'web', (x) => (x.spec.paused = false));
    h.run(5000);
    expect(getD(h).status?.collisionCount).toBe(1);
    const mine = replicaSets(h).find((rs) => rs.metadata.name !== taken)!;
    expect(mine.metadata.name).toBe(`web-${computeHash(d.spec.template!, 1)}`);
    expect(mine.status?.readyReplicas).toBe(2);
  });
});
