/**
 * Applying a strategic merge patch (`application/strategic-merge-patch+json`) the way kube-apiserver
 * does, following k8s.io/apimachinery/pkg/util/strategicpatch `StrategicMergeMapPatch` (1.32).
 *
 * Worked example, a Pod (containers merge by name, tolerations are untagged):
 *
 *   live   spec: { containers: [{name: a, image: x}, {name: b, image: y}], tolerations: [t1] }
 *   patch  spec: { containers: [{name: b, image: z}, {name: c, $patch: delete}], tolerations: [t2],
 *                  $setElementOrder/containers: [{name: b}, {name: a}] }
 *   result spec: { containers: [{name: b, image: z}, {name: a, image: x}], tolerations: [t2] }
 *
 * Directives: `$patch: replace` on a map uses the patch map as is; `$patch: delete` on a map makes it
 * `{}`; a list element `{$patch: replace}` replaces the whole list with the other elements;
 * `{<key>: v, $patch: delete}` removes matching elements; `$patch: merge` is refused, as upstream does.
 * `$retainKeys: [...]` clears fields missing from it; `$deleteFromPrimitiveList/<f>` removes scalars;
 * `$setElementOrder/<f>` fixes the order (see list-order.ts).
 *
 * The same `mergeMap` also merges the two halves of a three-way patch on the client (three-way.ts) with
 * the parallel-list options off, exactly as upstream shares it.
 */
import type { JsonValue } from '../types.ts';
import { goTypeOf, goValueString } from './go-format.ts';
import {
  cloneJson,
  hasKey,
  isJsonObject,
  jsonEqual,
  jsonKindWord,
  setKey,
  type JsonObject,
} from './json-value.ts';
import { BackingArray } from './backing-array.ts';
import { deduplicateScalars, normalizeElementOrder, partitionByPresence } from './list-order.ts';
import { badRequest, internalError } from './patch-error.ts';
import { fieldMeta, type StructMeta } from './patch-meta.ts';
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  asMap,
  discardNullValues,
  errBadArgType,
  errBadPatchFormatForPrimitiveList,
  errBadPatchFormatForRetainKeys,
  errBadPatchFormatForSetElementOrderList,
  errBadPatchType,
  errNoMergeKey,
  extractToDeleteItems,
  findMapByKey,
  mergeKeyValueEqual,
  removeDirectives,
  sliceElementType,
} from './strategic-common.ts';

export interface MergeOptions {
  /** Apply `$deleteFromPrimitiveList`, `$retainKeys` and `$setElementOrder` (server side) instead of carrying them. */
  readonly mergeParallelList: boolean;
  /** Drop nulls the original has nothing for (server side) instead of keeping them (merging two patches). */
  readonly ignoreUnmatchedNulls: boolean;
}

const SERVER: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/** The part after `<prefix>/` of a directive key. */
function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX
      ? errBadPatchFormatForPrimitiveList()
      : errBadPatchFormatForSetElementOrderList();
  }
  return key.slice(slash + 1);
}

function handleDirectiveInMergeMap(directive: JsonValue | undefined, patch: JsonObject): JsonObject {
  if (directive === REPLACE_DIRECTIVE) {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === DELETE_DIRECTIVE) return {};
  throw errBadPatchType(directive, patch);
}

