import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster.ts';
import type { Actor, KubeObject } from '../../api/types.ts';
import { applyManifests } from '../../kubectl/apply.ts';
import {
  PERSISTENT_VOLUME_CONTROLLER,
  PersistentVolumeController,
  MSG_CLAIM_LOST,
  MSG_NO_CLASS,
  MSG_WAIT_FOR_FIRST_CONSUMER,
  externalProvisioningMessage,
} from './persistent-volume-controller.ts';
import { defaultStorageClass, HOSTPATH_PROVISIONER } from './default-storage-class.ts';

const ACTOR: Actor = { name: 'kubernetes-admin', component: 'user' };

function boot(): Cluster {
  const c = new Cluster();
  // Until the cluster creates `standard` and runs the controller at boot (then these are no-ops).
  const classes = { group: 'storage.k8s.io', resource: 'storageclasses' };
  if (c.api.list(classes, {}, ACTOR).items.length === 0)
    c.api.create(classes, defaultStorageClass(), { actor: ACTOR });
  if (!c.controllerManager.get(PERSISTENT_VOLUME_CONTROLLER))
    new PersistentVolumeController({
      api: c.api,
      clock: c.clock,
      rng: c.rng.fork(),
      informers: c.controllerManager.informers,
    }).start();
  c.advance(20_000);
  return c;
}

const get = (c: Cluster, resource: string, name: string, namespace?: string) =>
  c.api.get({ group: '', resource, ...(namespace ? { namespace } : {}) }, name, ACTOR) as KubeObject & {
    spec: Record<string, unknown>;
    status: { phase?: string; message?: string };
  };
const tryGet = (c: Cluster, resource: string, name: string, namespace?: string) => {
  try {
    return get(c, resource, name, namespace);
  } catch {
    return undefined;
  }
};
const events = (c: Cluster, name: string) =>
  c.api
    .list({ group: '', resource: 'events', namespace: 'default' }, {}, ACTOR)
    .items.filter((e) => (e as { involvedObject?: { name?: string } }).involvedObject?.name === name)
    .map((e) => {
      const ev = e as { reason?: string; message?: string; source?: { component?: string } };
      return `${ev.source?.component?.split('_')[0]} ${ev.reason}: ${ev.message}`;
    });
const apply = (c: Cluster, yaml: string) =>
  expect(
    applyManifests(c.api, yaml, 'x.yaml', { actor: ACTOR }).flatMap((o) => (o.error ? [o.error] : [])),
  ).toEqual([]);
const del = (c: Cluster, resource: string, name: string, namespace?: string) =>
  c.api.delete({ group: '', resource, ...(namespace ? { namespace } : {}) }, name, {}, { actor: ACTOR });

const claimYaml = (name: string, cls: string | undefined, size = '1Gi') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: ${size}}}
${cls === undefined ? '' : `  storageClassName: "${cls}"\n`}`;
const volumeYaml = (name: string, cls: string, size: string, policy = 'Retain') => `apiVersion: v1
kind: PersistentVolume
metadata: {name: ${name}}
spec:
  capacity: {storage: ${size}}
  accessModes: [ReadWriteOnce]
  storageClassName: "${cls}"
  persistentVolumeReclaimPolicy: ${policy}
  hostPath: {path: /mnt/data}
