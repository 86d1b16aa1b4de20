/**
 * The StorageClass a fresh sandbox cluster has, as minikube ships it: `standard`, marked default,
 * provisioned by the in-cluster hostpath provisioner `k8s.io/minikube-hostpath`, reclaim policy Delete,
 * binding mode Immediate.
 *
 * Why Immediate (minikube) rather than kind's WaitForFirstConsumer + `rancher.io/local-path`: the
 * sandbox's volumes live nowhere, so there is no topology for a late binding to respect; with Immediate
 * a claim is Bound within moments of being created, the scheduler's VolumeBinding plugin gates pods on
 * it (`pod has unbound immediate PersistentVolumeClaims`), and StatefulSets with volumeClaimTemplates
 * come up in order exactly as they do on minikube. WaitForFirstConsumer classes a person creates still
 * work (see persistent-volume-controller.ts).
 */
import type { StorageClassObject } from './volume-types.ts';
import { ANN_IS_DEFAULT_CLASS } from './volume-types.ts';

export const DEFAULT_STORAGE_CLASS = 'standard';
export const HOSTPATH_PROVISIONER = 'k8s.io/minikube-hostpath';

/** A fresh copy of the default StorageClass object, ready to create. */
export function defaultStorageClass(): StorageClassObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: DEFAULT_STORAGE_CLASS,
      labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' },
      annotations: { [ANN_IS_DEFAULT_CLASS]: 'true' },
    },
    provisioner: HOSTPATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  };
}
