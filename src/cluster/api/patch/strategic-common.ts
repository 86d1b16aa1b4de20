/**
 * Vocabulary shared by applying and computing strategic merge patches: the directive names, the
 * mergepatch errors with the status kube-apiserver gives each (interpretStrategicMergePatchError), and
 * the small list helpers both sides use.
 */
import type { JsonValue } from '../types.ts';
import { goTypeName, goTypeOf, goValueString, type GoType } from './go-format.ts';
import { hasKey, isJsonObject, type JsonObject } from './json-value.ts';
import { badRequest, internalError, unprocessable, type PatchError } from './patch-error.ts';

export const DIRECTIVE_MARKER = '$patch';
export const DELETE_DIRECTIVE = 'delete';
export const REPLACE_DIRECTIVE = 'replace';
export const MERGE_DIRECTIVE = 'merge';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';

// mergepatch's sentinel errors: the API server answers the first group 400, the second 422, the rest 500.
export const errBadPatchFormatForPrimitiveList = (): PatchError =>
  badRequest('invalid patch format of primitive list');
export const errBadPatchFormatForRetainKeys = (): PatchError =>
  badRequest('invalid patch format of retainKeys');
export const errBadPatchFormatForSetElementOrderList = (): PatchError =>
  badRequest('invalid patch format of setElementOrder list');
export const errNoListOfLists = (): PatchError => unprocessable('lists of lists are not supported');

export const errNoMergeKey = (map: unknown, mergeKey: string): PatchError =>
  internalError(`map: ${goValueString(map)} does not contain declared merge key: ${mergeKey}`);
/** ErrBadArgType as called with a typed nil of the expected type. */
export const errBadArgType = (expected: 'map' | 'slice', actual: unknown): PatchError =>
  internalError(
    `expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeName(actual)}`,
  );
export const errBadPatchType = (directive: unknown, map: JsonObject): PatchError =>
  internalError(
    `unknown patch type: ${typeof directive === 'string' ? directive : goValueString(directive)} in map: ${goValueString(map)}`,
  );

/** The common type of all elements of the lists (Go's `sliceElementType`). */
export function sliceElementType(...lists: readonly (readonly JsonValue[])[]): GoType {
  let prev: GoType | undefined;
  for (const list of lists) {
    for (const item of list) {
      const type = goTypeOf(item);
      if (prev === undefined) {
        prev = type;
        if (type === 'slice') throw errNoListOfLists();
      } else if (prev !== type) {
        throw internalError(`list element types are not identical: ${goValueString(lists)}`);
      }
    }
  }
  if (prev === undefined) throw internalError('no elements in any of the given slices');
  return prev;
}

export function asMap(item: JsonValue | undefined): JsonObject {
  if (!isJsonObject(item)) throw errBadArgType('map', item);
  return item;
}

/** The merge key value of a list element; throws the Go error when the element lacks it. */
export function mergeKeyValue(item: JsonValue | undefined, mergeKey: string): JsonValue {
  const map = asMap(item);
  if (!hasKey(map, mergeKey)) throw errNoMergeKey(map, mergeKey);
  return map[mergeKey] ?? null;
}

/** Go's `==` on two decoded JSON scalars (maps and lists never compare equal here). */
export function scalarEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

export function mergeKeyValueEqual(
  left: JsonValue | undefined,
  right: JsonValue | undefined,
  mergeKey: string,
): boolean {
  if (mergeKey === '') return scalarEqual(left, right);
  return scalarEqual(mergeKeyValue(left, mergeKey), mergeKeyValue(right, mergeKey));
}

/** The first map in `list` whose `key` equals `value`. */
export function findMapByKey(
  list: readonly JsonValue[],
  key: string,
  value: JsonValue,
): { map: JsonObject; index: number } | null {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isJsonObject(item)) throw internalError(`value for key ${i} is not a map`);
    if (hasKey(item, key) && scalarEqual(item[key], value)) return { map: item, index: i };
  }
  return null;
}

/** Splits a list of maps into elements to keep and `$patch: delete` elements. */
export function extractToDeleteItems(list: readonly JsonValue[]): {
  keep: JsonValue[];
  toDelete: JsonValue[];
} {
  const keep: JsonValue[] = [];
  const toDelete: JsonValue[] = [];
  for (const item of list) {
    const map = asMap(item);
    if (hasKey(map, DIRECTIVE_MARKER) && map[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) toDelete.push(item);
    else keep.push(item);
  }
  return { keep, toDelete };
}

/**
 * Removes maps that carry a `$patch` directive, recursively, from a value being added as is
 * (upstream `removeDirectives`). Returns undefined when the value itself is such a map.
 */
export function removeDirectives(value: JsonValue): JsonValue | undefined {
  if (Array.isArray(value)) {
    const kept: JsonValue[] = [];
    for (const item of value) {
      const cleaned = removeDirectives(item);
      if (cleaned !== undefined) kept.push(cleaned);
    }
    return kept;
  }
  if (isJsonObject(value)) {
    if (hasKey(value, DIRECTIVE_MARKER)) return undefined;
    for (const key of Object.keys(value)) {
      const cleaned = removeDirectives(value[key] ?? null);
      if (cleaned === undefined) delete value[key];
      else value[key] = cleaned;
    }
  }
  return value;
}

/** Drops null members of maps, recursively through maps and lists (upstream `discardNullValuesFromPatch`). */
export function discardNullValues(value: JsonValue): void {
  if (Array.isArray(value)) {
    for (const item of value) discardNullValues(item);
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const item = value[key] ?? null;
      if (item === null) delete value[key];
      else discardNullValues(item);
    }
  }
}
