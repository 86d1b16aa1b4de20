/**
 * JSON as Go's encoding/json writes a map[string]interface{}: keys sorted, no spaces, and `<`, `>`, `&`
 * escaped as \u003c, \u003e, \u0026 (HTML-safe escaping is on by default in Go).
 */
export function goJsonStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortKeys(v);
  }
  return out;
}