`;

describe('persistentvolume-binder-controller', () => {
  it('provisions pvc-<uid> for a claim of the default class and binds both sides', () => {
    const c = boot();
    apply(c, claimYaml('data', 'standard', '2Gi'));
    c.advance(1_000);
    const claim = get(c, 'persistentvolumeclaims', 'data', 'default');
    const pvName = `pvc-${claim.metadata.uid}`;
    expect(claim.status.phase).toBe('Bound');
    expect(claim.spec.volumeName).toBe(pvName);
    expect(claim.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.kubernetes.io/storage-provisioner': HOSTPATH_PROVISIONER,
      'volume.beta.kubernetes.io/storage-provisioner': HOSTPATH_PROVISIONER,
    });
    expect(claim.status).toMatchObject({ accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    const pv = get(c, 'persistentvolumes', pvName);
    expect(pv.status.phase).toBe('Bound');
    expect(pv.spec).toMatchObject({
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      hostPath: { path: '/tmp/hostpath-provisioner/default/data' },
      claimRef: { name: 'data', namespace: 'default', uid: claim.metadata.uid },
    });
    expect(pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe(HOSTPATH_PROVISIONER);
    expect(events(c, 'data')).toEqual([
      `persistentvolume-controller ExternalProvisioning: ${externalProvisioningMessage(HOSTPATH_PROVISIONER)}`,
      `k8s.io/minikube-hostpath Provisioning: External provisioner is provisioning volume for claim "default/data"`,
      `k8s.io/minikube-hostpath ProvisioningSucceeded: Successfully provisioned volume ${pvName}`,
    ]);
    // Reclaim policy Delete: the claim goes, so does its volume.
    del(c, 'persistentvolumeclaims', 'data', 'default');
    c.advance(1_000);
    expect(tryGet(c, 'persistentvolumes', pvName)).toBeUndefined();
  });

  it('binds a claim to the smallest fitting static volume; Retain leaves it Released', () => {
    const c = boot();
    apply(c, volumeYaml('big', 'manual', '10Gi') + '---\n' + volumeYaml('fit', 'manual', '5Gi'));
    c.advance(1_000);
    expect(get(c, 'persistentvolumes', 'fit').status.phase).toBe('Available');
    apply(c, claimYaml('task', 'manual', '3Gi'));
    c.advance(1_000);
    expect(get(c, 'persistentvolumeclaims', 'task', 'default').spec.volumeName).toBe('fit');
    const pv = get(c, 'persistentvolumes', 'fit');
    expect([pv.status.phase, pv.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']]).toEqual([
      'Bound',
      'yes',
    ]);
    expect(get(c, 'persistentvolumes', 'big').status.phase).toBe('Available');
    del(c, 'persistentvolumeclaims', 'task', 'default');
    c.advance(1_000);
    expect(get(c, 'persistentvolumes', 'fit').status.phase).toBe('Released');
  });

  it('a static volume with reclaim policy Delete fails: no plugin can delete a hostPath', () => {
    const c = boot();
    apply(c, volumeYaml('v', 'manual', '5Gi', 'Delete') + '---\n' + claimYaml('task', 'manual'));
    c.advance(1_000);
    del(c, 'persistentvolumeclaims', 'task', 'default');
    c.advance(1_000);
    expect(get(c, 'persistentvolumes', 'v').status).toMatchObject({
      phase: 'Failed',
      message: 'error getting deleter volume plugin for volume "v": no deletable volume plugin matched',
    });
  });

  it.each([
    { cls: '', want: `persistentvolume-controller FailedBinding: ${MSG_NO_CLASS}` },
    {
      cls: 'manual',
      want: 'persistentvolume-controller ProvisioningFailed: storageclass.storage.k8s.io "manual" not found',
    },
  ])('a claim nothing can satisfy stays Pending (class "$cls")', ({ cls, want }) => {
    const c = boot();
    apply(c, claimYaml('task', cls));
    c.advance(5_000);
    expect(get(c, 'persistentvolumeclaims', 'task', 'default').status.phase).toBe('Pending');
    expect(events(c, 'task')).toEqual([want]);
    // The volume shows up later: the claim binds to it.
    apply(c, volumeYaml('late', cls, '1Gi'));
    c.advance(1_000);
    expect(get(c, 'persistentvolumeclaims', 'task', 'default').status.phase).toBe('Bound');
  });

  it('an external provisioner nobody runs leaves the claim Pending with ExternalProvisioning', () => {
    const c = boot();
    apply(
      c,
      'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: ebs}\nprovisioner: ebs.csi.aws.com\n---\n' +
        claimYaml('d', 'ebs'),
    );
    c.advance(5_000);
    expect(get(c, 'persistentvolumeclaims', 'd', 'default').status.phase).toBe('Pending');
    expect(events(c, 'd')).toEqual([
      `persistentvolume-controller ExternalProvisioning: ${externalProvisioningMessage('ebs.csi.aws.com')}`,
    ]);
  });

  it('WaitForFirstConsumer: waits, then provisions on the node of the first pod that uses it', () => {
    const c = boot();
    apply(
      c,
      'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\nprovisioner: rancher.io/local-path\nvolumeBindingMode: WaitForFirstConsumer\n---\n' +
        claimYaml('d', 'local'),
    );
    c.advance(2_000);
    expect(get(c, 'persistentvolumeclaims', 'd', 'default').status.phase).toBe('Pending');
    expect(events(c, 'd')).toEqual([
      `persistentvolume-controller WaitForFirstConsumer: ${MSG_WAIT_FOR_FIRST_CONSUMER}`,
    ]);
    apply(
      c,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n  volumes: [{name: v, persistentVolumeClaim: {claimName: d}}]\n',
    );
    c.advance(10_000);
    const claim = get(c, 'persistentvolumeclaims', 'd', 'default');
    const node = (get(c, 'pods', 'p', 'default').spec as { nodeName?: string }).nodeName;
    expect(node).toMatch(/^worker-/);
    expect(claim.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(node);
    expect(claim.status.phase).toBe('Bound');
  });

  it('a bound claim whose volume is deleted is Lost', () => {
    const c = boot();
    apply(c, volumeYaml('v', 'manual', '5Gi') + '---\n' + claimYaml('task', 'manual'));
    c.advance(1_000);
    del(c, 'persistentvolumes', 'v');
    c.advance(1_000);
    expect(get(c, 'persistentvolumeclaims', 'task', 'default').status.phase).toBe('Lost');
    expect(events(c, 'task')).toContain(`persistentvolume-controller ClaimLost: ${MSG_CLAIM_LOST}`);
  });
});
