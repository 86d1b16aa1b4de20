/**
 * Computing strategic merge patches from two objects (upstream `diffMaps` / `diffLists`), the building
 * block of kubectl's two- and three-way patches. What a diff emits:
 *
 * - a changed or added field: its new value; a removed field: null (unless deletions are ignored);
 * - a map: the recursive diff; a map field tagged `replace`: the whole new value, always;
 * - a merge list of maps: changed/added elements (changed ones trimmed to their diff plus merge key),
 *   then `{<key>: v, $patch: delete}` for removed ones, plus `$setElementOrder/<f>` listing the new order;
 * - a merge list of scalars: added scalars, `$deleteFromPrimitiveList/<f>` for removed ones and
 *   `$setElementOrder/<f>`;
 * - any other list: the whole new list when it differs;
 * - `$retainKeys` (sorted) under fields tagged retainKeys, when anything changed there.
 */
import type { JsonValue } from '../types.ts';
import { goStringCompare, goTypeOf, goValueString } from './go-format.ts';
import { hasKey, isJsonObject, jsonEqual, setKey, type JsonObject } from './json-value.ts';
import { deduplicateScalars, normalizeSliceOrder, sortMapsByField, sortScalars } from './list-order.ts';
import { internalError } from './patch-error.ts';
import { fieldMeta, type StructMeta } from './patch-meta.ts';
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  errNoListOfLists,
  mergeKeyValue,
  mergeKeyValueEqual,
  sliceElementType,
} from './strategic-common.ts';

export interface DiffOptions {
  /** Emit `$setElementOrder/<f>` lists. */
  readonly setElementOrder?: boolean;
  readonly ignoreChangesAndAdditions?: boolean;
  readonly ignoreDeletions?: boolean;
  /** Set while diffing inside a field tagged retainKeys. */
  readonly buildRetainKeysDirective?: boolean;
}

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.keys(original).some((key) => original[key] !== null && !hasKey(modified, key));
}

/**
 * The patch that turns `original` into `modified` under `options`. Both maps must be private copies:
 * like upstream, diffing a merge list of scalars sorts the original list in place (which is why an
 * unchanged but unsorted `finalizers` list still yields a `$setElementOrder`, as with kubectl).
 */
export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  schema: StructMeta | undefined,
  options: DiffOptions,
): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: JsonValue[] = [];
  for (const key of Object.keys(modified)) {
    const after = modified[key] ?? null;
    if (options.buildRetainKeysDirective && after !== null) retainKeys.push(key);
    if (!hasKey(original, key)) {
      if (!options.ignoreChangesAndAdditions) setKey(patch, key, after);
      continue;
    }
    const before = original[key] ?? null;
    if (key === DIRECTIVE_MARKER) {
      if (typeof before !== 'string' || typeof after !== 'string') {
        throw internalError(`invalid value for special key: ${DIRECTIVE_MARKER}`);
      }
      if (before !== after) setKey(patch, key, after);
      continue;
    }
    if (goTypeOf(before) !== goTypeOf(after)) {
      if (!options.ignoreChangesAndAdditions) setKey(patch, key, after);
      continue;
    }
    if (isJsonObject(before) && isJsonObject(after)) diffMapField(key, before, after, patch, schema, options);
    else if (Array.isArray(before) && Array.isArray(after))
      diffListField(key, before, after, patch, schema, options);
    else if (!options.ignoreChangesAndAdditions && !jsonEqual(before, after)) setKey(patch, key, after);
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) {
      if (!hasKey(modified, key)) setKey(patch, key, null);
    }
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    setKey(patch, RETAIN_KEYS_DIRECTIVE, sortScalars(retainKeys));
  }
  return patch;
}

function diffMapField(
  key: string,
  before: JsonObject,
  after: JsonObject,
  patch: JsonObject,
  schema: StructMeta | undefined,
  options: DiffOptions,
): void {
  const meta = fieldMeta(schema, key);
  if (meta.strategy === REPLACE_DIRECTIVE) {
    if (!options.ignoreChangesAndAdditions) setKey(patch, key, after);
    return;
  }
  const nested = diffMaps(before, after, meta.type, {
    ...options,
    buildRetainKeysDirective: meta.retainKeys === true,
  });
  if (Object.keys(nested).length > 0) setKey(patch, key, nested);
}

