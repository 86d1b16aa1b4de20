/**
 * How strategic merge patch orders merged lists (design: "preserve order in strategic merge patch").
 * Precedence: `$setElementOrder` > order in the patch list > order in the live list. Items the patch
 * names are sorted by the patch order, server-only items keep their live order, then the two runs are
 * interleaved by live position. An item the live list lacks goes before the remaining server-only
 * items, so a patch that adds one list element without `$setElementOrder` puts it first:
 *
 *   live [a, b, c], patch [{d}]            -> [d, a, b, c]
 *   live [1, 2, 3], patch [3', 1']         -> [2, 3', 1']   (2 is before 3 live; 3 and 1 keep patch order)
 *
 * Lists of scalars are compared by `fmt.Sprintf("%v")`, the way upstream sorts them.
 */
import type { JsonValue } from '../types.ts';
import { goStringCompare, goValueString, type GoType } from './go-format.ts';
import { isJsonObject } from './json-value.ts';
import { extractToDeleteItems, findMapByKey, mergeKeyValue, scalarEqual } from './strategic-common.ts';

/** Position of `value` in `list`: by merge key for maps (a missing key counts as null), else by value. */
function indexIn(list: readonly JsonValue[], value: JsonValue, mergeKey: string, kind: GoType): number {
  const keyOf = (item: JsonValue | undefined): JsonValue =>
    kind === 'map' ? (isJsonObject(item) ? (item[mergeKey] ?? null) : null) : (item ?? null);
  const wanted = keyOf(value);
  return list.findIndex((item) => scalarEqual(keyOf(item), wanted));
}

/** Go's insertion sort (what sort.SliceStable does on short lists), kept exact for non-strict `less`. */
function insertionSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  for (let i = 1; i < items.length; i++) {
    for (let j = i; j > 0 && less(items[j] as T, items[j - 1] as T); j--) {
      const tmp = items[j] as T;
      items[j] = items[j - 1] as T;
      items[j - 1] = tmp;
    }
  }
  return items;
}

/** Sorts scalars by their `%v` text (upstream `sortScalars`), in place. */
export function sortScalars(list: JsonValue[]): JsonValue[] {
  const keyed = list.map((item) => ({ item, text: goValueString(item) }));
  keyed.sort((a, b) => goStringCompare(a.text, b.text));
  keyed.forEach((entry, i) => (list[i] = entry.item));
  return list;
}

/** Sorts maps by the `%v` text of their merge key (upstream `sortMapsBasedOnField`). */
export function sortMapsByField(list: readonly JsonValue[], field: string): JsonValue[] {
  const text = (item: JsonValue): string => goValueString(isJsonObject(item) ? item[field] : null);
  return [...list].sort((a, b) => goStringCompare(text(a), text(b)));
}

/** Upstream `deduplicateScalars`, including how it reorders (later duplicates swap with the tail). */
export function deduplicateScalars(input: readonly JsonValue[]): JsonValue[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (scalarEqual(s[i], s[j])) {
        s[j] = s[length] ?? null;
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** Sorts `toSort` by position in `order`; `$patch: delete` maps go last. */
export function normalizeSliceOrder(
  toSort: readonly JsonValue[],
  order: readonly JsonValue[],
  mergeKey: string,
  kind: GoType,
): JsonValue[] {
  let items = [...toSort];
  let toDelete: JsonValue[] = [];
  if (kind === 'map') {
    for (const item of [...toSort, ...order]) mergeKeyValue(item, mergeKey);
    ({ keep: items, toDelete } = extractToDeleteItems(items));
  }
  insertionSort(items, (a, b) => {
    const ia = indexIn(order, a, mergeKey, kind);
    const ib = indexIn(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  });
  return [...items, ...toDelete];
}

/** Interleaves server-only items (`left`) into patch items (`right`) by their live positions. */
function mergeSortedSlice(
  left: readonly JsonValue[],
  right: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string,
  kind: GoType,
): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++] ?? null);
    else if (j >= right.length) out.push(left[i++] ?? null);
    else {
      const li = indexIn(serverOrder, left[i] ?? null, mergeKey, kind);
      const ri = indexIn(serverOrder, right[j] ?? null, mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++] ?? null);
      else out.push(right[j++] ?? null);
    }
  }
  return out;
}

/** Orders a merged list: patch items by `patchOrder`, server-only items by `serverOrder`, interleaved. */
export function normalizeElementOrder(
  patchItems: readonly JsonValue[],
  serverOnly: readonly JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string,
  kind: GoType,
): JsonValue[] {
  const patchSorted = normalizeSliceOrder(patchItems, patchOrder, mergeKey, kind);
  const serverSorted = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(serverSorted, patchSorted, serverOrder, mergeKey, kind);
}

/** Splits `list` into items present in `by` (by merge key for maps, by value for scalars) and the rest. */
export function partitionByPresence(
  list: readonly JsonValue[],
  by: readonly JsonValue[],
  mergeKey: string,
): { present: JsonValue[]; rest: JsonValue[] } {
  const present: JsonValue[] = [];
  const rest: JsonValue[] = [];
  for (const item of list) {
    const found =
      mergeKey === ''
        ? by.some((other) => scalarEqual(other, item))
        : findMapByKey(by, mergeKey, mergeKeyValue(item, mergeKey)) !== null;
    (found ? present : rest).push(item);
  }
  return { present, rest };
}
