/**
 * RFC 6902 JSON Patch (`application/json-patch+json`) as kube-apiserver applies it: through
 * gopkg.in/evanphx/json-patch.v4 (v4.12.0), quirks included, because `kubectl patch --type json` users
 * see exactly those:
 *
 * - `replace` of a missing object member succeeds and adds it (v4 only checks that the parent exists);
 * - `test` of a missing member passes when the expected value is null;
 * - `copy` from a missing object member adds null;
 * - array indices may be negative (counted from the end); `-` appends for `add` only;
 * - a path is split on `/` and its first segment ignored, so `spec/x` means `/x`;
 * - `replace` of the whole document (`""`) with a non-container value silently does nothing.
 *
 * When an operation fails kube-apiserver answers 422 with only the generic text
 * `the server rejected our request due to an error in our request`; the library's reason (for example
 * `testing value /spec/replicas failed: test failed`) is kept in {@link PatchError.detail}. A body that is
 * not a list of operations is a 400 with Go's decoding error.
 */
import type { JsonValue } from '../types.ts';
import { goAtoi } from './go-format.ts';
import {
  cloneJson,
  hasKey,
  isJsonObject,
  jsonEqual,
  jsonKindWord,
  setKey,
  type JsonObject,
} from './json-value.ts';
import { badRequest, entityTooLarge, unprocessable } from './patch-error.ts';

/** kube-apiserver's cap on the number of operations in one JSON patch. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

export type JsonPatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: JsonValue }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

type Container = { kind: 'doc'; obj: JsonObject } | { kind: 'ary'; arr: JsonValue[] };
type Op = Record<string, unknown>;

/** Thrown inside this file with evanphx's wording; turned into a 422 PatchError at the boundary. */
class OpFailure extends Error {}

const fail = (message: string): never => {
  throw new OpFailure(message);
};

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

