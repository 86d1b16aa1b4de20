/**
 * ObjectMeta on the way in: what the API server fills on create (uid, creationTimestamp, a generated
 * name) and keeps on update (immutable system fields), as k8s.io/apiserver's rest.BeforeCreate/Update.
 */
import type { KubeObject, ObjectMeta } from './types.ts';
import { rfc3339 } from '../sim/clock.ts';
import { NAME_SUFFIX_ALPHABET, type Rng } from '../sim/rng.ts';

/** kube's names.SimpleNameGenerator: base cut to 58 characters plus 5 random ones. */
export function generateName(base: string, rng: Rng): string {
  const cut = base.length > 58 ? base.slice(0, 58) : base;
  return cut + rng.string(NAME_SUFFIX_ALPHABET, 5);
}

/** Fills the system fields of a new object. Mutates `obj` (a fresh copy). */
export function fillCreateMeta(obj: KubeObject, nowMs: number, rng: Rng, namespace: string | undefined): void {
  const meta = obj.metadata;
  if (namespace !== undefined) meta.namespace = namespace;
  else delete meta.namespace;
  meta.uid = rng.uuid();
  meta.creationTimestamp = rfc3339(nowMs);
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.resourceVersion;
  delete meta.managedFields;
}

/** Carries the fields an update may not change over from the stored object. Mutates `obj`. */
export function keepSystemMeta(obj: KubeObject, old: KubeObject): void {
  const meta: ObjectMeta = obj.metadata;
  const oldMeta = old.metadata;
  meta.name = oldMeta.name;
  if (oldMeta.namespace !== undefined) meta.namespace = oldMeta.namespace;
  meta.uid = oldMeta.uid;
  meta.creationTimestamp = oldMeta.creationTimestamp;
  if (oldMeta.generateName !== undefined) meta.generateName = oldMeta.generateName;
  else delete meta.generateName;
  if (oldMeta.deletionTimestamp !== undefined) {
    meta.deletionTimestamp = oldMeta.deletionTimestamp;
    if (oldMeta.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
  } else {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  if (oldMeta.generation !== undefined) meta.generation = oldMeta.generation;
  else delete meta.generation;
}

/**
 * A deep copy of plain JSON data (objects from the store are frozen; writers work on copies). Faster than
 * structuredClone for the small, plain objects the API handles; `undefined` members are dropped as JSON
 * would drop them.
 */
export function clone<T>(value: T): T {
  return cloneValue(value) as T;
}

function cloneValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneValue(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = cloneValue(v);
  }
  return out;
}

/** Deep equality of plain JSON data. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}
