/**
 * RFC 7386 JSON Merge Patch (`application/merge-patch+json`) as kube-apiserver applies it, through
 * gopkg.in/evanphx/json-patch.v4 `MergePatch`, and the diff kubectl builds with `CreateMergePatch`
 * (kubectl label / annotate and `apply` of kinds without strategic metadata send these).
 *
 * Worked example: target `{"metadata":{"labels":{"a":"1","b":"2"}},"spec":{"ports":[1,2]}}` with patch
 * `{"metadata":{"labels":{"a":null,"c":"3"}},"spec":{"ports":[3]}}` gives
 * `{"metadata":{"labels":{"b":"2","c":"3"}},"spec":{"ports":[3]}}`: null deletes, maps merge, lists are
 * replaced whole.
 */
import type { JsonValue } from '../types.ts';
import { goTypeOf } from './go-format.ts';
import { cloneJson, hasKey, isJsonObject, jsonEqual, setKey, type JsonObject } from './json-value.ts';
import { badRequest } from './patch-error.ts';

/** evanphx's ErrBadJSONPatch, answered by kube-apiserver as a 400 BadRequest with this message. */
export const INVALID_JSON_PATCH = 'Invalid JSON Patch';

/** Drops null members of maps and null elements of lists, recursively (evanphx `pruneNulls`). */
function pruneNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(pruneNulls);
  if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const item = value[key] ?? null;
      if (item === null) delete value[key];
      else setKey(value, key, pruneNulls(item));
    }
  }
  return value;
}

function mergeValue(current: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(current)) return pruneNulls(patch);
  // A non-object patch value replaces as is: evanphx prunes nulls only where the target had no object.
  if (!isJsonObject(patch)) return patch;
  mergeDocs(current, patch);
  return current;
}

function mergeDocs(doc: JsonObject, patch: JsonObject): void {
  for (const key of Object.keys(patch)) {
    const value = patch[key] ?? null;
    if (value === null) {
      delete doc[key];
      continue;
    }
    const current = hasKey(doc, key) ? (doc[key] ?? null) : null;
    setKey(doc, key, current === null ? pruneNulls(value) : mergeValue(current, value));
  }
}

/**
 * Applies a JSON merge patch to `target` and returns the result.
 *
 * Never mutates `target` or `patch` (frozen inputs are fine); the result shares nothing with them.
 * Throws a {@link PatchError} 400 `Invalid JSON Patch` when the patch is `null` or a bare scalar, as
 * kube-apiserver does. A patch that is a list replaces the whole document (its null elements dropped);
 * the API server then fails to decode that, which is the caller's concern.
 */
export function applyMergePatch(target: unknown, patch: unknown): JsonValue {
  const patchCopy = cloneJson(patch);
  if (patchCopy === null || (!isJsonObject(patchCopy) && !Array.isArray(patchCopy))) {
    throw badRequest(INVALID_JSON_PATCH);
  }
  if (Array.isArray(patchCopy)) return pruneNulls(patchCopy);
  const doc = cloneJson(target);
  if (!isJsonObject(doc)) return pruneNulls(patchCopy);
  mergeDocs(doc, patchCopy);
  return doc;
}

function diffObjects(original: JsonObject, modified: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of Object.keys(modified)) {
    const after = modified[key] ?? null;
    if (!hasKey(original, key)) {
      setKey(patch, key, after);
      continue;
    }
    const before = original[key] ?? null;
    if (goTypeOf(before) !== goTypeOf(after) && !(typeof before === 'number' && typeof after === 'number')) {
      setKey(patch, key, after);
    } else if (isJsonObject(before) && isJsonObject(after)) {
      const nested = diffObjects(before, after);
      if (Object.keys(nested).length > 0) setKey(patch, key, nested);
    } else if (!jsonEqual(before, after)) {
      setKey(patch, key, after);
    }
  }
  for (const key of Object.keys(original)) {
    if (!hasKey(modified, key)) setKey(patch, key, null);
  }
  return patch;
}

/**
 * The JSON merge patch that turns `original` into `modified` (evanphx `CreateMergePatch`, used by
 * kubectl label / annotate): changed and added members as in `modified`, removed members as null, lists
 * whole. An empty object means "no change". Never mutates its inputs.
 */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  const before = cloneJson(original);
  const after = cloneJson(modified);
  return diffObjects(isJsonObject(before) ? before : {}, isJsonObject(after) ? after : {});
}