function decodePatchKey(key: string): string {
  return key.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

function asContainer(value: JsonValue | undefined): Container | null {
  if (Array.isArray(value)) return { kind: 'ary', arr: value };
  if (isJsonObject(value)) return { kind: 'doc', obj: value };
  return null;
}

/** Index lookup shared by get/remove; returns the normalized index or an error text. */
function arrayIndex(arr: JsonValue[], key: string, size = arr.length): number | string {
  const parsed = goAtoi(key);
  if ('error' in parsed) return parsed.error;
  let idx = parsed.value;
  if (idx >= size) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
  if (idx < 0) {
    if (idx < -size) return `Unable to access invalid index: ${idx}: ${INVALID_INDEX}`;
    idx += size;
  }
  return idx;
}

/** Returns the member (undefined when an object lacks it) or an error text for arrays. */
function get(con: Container, key: string): { value: JsonValue | undefined } | { error: string } {
  if (con.kind === 'doc') return { value: hasKey(con.obj, key) ? con.obj[key] : undefined };
  const idx = arrayIndex(con.arr, key);
  return typeof idx === 'string' ? { error: idx } : { value: con.arr[idx] };
}

function add(con: Container, key: string, value: JsonValue): string | null {
  if (con.kind === 'doc') {
    setKey(con.obj, key, value);
    return null;
  }
  if (key === '-') {
    con.arr.push(value);
    return null;
  }
  const parsed = goAtoi(key);
  if ('error' in parsed) return `value was not a proper array index: '${key}': ${parsed.error}`;
  const idx = arrayIndex(con.arr, key, con.arr.length + 1);
  if (typeof idx === 'string') return idx;
  con.arr.splice(idx, 0, value);
  return null;
}

function remove(con: Container, key: string): string | null {
  if (con.kind === 'doc') {
    if (!hasKey(con.obj, key)) return `Unable to remove nonexistent key: ${key}: ${MISSING}`;
    delete con.obj[key];
    return null;
  }
  const idx = arrayIndex(con.arr, key);
  if (typeof idx === 'string') return idx;
  con.arr.splice(idx, 1);
  return null;
}

function findObject(root: Container, path: string): { con: Container; key: string } | null {
  const split = path.split('/');
  if (split.length < 2) return null;
  let con: Container | null = root;
  for (const part of split.slice(1, -1)) {
    const next = get(con, decodePatchKey(part));
    if ('error' in next || next.value === undefined || next.value === null) return null;
    con = asContainer(next.value);
    if (con === null) return null;
  }
  return { con, key: decodePatchKey(split[split.length - 1] ?? '') };
}

/** evanphx reads `path`/`from` lazily: absent or null is "missing", a non-string is a decode error. */
function stringField(op: Op, field: 'path' | 'from'): { value: string } | { error: string } {
  const raw = op[field];
  if (raw === undefined || raw === null) {
    return {
      error:
        field === 'path'
          ? `operation missing path field: ${MISSING}`
          : `operation, missing from field: ${MISSING}`,
    };
  }
  if (typeof raw !== 'string')
    return { error: `json: cannot unmarshal ${jsonKindWord(raw)} into Go value of type string` };
  return { value: raw };
}

function pathOf(op: Op, kind: string, wrapMissing: boolean): string {
  const path = stringField(op, 'path');
  if ('error' in path)
    return fail(`${kind} operation failed to decode path: ${wrapMissing ? MISSING : path.error}`);
  return path.value;
}

function fromOf(op: Op, kind: string): string {
  const from = stringField(op, 'from');
  if ('error' in from) return fail(`${kind} operation failed to decode from: ${from.error}`);
  return from.value;
}

/** The op's value: absent counts as null, as evanphx's lazy node does when it is written. */
function valueOf(op: Op): JsonValue {
  return cloneJson(op['value']);
}

function applyOp(state: { doc: Container }, op: Op): void {
  const kind = typeof op['op'] === 'string' ? op['op'] : 'unknown';
  const root = state.doc;
  switch (kind) {
    case 'add': {
      const path = pathOf(op, 'add', true);
      const at =
        findObject(root, path) ??
        fail(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      const err = add(at.con, at.key, valueOf(op));
      if (err !== null) fail(`error in add for path: '${path}': ${err}`);
      return;
    }
    case 'remove': {
      const path = pathOf(op, 'remove', true);
      const at =
        findObject(root, path) ??
        fail(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      const err = remove(at.con, at.key);
      if (err !== null) fail(`error in remove for path: '${path}': ${err}`);
      return;
    }
    case 'replace': {
      const path = pathOf(op, 'replace', false);
      if (path === '') {
        // evanphx wraps a nil error here, so a scalar value is silently ignored.
        const whole = asContainer(valueOf(op));
        if (whole !== null) state.doc = whole;
        return;
      }
      const at =
        findObject(root, path) ??
        fail(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
      const current = get(at.con, at.key);
      if ('error' in current)
        fail(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
      if (at.con.kind === 'doc') setKey(at.con.obj, at.key, valueOf(op));
      else at.con.arr[arrayIndex(at.con.arr, at.key) as number] = valueOf(op);
      return;
    }
    case 'move': {
      const from = fromOf(op, 'move');
      const src =
        findObject(root, from) ??
        fail(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      const moved = get(src.con, src.key);
      if ('error' in moved) return fail(`error in move for path: '${src.key}': ${moved.error}`);
      const removeErr = remove(src.con, src.key);
      if (removeErr !== null) fail(`error in move for path: '${src.key}': ${removeErr}`);
      const path = pathOf(op, 'move', false);
      const dst =
        findObject(root, path) ??
        fail(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      const addErr = add(dst.con, dst.key, moved.value ?? null);
      if (addErr !== null) fail(`error in move for path: '${path}': ${addErr}`);
      return;
    }
    case 'copy': {
      const from = fromOf(op, 'copy');
      const src =
        findObject(root, from) ??
        fail(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      const copied = get(src.con, src.key);
      if ('error' in copied) return fail(`error in copy for from: '${from}': ${copied.error}`);
      const path = pathOf(op, 'copy', true);
      const dst =
        findObject(root, path) ??
        fail(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      const addErr = add(dst.con, dst.key, cloneJson(copied.value));
      if (addErr !== null) fail(`error while adding value during copy: ${addErr}`);
      return;
    }
    case 'test': {
      const path = pathOf(op, 'test', false);
      const failed = `testing value ${path} failed: test failed`;
      const hasValue = hasKey(op, 'value') && op['value'] !== undefined;
      if (path === '') {
        if (!hasValue || !jsonEqual(root.kind === 'doc' ? root.obj : root.arr, op['value'])) fail(failed);
        return;
      }
      const at =
        findObject(root, path) ?? fail(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
      const current = get(at.con, at.key);
      if ('error' in current) return fail(`error in test for path: '${path}': ${current.error}`);
      const actual = current.value ?? null;
      if (!hasValue || !jsonEqual(actual, op['value'])) fail(failed);
      return;
    }
    default:
      fail(`Unexpected kind: ${kind}`);
  }
}

/**
 * Applies RFC 6902 operations to `target` and returns the result.
 *
 * `ops` is the decoded request body, checked here as kube-apiserver checks it: not a list gives 400
 * `json: cannot unmarshal object into Go value of type jsonpatch.Patch`, an element that is not an object
 * gives 400 `... into Go value of type jsonpatch.Operation`, `null` is an empty patch, more than
 * {@link MAX_JSON_PATCH_OPERATIONS} operations is a 413. A failing operation throws a 422 whose
 * `detail` has evanphx's reason. Operations apply in order and all-or-nothing.
 *
 * Never mutates `target` or `ops` (frozen inputs are fine); the result shares nothing with them.
 */
export function applyJsonPatch(target: unknown, ops: unknown): JsonValue {
  if (ops === null || ops === undefined) return cloneJson(target);
  if (!Array.isArray(ops)) {
    throw badRequest(`json: cannot unmarshal ${jsonKindWord(ops)} into Go value of type jsonpatch.Patch`);
  }
  const bad = ops.find((op: unknown) => op !== null && !isJsonObject(op));
  if (bad !== undefined) {
    throw badRequest(`json: cannot unmarshal ${jsonKindWord(bad)} into Go value of type jsonpatch.Operation`);
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw entityTooLarge(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`,
    );
  }
  const doc = asContainer(cloneJson(target)) ?? { kind: 'doc', obj: {} };
  const state = { doc };
  try {
    for (const op of ops as (Op | null)[]) applyOp(state, op ?? {});
  } catch (err) {
    if (err instanceof OpFailure) throw unprocessable(err.message);
    throw err;
  }
  return state.doc.kind === 'doc' ? state.doc.obj : state.doc.arr;
}
