/**
 * ControllerRevisions, the history StatefulSets and DaemonSets keep of their pod templates (k/k
 * pkg/controller/history/controller_history.go and the `getPatch` / `ApplyRevision` helpers of both
 * controllers).
 *
 * A revision's `data` is the strategic-merge patch `{"spec":{"template":{...,"$patch":"replace"}}}`
 * that turns the owner back into the revision's template; `revision` is a number, one more than the
 * highest of the owner's history when it was made. StatefulSet revisions are named `<set>-<hash>` with
 * the hash from {@link hashControllerRevision} (FNV-32 of the data, then the collision count as a
 * decimal string, printed through SafeEncodeString); every revision carries the hash as the label
 * `controller.kubernetes.io/hash`.
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { isApiError } from '../../api/errors.ts';
import type { Client, KindRef } from '../../client/client.ts';
import { canonicalJson, safeEncodeString } from '../deployment/pod-template-hash.ts';
import type { PodTemplateSpec } from '../replica-set/workload-types.ts';

export const CONTROLLER_REVISION: KindRef = { apiVersion: 'apps/v1', kind: 'ControllerRevision' };
/** history.ControllerRevisionHashLabel. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

export interface ControllerRevision extends KubeObject {
  data?: unknown;
  revision: number;
}

/** The patch a revision stores: the whole template, replacing the owner's (getPatch). */
export function templatePatch(template: PodTemplateSpec | undefined): { spec: { template: Record<string, unknown> } } {
  return { spec: { template: { ...clone(template ?? {}), $patch: 'replace' } } };
}

/** The template a revision holds (ApplyRevision, as far as the template goes). */
export function revisionTemplate(rev: ControllerRevision): PodTemplateSpec {
  const t = (rev.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {};
  const { $patch: _patch, ...rest } = clone(t);
  return rest as PodTemplateSpec;
}

const encoder = new TextEncoder();

/** FNV-1 (not 1a), 32 bits: Go's hash/fnv New32, which the history hash uses. */
export function fnv32(bytes: Uint8Array, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (const b of bytes) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ b) >>> 0;
  }
  return h >>> 0;
}

/**
 * history.HashControllerRevision: FNV-32 of the data, then the probe (collision count) as decimal text.
 * The sandbox hashes canonical JSON (keys sorted) where upstream hashes Go's serialization, so hashes
 * have upstream's shape and stability but not its exact bytes.
 */
export function hashControllerRevision(data: unknown, probe?: number): string {
  let h = fnv32(encoder.encode(canonicalJson(data)));
  if (probe !== undefined) h = fnv32(encoder.encode(String(probe)), h);
  return safeEncodeString(String(h));
}

/** `<prefix>-<hash>`, the prefix cut to 223 characters (history.ControllerRevisionName). */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** An unsaved revision (history.NewControllerRevision): labels are the template's plus the hash label. */
export function newControllerRevision(
  parent: KubeObject,
  controllerRef: OwnerReference,
  templateLabels: Record<string, string> | undefined,
  data: unknown,
  revision: number,
  collisionCount: number | undefined,
): ControllerRevision {
  const hash = hashControllerRevision(data, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(parent.metadata.name ?? '', hash),
      namespace: parent.metadata.namespace ?? 'default',
      labels: { ...(templateLabels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [{ ...controllerRef }],
    },
    data,
    revision,
  };
}

/** history.EqualRevision: same hash label (when both have one) and the same data. */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  const ha = a.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  const hb = b.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  if (ha !== undefined && hb !== undefined && ha !== hb) return false;
  return canonicalJson(a.data) === canonicalJson(b.data);
}

/** Oldest first: by revision number, then creation time, then name (history.SortControllerRevisions). */
export function sortRevisions<T extends ControllerRevision>(revs: readonly T[]): T[] {
  return [...revs].sort(
    (a, b) =>
      a.revision - b.revision ||
      (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
      (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
}

/** One more than the highest revision number (1 for an empty history). */
export function nextRevision(revs: readonly ControllerRevision[]): number {
  let max = 0;
  for (const r of revs) max = Math.max(max, r.revision);
  return max + 1;
}

/**
 * Saves `revision` under the owner's name and the hash of its data (history.CreateControllerRevision).
 * When another revision already holds that name with different data, the collision count goes up and
 * the hash is taken again; an equal one is returned as is.
 */
export function createControllerRevision(
  client: Client,
  parent: KubeObject,
  revision: ControllerRevision,
  collisionCount: number,
): { revision: ControllerRevision; collisionCount: number } {
  let count = collisionCount;
  for (let attempt = 0; attempt < 100; attempt++) {
    const hash = hashControllerRevision(revision.data, count);
    const next = clone(revision);
    next.metadata.name = controllerRevisionName(parent.metadata.name ?? '', hash);
    next.metadata.labels = { ...(next.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash };
    try {
      return { revision: client.create(next), collisionCount: count };
    } catch (e) {
      if (!(isApiError(e) && e.code === 409)) throw e;
      const existing = client.get<ControllerRevision>(CONTROLLER_REVISION, next.metadata.namespace, next.metadata.name);
      if (existing && equalRevision(existing, next)) return { revision: existing, collisionCount: count };
      count++;
    }
  }
  throw new Error(`unable to create ControllerRevision for ${parent.metadata.name}: too many hash collisions`);
}

/** Gives an existing revision a new number (history.UpdateControllerRevision), for a roll back. */
export function updateRevisionNumber(client: Client, rev: ControllerRevision, revision: number): ControllerRevision {
  if (rev.revision === revision) return rev;
  const next = clone(rev);
  next.revision = revision;
  return client.update(next);
}

/**
 * Deletes the oldest revisions not in `live` beyond `limit` (truncateHistory of both controllers).
 * `revs` may be in any order.
 */
export function truncateHistory(client: Client, revs: readonly ControllerRevision[], live: ReadonlySet<string>, limit: number): void {
  const old = sortRevisions(revs.filter((r) => !live.has(r.metadata.name ?? '')));
  const excess = old.length - limit;
  for (let i = 0; i < excess; i++) {
    const r = old[i]!;
    client.delete(CONTROLLER_REVISION, r.metadata.namespace, r.metadata.name ?? '');
  }
}
