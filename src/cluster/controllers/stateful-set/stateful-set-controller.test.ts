import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { POD } from '../../client/client.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { StatefulSetController } from './stateful-set-controller.ts';
import { PVC } from './stateful-pod-control.ts';
import type { StatefulSet } from './stateful-pod.ts';
import { isRunningReady, workloadScenario } from './workload-scenario.ts';

const STS = { apiVersion: 'apps/v1', kind: 'StatefulSet' };

function web(opts: { replicas?: number; parallel?: boolean; claims?: boolean; retention?: { whenDeleted?: string; whenScaled?: string } } = {}): StatefulSet {
  const spec: StatefulSet['spec'] = {
    serviceName: 'nginx',
    replicas: opts.replicas ?? 3,
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web' }], volumeMounts: opts.claims === false ? [] : [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
    },
  };
  if (opts.parallel) spec.podManagementPolicy = 'Parallel';
  if (opts.retention) spec.persistentVolumeClaimRetentionPolicy = opts.retention;
  if (opts.claims !== false) {
    spec.volumeClaimTemplates = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } }];
  }
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' }, spec };
}

/** A WaitForFirstConsumer class, so the scheduler places pods whose claims nobody binds yet. */
const STANDARD: KubeObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard' },
  provisioner: 'rancher.io/local-path',
  volumeBindingMode: 'WaitForFirstConsumer',
};

function scenario(extra: { nodeDeath?: boolean; garbageCollector?: boolean } = {}) {
  const s = workloadScenario({ controllers: (ctx) => [new StatefulSetController(ctx)], ...extra });
  s.create(STANDARD);
  return s;
}

const readyUpTo = (s: ReturnType<typeof scenario>, n: number) => () => {
  const pods = s.pods();
  return pods.length === n && pods.every(isRunningReady);
};

