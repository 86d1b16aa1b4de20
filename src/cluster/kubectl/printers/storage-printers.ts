/**
 * Volumes (printers.go printPersistentVolumeClaim, printPersistentVolume): pvc NAME STATUS VOLUME
 * CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE (wide VOLUMEMODE); pv NAME CAPACITY
 * ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE (wide VOLUMEMODE).
 */
import type { KubeObject } from '../../api/types.ts';
import { tryParseQuantity } from '../../api/quantity.ts';
import { ageCol, col, nameCol, type Printer } from './table.ts';
import { translateTimestampSince } from './human-duration.ts';
import { accessModesString, arr, field, str } from './format.ts';

/** Quantity.String(): the canonical form (`1Gi`, `500Mi`); `0` when absent, as Go's zero Quantity. */
function quantityText(v: unknown): string {
  if (typeof v !== 'string' && typeof v !== 'number') return '0';
  return tryParseQuantity(v)?.toString() ?? String(v);
}

function storageClassOf(obj: KubeObject, specField: string): string {
  const beta = obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (beta !== undefined) return beta;
  return str(field(obj, 'spec', specField));
}

function optionalName(v: unknown): string {
  return typeof v === 'string' && v !== '' ? v : '<unset>';
}

export const pvcPrinter: Printer = {
  columns: [
    nameCol(),
    col('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
    col('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    col('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
    col('Access Modes', 'string', 'accessModes contains the actual access modes the volume backing the PVC has.'),
    col('StorageClass', 'string', 'StorageClass of the pvc'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    ageCol(),
    col('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.', 1),
  ],
  row: (pvc, nowMs) => {
    const spec = (pvc.spec ?? {}) as Record<string, unknown>;
    const status = (pvc.status ?? {}) as Record<string, unknown>;
    const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : str(status.phase);
    const volumeName = str(spec.volumeName);
    const bound = volumeName !== '';
    return {
      cells: [
        pvc.metadata.name ?? '',
        phase,
        volumeName,
        bound ? quantityText(field(status, 'capacity', 'storage')) : '',
        bound ? accessModesString(arr<string>(status.accessModes)) : '',
        storageClassOf(pvc, 'storageClassName'),
        optionalName(spec.volumeAttributesClassName),
        translateTimestampSince(pvc.metadata.creationTimestamp, nowMs),
        typeof spec.volumeMode === 'string' ? spec.volumeMode : '<unset>',
      ],
    };
  },
};

export const pvPrinter: Printer = {
  columns: [
    nameCol(),
    col('Capacity', 'string', 'capacity is the description of the persistent volume\'s resources and capacity.'),
    col('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
    col('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'),
    col('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    col('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
    col('StorageClass', 'string', 'StorageClass of the pv'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    col('Reason', 'string', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageCol(),
    col('VolumeMode', 'string', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.', 1),
  ],
  row: (pv, nowMs) => {
    const spec = (pv.spec ?? {}) as Record<string, unknown>;
    const status = (pv.status ?? {}) as Record<string, unknown>;
    const claim = spec.claimRef as { namespace?: string; name?: string } | undefined;
    return {
      cells: [
        pv.metadata.name ?? '',
        quantityText(field(spec, 'capacity', 'storage')),
        accessModesString(arr<string>(spec.accessModes)),
        str(spec.persistentVolumeReclaimPolicy),
        pv.metadata.deletionTimestamp ? 'Terminating' : str(status.phase),
        claim ? `${claim.namespace ?? ''}/${claim.name ?? ''}` : '',
        storageClassOf(pv, 'storageClassName'),
        optionalName(spec.volumeAttributesClassName),
        str(status.reason),
        translateTimestampSince(pv.metadata.creationTimestamp, nowMs),
        typeof spec.volumeMode === 'string' ? spec.volumeMode : '<unset>',
      ],
    };
  },
};