function diffListField(
  key: string,
  before: JsonValue[],
  after: JsonValue[],
  patch: JsonObject,
  schema: StructMeta | undefined,
  options: DiffOptions,
): void {
  const meta = fieldMeta(schema, key);
  if (meta.strategy !== MERGE_DIRECTIVE) {
    if (!options.ignoreChangesAndAdditions && !jsonEqual(before, after)) setKey(patch, key, after);
    return;
  }
  const listOptions = { ...options, buildRetainKeysDirective: meta.retainKeys === true };
  const { add, remove, order } = diffLists(before, after, meta.type, meta.mergeKey ?? '', listOptions);
  if (add.length > 0) setKey(patch, key, add);
  if (remove.length > 0) setKey(patch, `${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`, remove);
  if (order.length > 0) setKey(patch, `${SET_ELEMENT_ORDER_PREFIX}/${key}`, order);
}

interface ListDiff {
  add: JsonValue[];
  remove: JsonValue[];
  order: JsonValue[];
}

function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  schema: StructMeta | undefined,
  mergeKey: string,
  options: DiffOptions,
): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return { add: [], remove: [], order: [] };
    return { add: modified, remove: [], order: [] };
  }
  const kind = sliceElementType(original, modified);
  if (kind === 'slice') throw errNoListOfLists();
  if (kind === 'map') {
    const { patch, deletions } = diffListsOfMaps(original, modified, schema, mergeKey, options);
    const add = [...normalizeSliceOrder(patch, modified, mergeKey, kind), ...deletions];
    const orderSame =
      original.length === modified.length &&
      modified.every((item, i) => mergeKeyValueEqual(original[i], item, mergeKey));
    const wantOrder =
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (add.length > 0 || !orderSame)) ||
        (!options.ignoreDeletions && add.length > 0));
    const order = wantOrder ? modified.map((item) => ({ [mergeKey]: mergeKeyValue(item, mergeKey) })) : [];
    return { add, remove: [], order };
  }
  const { add, remove } = diffListsOfScalars(original, modified, options);
  // `original` is sorted in place by now, as upstream's is: the equality below compares it sorted.
  const wantOrder =
    options.setElementOrder &&
    ((!options.ignoreDeletions && remove.length > 0) ||
      (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)));
  return {
    add: normalizeSliceOrder(add, modified, mergeKey, kind),
    remove,
    order: wantOrder ? modified : [],
  };
}

/** Walks both lists sorted by `%v` text: equal texts match, the smaller text was added or removed. */
function diffListsOfScalars(
  original: JsonValue[],
  modified: JsonValue[],
  options: DiffOptions,
): { add: JsonValue[]; remove: JsonValue[] } {
  const before = sortScalars(original);
  const after = sortScalars([...modified]);
  const add: JsonValue[] = [];
  const remove: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const left = before[i] ?? null;
    const right = after[j] ?? null;
    const cmp =
      i >= before.length
        ? 1
        : j >= after.length
          ? -1
          : goStringCompare(goValueString(left), goValueString(right));
    if (cmp === 0) {
      i++;
      j++;
    } else if (cmp < 0) {
      if (!options.ignoreDeletions) remove.push(left);
      i++;
    } else {
      if (!options.ignoreChangesAndAdditions) add.push(right);
      j++;
    }
  }
  return { add, remove: deduplicateScalars(remove) };
}

function diffListsOfMaps(
  original: JsonValue[],
  modified: JsonValue[],
  schema: StructMeta | undefined,
  mergeKey: string,
  options: DiffOptions,
): { patch: JsonValue[]; deletions: JsonValue[] } {
  const before = sortMapsByField(original, mergeKey);
  const after = sortMapsByField(modified, mergeKey);
  const patch: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const left = i < before.length ? before[i] : undefined;
    const right = j < after.length ? after[j] : undefined;
    const leftKey = left === undefined ? null : mergeKeyValue(left, mergeKey);
    const rightKey = right === undefined ? null : mergeKeyValue(right, mergeKey);
    const cmp =
      left === undefined
        ? 1
        : right === undefined
          ? -1
          : goStringCompare(goValueString(leftKey), goValueString(rightKey));
    if (cmp === 0) {
      const nested = diffMaps(left as JsonObject, right as JsonObject, schema, options);
      if (Object.keys(nested).length > 0) {
        setKey(nested, mergeKey, rightKey);
        patch.push(nested);
      }
      i++;
      j++;
    } else if (cmp > 0) {
      if (!options.ignoreChangesAndAdditions) patch.push(right ?? null);
      j++;
    } else {
      if (!options.ignoreDeletions)
        deletions.push({ [mergeKey]: leftKey, [DIRECTIVE_MARKER]: DELETE_DIRECTIVE });
      i++;
    }
  }
  return { patch, deletions };
}
