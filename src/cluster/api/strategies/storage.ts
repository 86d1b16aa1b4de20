/**
 * PersistentVolumeClaim and PersistentVolume (k/k pkg/apis/core/v1 SetDefaults_PersistentVolumeClaimSpec,
 * SetDefaults_PersistentVolume; pkg/apis/core/validation ValidatePersistentVolumeClaimSpec,
 * ValidatePersistentVolumeSpec). Claims default to volumeMode Filesystem and start Pending; a claim's spec
 * is immutable but for resources.requests.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import { rfc3339 } from '../../sim/clock.ts';
import { forbidden, invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { dns1123Subdomain, sameJson } from './field-rules.ts';
import { parseQuantityField } from './resources-validation.ts';
import { volumeSources } from './pod-defaults.ts';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];

export interface PVCSpec {
  accessModes?: string[];
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  volumeMode?: string;
  storageClassName?: string;
  volumeName?: string;
  selector?: unknown;
  [field: string]: unknown;
}

function specOf(obj: KubeObject): PVCSpec {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
  return obj.spec as PVCSpec;
}

/** SetDefaults_PersistentVolumeClaimSpec. */
export function defaultPVCSpec(spec: PVCSpec): void {
  spec.volumeMode ??= 'Filesystem';
}

function accessModeErrors(modes: readonly string[] | undefined, path: string): FieldError[] {
  if (!modes || modes.length === 0) return [required(path, 'at least 1 access mode is required')];
  const errs = modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => notSupported(path, m, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

/** ValidatePersistentVolumeClaimSpec at `path` (`spec`, or a StatefulSet's claim template spec). */
export function validatePVCSpec(spec: PVCSpec | undefined, path: string): FieldError[] {
  const s = spec ?? {};
  const errs = accessModeErrors(s.accessModes, `${path}.accessModes`);
  const storagePath = `${path}.resources[storage]`;
  const storage = s.resources?.requests?.storage;
  if (storage === undefined) errs.push(required(storagePath, ''));
  else {
    const q = parseQuantityField(storage, storagePath, errs);
    if (q && q.sign() <= 0) errs.push(invalid(storagePath, q.toString(), 'must be greater than zero'));
  }
  if (s.volumeMode !== undefined && !VOLUME_MODES.includes(s.volumeMode)) errs.push(notSupported(`${path}.volumeMode`, s.volumeMode, VOLUME_MODES));
  if (s.storageClassName) errs.push(...dns1123Subdomain(s.storageClassName, `${path}.storageClassName`));
  return errs;
}

export const persistentVolumeClaimStrategy: Strategy = {
  default(obj) {
    defaultPVCSpec(specOf(obj));
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Pending' };
  },
  validate(obj) {
    return validatePVCSpec(specOf(obj), 'spec');
  },
  validateUpdate(obj, old) {
    const errs = validatePVCSpec(specOf(obj), 'spec');
    const strip = (s: unknown) => ({ ...(s as PVCSpec), resources: undefined, volumeAttributesClassName: undefined, volumeName: undefined });
    const oldSpec = old.spec as PVCSpec | undefined;
    // The binder fills volumeName once; users may not change it afterwards.
    const volumeNameChanged = !!oldSpec?.volumeName && oldSpec.volumeName !== specOf(obj).volumeName;
    if (!sameJson(strip(obj.spec), strip(old.spec)) || volumeNameChanged) {
      errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
    }
    return errs;
  },
};

interface PVSpec extends PVCSpec {
  capacity?: Record<string, string | number>;
  persistentVolumeReclaimPolicy?: string;
}

function validatePVSpec(spec: PVSpec): FieldError[] {
  const errs = accessModeErrors(spec.accessModes, 'spec.accessModes');
  const capacity = spec.capacity ?? {};
  if (Object.keys(capacity).length === 0) errs.push(required('spec.capacity', ''));
  for (const k of Object.keys(capacity).sort()) {
    if (k !== 'storage') errs.push(notSupported(`spec.capacity`, k, ['storage']));
    else parseQuantityField(capacity[k] as string | number, 'spec.capacity[storage]', errs);
  }
  const sources = volumeSources(spec as Record<string, unknown> & { name?: string });
  if (sources.length === 0 && !spec.local) errs.push(required('spec', 'must specify a volume type'));
  if (spec.persistentVolumeReclaimPolicy && !RECLAIM_POLICIES.includes(spec.persistentVolumeReclaimPolicy)) {
    errs.push(notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, RECLAIM_POLICIES));
  }
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  if (spec.storageClassName) errs.push(...dns1123Subdomain(spec.storageClassName, 'spec.storageClassName'));
  return errs;
}

export const persistentVolumeStrategy: Strategy = {
  default(obj) {
    const spec = specOf(obj) as PVSpec;
    spec.persistentVolumeReclaimPolicy ||= 'Retain';
    spec.volumeMode ??= 'Filesystem';
  },
  prepareForCreate(obj, ctx) {
    obj.status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(ctx.now) };
  },
  validate(obj) {
    return validatePVSpec(specOf(obj) as PVSpec);
  },
};
