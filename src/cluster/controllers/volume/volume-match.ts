/**
 * Which PersistentVolume a claim binds to (k/k pkg/controller/volume/persistentvolume/index.go
 * findMatchingVolume): a volume pre-bound to the claim wins if it is big enough and of the same class;
 * otherwise the smallest Available, unclaimed volume whose class, volumeMode and access modes fit, whose
 * labels match the claim's selector and whose capacity is at least the request. A claim of a
 * WaitForFirstConsumer class only takes pre-bound volumes until a node is chosen.
 *
 * Pure: never mutates its inputs.
 */
import { tryParseQuantity, type Quantity } from '../../api/quantity.ts';
import { selectorFromLabelSelector, type LabelSelectorLike } from '../../api/labels/selector.ts';
import { claimClass, type ClaimObject, type ObjectRef, type VolumeObject } from './volume-types.ts';

/** Whether `ref` (a PV's claimRef) names `claim`: same namespace and name, and uid when set. */
export function refersToClaim(ref: ObjectRef | undefined, claim: ClaimObject): boolean {
  if (!ref) return false;
  if (ref.name !== claim.metadata.name || (ref.namespace ?? '') !== (claim.metadata.namespace ?? ''))
    return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

function storageOf(v: Record<string, string | number> | undefined): Quantity | undefined {
  const s = v?.storage;
  return s === undefined ? undefined : tryParseQuantity(s);
}

function accessModesFit(claim: ClaimObject, volume: VolumeObject): boolean {
  const have = new Set(volume.spec?.accessModes ?? []);
  return (claim.spec?.accessModes ?? []).every((m) => have.has(m));
}

function volumeModeOf(mode: string | undefined): string {
  return mode || 'Filesystem';
}

/** The volume `claim` should bind to, or undefined. `delayBinding`: the claim's class is WaitForFirstConsumer and no node is chosen yet. */
export function findMatchingVolume(
  claim: ClaimObject,
  volumes: readonly VolumeObject[],
  delayBinding = false,
): VolumeObject | undefined {
  const requested = storageOf(claim.spec?.resources?.requests);
  if (!requested) return undefined;
  const wantClass = claimClass(claim);
  const wantMode = volumeModeOf(claim.spec?.volumeMode);
  const selector = claim.spec?.selector
    ? selectorFromLabelSelector(claim.spec.selector as LabelSelectorLike)
    : undefined;
  let best: { volume: VolumeObject; size: Quantity } | undefined;
  const sorted = [...volumes].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  for (const volume of sorted) {
    const size = storageOf(volume.spec?.capacity);
    if (!size || volume.metadata.deletionTimestamp) continue;
    if (volumeModeOf(volume.spec?.volumeMode) !== wantMode) continue;
    const volumeClass = volume.spec?.storageClassName ?? '';
    if (refersToClaim(volume.spec?.claimRef, claim)) {
      // Pre-bound (by a person or by the provisioner): it is this claim's volume if it fits at all.
      if (size.cmp(requested) < 0 || volumeClass !== wantClass) continue;
      return volume;
    }
    if (delayBinding) continue;
    if (volume.status?.phase !== 'Available' || volume.spec?.claimRef) continue;
    if (selector && !selector.matches(volume.metadata.labels ?? {})) continue;
    if (volumeClass !== wantClass || !accessModesFit(claim, volume)) continue;
    if (size.cmp(requested) < 0) continue;
    if (!best || size.cmp(best.size) < 0) best = { volume, size };
  }
  return best?.volume;
}
