/**
 * Test helpers for the patch functions: deep-frozen copies (the store deep-freezes what it hands out)
 * and a catcher that returns the thrown PatchError.
 */
import { PatchError } from './patch-error.ts';
import type { FieldMeta, StructMeta } from './patch-meta.ts';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** A deep-frozen deep copy: feed this to a patch function and compare with `original` afterwards. */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

/** Runs `fn`, expecting a PatchError, and returns it. */
export function catchPatchError(fn: () => unknown): PatchError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PatchError) return err;
    throw err;
  }
  throw new Error('expected a PatchError, got none');
}

/**
 * The `MergeItem` struct of upstream strategicpatch/patch_test.go, whose test cases are ported here:
 * every kind of list and map tag on one recursive type.
 */
function mergeItemSchema(): { mergeItem: StructMeta; retainKeysMergeItem: StructMeta } {
  const mergeItemFields: Record<string, FieldMeta> = {};
  const mergeItem: StructMeta = { name: 'MergeItem', fields: mergeItemFields };
  const retainKeysMergeItem: StructMeta = {
    name: 'RetainKeysMergeItem',
    fields: {
      mergingIntList: { strategy: 'merge' },
      mergingList: { strategy: 'merge', mergeKey: 'name', type: mergeItem },
      nonMergingList: { type: mergeItem },
    },
  };
  Object.assign(mergeItemFields, {
    mergingList: { strategy: 'merge', mergeKey: 'name', type: mergeItem },
    nonMergingList: { type: mergeItem },
    mergingIntList: { strategy: 'merge' },
    nonMergingIntList: {},
    mergeItemPtr: { strategy: 'merge', mergeKey: 'name', type: mergeItem },
    simpleMap: {},
    replacingItem: { strategy: 'replace' },
    retainKeysMap: { retainKeys: true, type: retainKeysMergeItem },
    retainKeysMergingList: { strategy: 'merge', retainKeys: true, mergeKey: 'name', type: mergeItem },
  } satisfies Record<string, FieldMeta>);
  return { mergeItem, retainKeysMergeItem };
}

export const MERGE_ITEM = mergeItemSchema().mergeItem;
