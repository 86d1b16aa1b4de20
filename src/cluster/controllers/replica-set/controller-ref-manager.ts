/**
 * Adoption and release by controller reference (k/k pkg/controller/controller_ref_manager.go
 * BaseControllerRefManager.ClaimObject): an owner keeps the objects it controls that still match its
 * selector, releases those that no longer match, and adopts matching orphans — unless it is being
 * deleted. Objects controlled by someone else are never touched.
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { isApiError } from '../../api/errors.ts';
import type { Client } from '../../client/client.ts';
import { controllerRefOf, newControllerRef } from './pod-utils.ts';

export interface ClaimOptions<T extends KubeObject> {
  client: Client;
  owner: KubeObject;
  /** apiVersion and kind of the owner, for the controller reference. */
  ownerApiVersion: string;
  ownerKind: string;
  matches(obj: T): boolean;
  /**
   * Asked once, before the first adoption: may the owner adopt (it still exists with the same uid and is
   * not being deleted)? Upstream re-reads the owner from the API server here, uncached.
   */
  canAdopt(): boolean;
}

/**
 * The objects among `owned` and `orphans` that now belong to the owner, adopting and releasing through
 * the API as needed. Candidates may be given twice; each is claimed once.
 */
export function claimObjects<T extends KubeObject>(opts: ClaimOptions<T>, candidates: readonly T[]): T[] {
  const uid = opts.owner.metadata.uid;
  const deleting = !!opts.owner.metadata.deletionTimestamp;
  let adoptable: boolean | undefined;
  const claimed: T[] = [];
  const seen = new Set<string>();
  for (const obj of candidates) {
    const id = obj.metadata.uid ?? obj.metadata.name ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    const ref = controllerRefOf(obj);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (opts.matches(obj)) {
        claimed.push(obj);
        continue;
      }
      if (deleting) continue;
      release(opts.client, obj, uid ?? '');
      continue;
    }
    if (deleting || !opts.matches(obj) || obj.metadata.deletionTimestamp) continue;
    adoptable ??= opts.canAdopt();
    if (!adoptable) continue;
    const adopted = adopt(opts.client, obj, newControllerRef(opts.owner, opts.ownerApiVersion, opts.ownerKind));
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

function adopt<T extends KubeObject>(client: Client, obj: T, ref: OwnerReference): T | undefined {
  const next = clone(obj);
  next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), ref];
  try {
    return client.update(next);
  } catch (e) {
    // Gone, or changed under us: the next sync sees the fresh object.
    if (isApiError(e) && (e.code === 404 || e.code === 409)) return undefined;
    throw e;
  }
}

function release(client: Client, obj: KubeObject, ownerUid: string): void {
  const next = clone(obj);
  const refs = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  if (refs.length > 0) next.metadata.ownerReferences = refs;
  else delete next.metadata.ownerReferences;
  try {
    client.update(next);
  } catch (e) {
    if (isApiError(e) && (e.code === 404 || e.code === 409 || e.code === 422)) return;
    throw e;
  }
}
