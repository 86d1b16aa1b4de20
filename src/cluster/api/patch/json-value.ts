/**
 * Plain-JSON helpers shared by the three patch kinds. Patching works on private deep copies (the store
 * hands out deep-frozen objects, and every patch function promises never to touch its inputs), so the
 * algorithms below may mutate what they build freely.
 */
import type { JsonValue } from '../types.ts';

export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property lookup: a patch key such as `constructor` or `__proto__` is just data. */
export function hasKey(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Sets an own property, even for `__proto__`, without touching any prototype. */
export function setKey(obj: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * A mutable deep copy of a JSON value. `undefined` members are dropped and `undefined` itself becomes
 * `null`, as they would be by a JSON round trip.
 */
export function cloneJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item));
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) setKey(out, key, cloneJson(item));
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** Structural equality of JSON values (Go's reflect.DeepEqual on decoded JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item: unknown, i) => jsonEqual(item, b[i]));
  }
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const bRecord = b as Record<string, unknown>;
  const aRecord = a as Record<string, unknown>;
  return aKeys.every((key) => hasKey(b, key) && jsonEqual(aRecord[key], bRecord[key]));
}

/** The JSON kind word Go's encoding/json uses in "cannot unmarshal X into ..." errors. */
export function jsonKindWord(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'number' ? 'number' : 'string';
}