describe('StatefulSet controller', () => {
  it('brings web-0..2 up strictly in order, each after its predecessor is Running and Ready', () => {
    const s = scenario();
    s.create(web());
    const firstSeen = new Map<string, number>();
    let t = 0;
    s.run(
      120,
      () => {
        t++;
        for (const p of s.pods()) {
          if (!firstSeen.has(p.metadata.name!)) {
            firstSeen.set(p.metadata.name!, t);
            const ord = Number(p.metadata.name!.split('-')[1]);
            // OrderedReady: every predecessor is Running and Ready when a pod appears.
            for (let i = 0; i < ord; i++) expect(isRunningReady(s.get<Pod>(POD, `web-${i}`)), `web-${i} ready before web-${ord}`).toBe(true);
          }
        }
      },
      readyUpTo(s, 3),
    );
    expect(s.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    expect(firstSeen.get('web-0')!).toBeLessThan(firstSeen.get('web-1')!);
    expect(firstSeen.get('web-1')!).toBeLessThan(firstSeen.get('web-2')!);
    const pod1 = s.get<Pod>(POD, 'web-1')!;
    const sts = s.get<StatefulSet>(STS, 'web')!;
    expect(pod1.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': sts.status?.updateRevision });
    expect(pod1.spec).toMatchObject({ hostname: 'web-1', subdomain: 'nginx' });
    expect(pod1.spec?.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    expect(pod1.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    s.run(2);
    expect(s.get<StatefulSet>(STS, 'web')!.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
      collisionCount: 0,
      currentRevision: sts.status?.updateRevision,
    });
    expect(sts.status?.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(s.list('', 'persistentvolumeclaims').map((c) => c.metadata.name).sort()).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    expect(s.list('apps', 'controllerrevisions').map((r) => [r.metadata.name, r.revision])).toEqual([[sts.status?.updateRevision, 1]]);
    const events = s.events().filter((e) => e.startsWith('Successful'));
    expect(events).toEqual([
      'SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate: create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-1 in StatefulSet web successful',
      'SuccessfulCreate: create Claim www-web-2 Pod web-2 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-2 in StatefulSet web successful',
    ]);
    expect(s.errors()).toEqual([]);
  });

  it('Parallel creates every pod at once', () => {
    const s = scenario();
    s.create(web({ parallel: true, claims: false }));
    s.run(1);
    expect(s.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('scales down from the highest ordinal, one at a time, and keeps the claims', () => {
    const s = scenario();
    s.create(web({ replicas: 4 }));
    s.run(200, undefined, readyUpTo(s, 4));
    expect(s.podNames()).toEqual(['web-0', 'web-1', 'web-2', 'web-3']);
    const log = s.podLog();
    s.edit<StatefulSet>(STS, 'web', (o) => (o.spec.replicas = 1));
    s.run(120, undefined, () => s.pods().length === 1);
    // Each condemned pod is gone before the next one is asked to go.
    expect(log).toEqual(['~web-3', '-web-3', '~web-2', '-web-2', '~web-1', '-web-1']);
    expect(s.events().filter((e) => e.startsWith('SuccessfulDelete'))).toEqual([
      'SuccessfulDelete: delete Pod web-3 in StatefulSet web successful',
      'SuccessfulDelete: delete Pod web-2 in StatefulSet web successful',
      'SuccessfulDelete: delete Pod web-1 in StatefulSet web successful',
    ]);
    // Retain (the default): claims outlive their pods, and a scale up reuses them.
    expect(s.list('', 'persistentvolumeclaims')).toHaveLength(4);
    s.edit<StatefulSet>(STS, 'web', (o) => (o.spec.replicas = 2));
    s.run(60, undefined, readyUpTo(s, 2));
    expect(s.get<Pod>(POD, 'web-1')!.spec?.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    expect(s.events().filter((e) => e.includes('Claim'))).toHaveLength(4);
  });

  it.each([
    { whenScaled: 'Delete', whenDeleted: 'Retain', afterScale: ['www-web-0'], afterDelete: ['www-web-0'] },
    { whenScaled: 'Retain', whenDeleted: 'Delete', afterScale: ['www-web-0', 'www-web-1'], afterDelete: [] },
    { whenScaled: 'Delete', whenDeleted: 'Delete', afterScale: ['www-web-0'], afterDelete: [] },
  ])('persistentVolumeClaimRetentionPolicy whenScaled=$whenScaled whenDeleted=$whenDeleted', ({ whenScaled, whenDeleted, afterScale, afterDelete }) => {
    const s = scenario({ garbageCollector: true });
    s.create(web({ replicas: 2, retention: { whenScaled, whenDeleted } }));
    s.run(120, undefined, readyUpTo(s, 2));
    s.edit<StatefulSet>(STS, 'web', (o) => (o.spec.replicas = 1));
    s.run(60, undefined, () => s.pods().length === 1);
    s.run(5);
    expect(s.list('', 'persistentvolumeclaims').map((c) => c.metadata.name).sort()).toEqual(afterScale);
    s.user.delete(STS, 'default', 'web', { propagationPolicy: 'Background' });
    s.run(60, undefined, () => s.pods().length === 0);
    s.run(5);
    expect(s.list('', 'persistentvolumeclaims').map((c) => c.metadata.name).sort()).toEqual(afterDelete);
  });

  it('rolls out in reverse ordinal order down to the partition', () => {
    const s = scenario();
    s.create(web({ replicas: 4, claims: false }));
    s.run(200, undefined, readyUpTo(s, 4));
    const rev1 = s.get<StatefulSet>(STS, 'web')!.status!.updateRevision!;
    const log = s.podLog();
    s.edit<StatefulSet>(STS, 'web', (o) => {
      o.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 1 } };
      o.spec.template!.spec!.containers = [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.27' }];
    });
    s.run(300);
    // Reverse ordinal order, each replacement Running and Ready before the next goes; web-0 stays.
    expect(log).toEqual(['~web-3', '-web-3', '+web-3', '~web-2', '-web-2', '+web-2', '~web-1', '-web-1', '+web-1']);
    const sts = s.get<StatefulSet>(STS, 'web')!;
    const rev2 = sts.status!.updateRevision!;
    expect(rev2).not.toBe(rev1);
    const revs = Object.fromEntries(s.pods().map((p) => [p.metadata.name, p.metadata.labels?.['controller-revision-hash']]));
    expect(revs).toEqual({ 'web-0': rev1, 'web-1': rev2, 'web-2': rev2, 'web-3': rev2 });
    expect(sts.status).toMatchObject({ replicas: 4, currentReplicas: 1, updatedReplicas: 3, currentRevision: rev1, updateRevision: rev2 });
    expect(s.list('apps', 'controllerrevisions').map((r) => [r.metadata.name, r.revision]).sort()).toEqual([[rev1, 1], [rev2, 2]].sort());
    // Lowering the partition finishes the rollout; then the update revision becomes current.
    s.edit<StatefulSet>(STS, 'web', (o) => (o.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }));
    s.run(120);
    expect(s.get<StatefulSet>(STS, 'web')!.status).toMatchObject({ currentReplicas: 4, updatedReplicas: 4, currentRevision: rev2 });
    expect(s.errors()).toEqual([]);
  });

  it('OnDelete replaces a pod with the new template only when someone deletes it', () => {
    const s = scenario();
    s.create({ ...web({ replicas: 2, claims: false }), spec: { ...web({ replicas: 2, claims: false }).spec, updateStrategy: { type: 'OnDelete' } } });
    s.run(120, undefined, readyUpTo(s, 2));
    s.edit<StatefulSet>(STS, 'web', (o) => (o.spec.template!.spec!.containers = [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.27' }]));
    s.run(60);
    const image = (n: string) => (s.get<Pod>(POD, n)!.spec as { containers: { image: string }[] }).containers[0]!.image;
    expect([image('web-0'), image('web-1')]).toEqual(['registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim:0.24']);
    s.user.delete(POD, 'default', 'web-1');
    s.run(90, undefined, readyUpTo(s, 2));
    expect([image('web-0'), image('web-1')]).toEqual(['registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim:0.27']);
  });

  it('web-1 keeps its name and claim when its node dies and it is recreated elsewhere', () => {
    const s = scenario({ nodeDeath: true });
    s.create(web());
    s.run(200, undefined, readyUpTo(s, 3));
    const before = s.get<Pod>(POD, 'web-1')!;
    const deadNode = before.spec!.nodeName!;
    s.cluster.killNode(deadNode);
    // 50 s to NotReady, 300 s of toleration, then eviction: the pod shows Terminating, and stays so —
    // nobody can confirm a dead kubelet's pod is gone, so the StatefulSet does not make a second web-1.
    s.run(400);
    const evicted = s.get<Pod>(POD, 'web-1')!;
    expect(evicted.metadata.uid).toBe(before.metadata.uid);
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    // What the Kubernetes docs tell an operator to do: `kubectl delete pod web-1 --force --grace-period=0`.
    s.user.delete(POD, 'default', 'web-1', { gracePeriodSeconds: 0 });
    s.run(120, undefined, () => isRunningReady(s.get<Pod>(POD, 'web-1')));
    const after = s.get<Pod>(POD, 'web-1')!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.spec!.nodeName).not.toBe(deadNode);
    expect(after.spec?.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    expect(isRunningReady(after)).toBe(true);
    expect(s.list('', 'persistentvolumeclaims').map((c) => c.metadata.name).sort()).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    expect(s.get(PVC, 'www-web-1')).toBeDefined();
  });
});