function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!hasKey(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retainKeys = patch[RETAIN_KEYS_DIRECTIVE] ?? null;
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!options.mergeParallelList) {
    // Merging two patches: both halves must agree, and the merged patch keeps the directive.
    if (hasKey(original, RETAIN_KEYS_DIRECTIVE)) {
      const other = original[RETAIN_KEYS_DIRECTIVE];
      if (!jsonEqual(other, retainKeys)) {
        throw internalError(
          `${goValueString(other)} and ${goValueString(retainKeys)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        );
      }
    } else {
      setKey(original, RETAIN_KEYS_DIRECTIVE, retainKeys);
    }
    return;
  }
  if (!Array.isArray(retainKeys)) throw errBadPatchFormatForRetainKeys();
  const keep = new Set<JsonValue>(retainKeys);
  for (const key of Object.keys(patch)) {
    if (
      patch[key] === null ||
      key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) ||
      key.startsWith(SET_ELEMENT_ORDER_PREFIX)
    ) {
      continue;
    }
    if (!keep.has(key)) throw errBadPatchFormatForRetainKeys();
  }
  for (const key of Object.keys(original)) {
    if (!keep.has(key)) delete original[key];
  }
}

/** Checks that the patch list's elements appear in the `$setElementOrder` list, in the same order. */
function validatePatchWithSetOrderList(
  patchList: JsonValue,
  setOrderList: JsonValue,
  mergeKey: string,
): void {
  if (!Array.isArray(setOrderList) || !Array.isArray(patchList))
    throw errBadPatchFormatForSetElementOrderList();
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey !== '' ? extractToDeleteItems(patchList).keep : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrderList.length) {
    const item = nonDelete[p] ?? null;
    if (isJsonObject(item) && hasKey(item, DIRECTIVE_MARKER)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, setOrderList[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrderList.length) {
    throw internalError(
      `the order in patch list:\n${goValueString(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goValueString(setOrderList)}`,
    );
  }
}

/** Handles every `$setElementOrder/<f>` of `patch` together with list `<f>`, then drops both from `patch`. */
function mergePatchIntoOriginal(
  original: JsonObject,
  patch: JsonObject,
  schema: StructMeta | undefined,
  options: MergeOptions,
): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const order = patch[key] ?? null;
    if (!options.mergeParallelList) {
      if (hasKey(original, key)) {
        if (!jsonEqual(original[key], order)) throw errBadPatchFormatForSetElementOrderList();
      } else {
        setKey(original, key, order);
      }
    }
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType('slice', order);
    const field = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = hasKey(original, field);
    const foundPatch = hasKey(patch, field);
    const originalList = foundOriginal ? (original[field] ?? null) : [];
    const patchList = foundPatch ? (patch[field] ?? null) : [];
    if (!Array.isArray(originalList)) throw errBadArgType('slice', originalList);
    if (!Array.isArray(patchList)) throw errBadArgType('slice', patchList);
    const meta = fieldMeta(schema, field);
    const mergeKey = meta.mergeKey ?? '';
    validatePatchWithSetOrderList(patchList, order, mergeKey);

    let merged: SliceMerge;
    if (foundOriginal && !foundPatch) merged = { list: originalList, serverView: originalList };
    else if (!foundOriginal && foundPatch)
      merged = {
        list: (removeDirectives(patchList) as JsonValue[] | undefined) ?? [],
        serverView: originalList,
      };
    else if (foundOriginal && foundPatch)
      merged = mergeSliceHandler(originalList, patchList, meta.type, meta.strategy, mergeKey, false, options);
    else continue;

    const { present, rest } = partitionByPresence(merged.list, order, mergeKey);
    const kind = sliceElementType(originalList, patchList);
    setKey(original, field, normalizeElementOrder(present, rest, order, merged.serverView, mergeKey, kind));
    delete patch[field];
  }
}

/**
 * Merges `patch` into `original` in place and returns the result (which may be a different map when a
 * `$patch` directive says so). Both must be private copies.
 */
export function mergeMap(
  original: JsonObject | null,
  patch: JsonObject,
  schema: StructMeta | undefined,
  options: MergeOptions,
): JsonObject {
  if (hasKey(patch, DIRECTIVE_MARKER)) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  const target = original ?? {};
  applyRetainKeysDirective(target, patch, options);
  mergePatchIntoOriginal(target, patch, schema, options);

  for (const patchKey of Object.keys(patch)) {
    const patchValue = patch[patchKey] ?? null;
    let key = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!options.mergeParallelList) {
        setKey(target, patchKey, patchValue);
        continue;
      }
      key = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      isDeleteList = true;
    }
    if (patchValue === null) {
      delete target[key];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!hasKey(target, key) || goTypeOf(target[key]) !== goTypeOf(patchValue)) {
      if (!isDeleteList) {
        if (options.ignoreUnmatchedNulls) discardNullValues(patchValue);
        const cleaned = removeDirectives(patchValue);
        if (cleaned === undefined) delete target[key];
        else setKey(target, key, cleaned);
      }
      continue;
    }
    const current = target[key] ?? null;
    const meta = fieldMeta(schema, key);
    if (isJsonObject(current)) {
      setKey(
        target,
        key,
        meta.strategy === REPLACE_DIRECTIVE
          ? asMap(patchValue)
          : mergeMap(current, asMap(patchValue), meta.type, options),
      );
    } else if (Array.isArray(current)) {
      const merged = mergeSliceHandler(
        current,
        patchValue as JsonValue[],
        meta.type,
        meta.strategy,
        meta.mergeKey ?? '',
        isDeleteList,
        options,
      );
      setKey(target, key, merged.list);
    } else {
      setKey(target, key, patchValue);
    }
  }
  return target;
}

/** A merged list, and how the live list reads afterwards (see backing-array.ts). */
interface SliceMerge {
  readonly list: JsonValue[];
  readonly serverView: readonly JsonValue[];
}

function mergeSliceHandler(
  original: JsonValue[],
  patch: JsonValue[],
  schema: StructMeta | undefined,
  strategy: string | undefined,
  mergeKey: string,
  isDeleteList: boolean,
  options: MergeOptions,
): SliceMerge {
  // Deletion lists apply whatever the field's strategy is.
  if (strategy === MERGE_DIRECTIVE || isDeleteList)
    return mergeSlice(original, patch, schema, mergeKey, options, isDeleteList);
  return { list: patch, serverView: original };
}

function mergeSlice(
  original: JsonValue[],
  patchIn: JsonValue[],
  schema: StructMeta | undefined,
  mergeKey: string,
  options: MergeOptions,
  isDeleteList: boolean,
): SliceMerge {
  if (original.length === 0 && patchIn.length === 0) return { list: original, serverView: original };
  const kind = sliceElementType(original, patchIn);
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) {
      return {
        list: original.filter((item) => !patchIn.some((gone) => gone === item)),
        serverView: original,
      };
    }
    const merged = deduplicateScalars([...original, ...patchIn]);
    const { present, rest } = partitionByPresence(merged, patchIn, mergeKey);
    return {
      list: normalizeElementOrder(present, rest, patchIn, original, mergeKey, kind),
      serverView: original,
    };
  }
  if (mergeKey === '') throw internalError(`cannot merge lists without merge key for ${schema?.name ?? ''}`);

  // Special elements first: deletions shrink the live list, a `$patch: replace` element discards it.
  const backing = new BackingArray(original);
  const plain: JsonValue[] = [];
  let replace = false;
  for (const item of patchIn) {
    const map = asMap(item);
    if (!hasKey(map, DIRECTIVE_MARKER)) {
      plain.push(item);
      continue;
    }
    const directive = map[DIRECTIVE_MARKER];
    if (directive === DELETE_DIRECTIVE) {
      if (!hasKey(map, mergeKey)) throw errNoMergeKey(map, mergeKey);
      for (let found = findMapByKey(backing.list, mergeKey, map[mergeKey] ?? null); found; ) {
        backing.removeAt(found.index);
        found = findMapByKey(backing.list, mergeKey, map[mergeKey] ?? null);
      }
    } else if (directive === REPLACE_DIRECTIVE) {
      replace = true;
    } else if (directive === MERGE_DIRECTIVE) {
      throw internalError('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, map);
    }
  }
  const base = replace ? plain : [...backing.list];
  const patch = replace ? [] : plain;
  const target = replace ? new BackingArray(plain) : backing;
  for (const item of patch) {
    const map = asMap(item);
    if (!hasKey(map, mergeKey)) throw errNoMergeKey(map, mergeKey);
    const found = findMapByKey(target.list, mergeKey, map[mergeKey] ?? null);
    if (found) target.set(found.index, mergeMap(found.map, map, schema, options));
    else target.push(item);
  }
  const { present, rest } = partitionByPresence(target.list, patch, mergeKey);
  return {
    list: normalizeElementOrder(present, rest, patch, base, mergeKey, kind),
    serverView: backing.view,
  };
}

/**
 * Applies a strategic merge patch to `original` (a whole object, as the API server holds it) and returns
 * the merged object.
 *
 * `meta` is the kind's table from {@link patchMetaFor}; undefined means no field is tagged (every list
 * replaced, every map merged). Never mutates `original` or `patch` (frozen inputs are fine); the result
 * shares nothing with them. Throws {@link PatchError} with kube-apiserver's status and message: 400 for a
 * body that is not a JSON object and for malformed directives, 422 for lists of lists, 500 (the plain
 * message) for everything else upstream returns as a bare Go error, such as a missing merge key
 * (`map: map[image:nginx] does not contain declared merge key: name`). A `null` patch changes nothing.
 */
export function applyStrategicMergePatch(
  original: unknown,
  patch: unknown,
  meta: StructMeta | undefined,
): JsonObject {
  if (patch !== null && patch !== undefined && !isJsonObject(patch)) {
    throw badRequest(
      `json: cannot unmarshal ${jsonKindWord(patch)} into Go value of type map[string]interface {}`,
    );
  }
  const target = cloneJson(original);
  const base = isJsonObject(target) ? target : {};
  if (patch === null || patch === undefined) return base;
  return mergeMap(base, cloneJson(patch) as JsonObject, meta, SERVER);
}
