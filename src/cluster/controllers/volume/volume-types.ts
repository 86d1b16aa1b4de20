/**
 * The slices of PersistentVolume, PersistentVolumeClaim and StorageClass the binder reads, plus the
 * annotation names kube-controller-manager and the provisioners write (k/k
 * pkg/controller/volume/persistentvolume/util, component-helpers/storage/volume).
 */
import type { KubeObject } from '../../api/types.ts';

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const ANN_IS_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const ANN_BETA_IS_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';

export interface ObjectRef {
  kind?: string;
  apiVersion?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  resourceVersion?: string;
}

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface ClaimObject extends KubeObject {
  spec?: {
    accessModes?: string[];
    resources?: { requests?: Record<string, string | number> };
    storageClassName?: string | null;
    volumeName?: string;
    volumeMode?: string;
    selector?: LabelSelectorSpec;
  };
  status?: { phase?: string; accessModes?: string[]; capacity?: Record<string, string | number> };
}

export interface VolumeObject extends KubeObject {
  spec?: {
    accessModes?: string[];
    capacity?: Record<string, string | number>;
    storageClassName?: string;
    volumeMode?: string;
    claimRef?: ObjectRef;
    persistentVolumeReclaimPolicy?: string;
    [source: string]: unknown;
  };
  status?: { phase?: string; message?: string; reason?: string; lastPhaseTransitionTime?: string };
}

export interface StorageClassObject extends KubeObject {
  provisioner?: string;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  parameters?: Record<string, string>;
}

/** The class a claim asks for: `spec.storageClassName`, "" when unset (GetPersistentVolumeClaimClass). */
export function claimClass(claim: ClaimObject): string {
  return claim.spec?.storageClassName ?? '';
}

/** Whether a class carries the default-class annotation (either spelling), as "true". */
export function isDefaultClass(sc: StorageClassObject): boolean {
  const a = sc.metadata.annotations ?? {};
  return a[ANN_IS_DEFAULT_CLASS] === 'true' || a[ANN_BETA_IS_DEFAULT_CLASS] === 'true';
}
