/**
 * What an external provisioner creates for a claim (sig-storage-lib-external-provisioner, as minikube's
 * storage-provisioner and rancher's local-path-provisioner use it): a PersistentVolume named
 * `pvc-<claim uid>`, pre-bound to the claim through `spec.claimRef`, sized to the request, with the
 * class's reclaim policy and the claim's access modes and volume mode, backed by a hostPath directory.
 * The binder then completes the binding from the claim's side.
 *
 * Pure: builds the object, writes nothing.
 */
import type { ClaimObject, StorageClassObject, VolumeObject } from './volume-types.ts';
import { ANN_DYNAMICALLY_PROVISIONED, claimClass } from './volume-types.ts';

/** `pvc-<uid>`: the name every external provisioner gives a claim's volume. */
export function provisionedVolumeName(claim: ClaimObject): string {
  return `pvc-${claim.metadata.uid ?? ''}`;
}

/** The PV the provisioner of `sc` makes for `claim`; `node` is where a hostPath provisioner puts it. */
export function provisionVolume(claim: ClaimObject, sc: StorageClassObject, node: string): VolumeObject {
  const ns = claim.metadata.namespace ?? 'default';
  const name = claim.metadata.name ?? '';
  const provisioner = sc.provisioner ?? '';
  // minikube keeps volumes under /tmp/hostpath-provisioner/<ns>/<claim>; local-path under /var/local-path-provisioner.
  const path =
    provisioner === 'rancher.io/local-path'
      ? `/var/local-path-provisioner/${provisionedVolumeName(claim)}_${ns}_${name}`
      : `/tmp/hostpath-provisioner/${ns}/${name}`;
  const annotations: Record<string, string> = { [ANN_DYNAMICALLY_PROVISIONED]: provisioner };
  if (provisioner === 'k8s.io/minikube-hostpath') annotations.hostPathProvisionerIdentity = node;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: provisionedVolumeName(claim), annotations },
    spec: {
      accessModes: [...(claim.spec?.accessModes ?? [])],
      capacity: { storage: claim.spec?.resources?.requests?.storage ?? '0' },
      claimRef: {
        kind: 'PersistentVolumeClaim',
        namespace: ns,
        name,
        uid: claim.metadata.uid ?? '',
        apiVersion: 'v1',
        resourceVersion: claim.metadata.resourceVersion ?? '',
      },
      hostPath: { path, type: '' },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: claimClass(claim),
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    },
  };
}
