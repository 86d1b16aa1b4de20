/**
 * The `pod-template-hash` label and ReplicaSet name suffix (k/k pkg/controller/controller_utils.go
 * ComputeHash, k8s.io/apimachinery/pkg/util/rand SafeEncodeString).
 *
 * Upstream hashes the template with FNV-32a over Go's deep printer output (`DeepHashObject`, spew),
 * adds the collision count as 8 little-endian bytes when set, prints the 32-bit sum in decimal and maps
 * each digit through SafeEncodeString: `alphanums[c % 27]` with alphanums
 * `bcdfghjklmnpqrstvwxz2456789`. For the ASCII digits '0'..'9' (48..57) that yields
 * `4 5 6 7 8 9 b c d f` — why real hashes look like `5869d7778c`.
 *
 * Byte-for-byte equality with a real cluster's hash would need Go's printer, so the sandbox hashes a
 * canonical JSON of the template (keys sorted) instead. Everything else — FNV-32a, the collision
 * bytes, decimal printing, SafeEncodeString — is upstream's, so hashes have the right alphabet and
 * length, are stable, and change exactly when the template (or collisionCount) changes.
 */
import type { PodTemplateSpec } from '../replica-set/workload-types.ts';

/** apps/v1 DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each character c becomes alphanums[c % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHANUMS[ch.codePointAt(0)! % SAFE_ALPHANUMS.length];
  return out;
}

/** FNV-1a, 32 bits, continuing from `hash`. */
export function fnv32a(bytes: Uint8Array, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with object keys sorted at every level, so equal templates print equal. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

const encoder = new TextEncoder();

/** The pod-template-hash of `template` with the Deployment's `collisionCount` (ComputeHash). */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(encoder.encode(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}
