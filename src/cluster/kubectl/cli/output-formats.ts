/**
 * `-o json`, `-o yaml`, `-o name` as kubectl prints unstructured objects: JSON with map keys sorted and
 * 4-space indentation (Go's json.MarshalIndent, HTML-safe escapes), YAML through sigs.k8s.io/yaml
 * (sorted keys, sequences not indented under their key, strings that would read as another type
 * quoted, YAML 1.1 style), and `kind.group/name`.
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../../api/types.ts';

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

export function toJsonText(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

export function toYamlText(value: unknown): string {
  return stringify(sortKeys(value), { version: '1.1', indentSeq: false, sortMapEntries: true });
}

/** What `kubectl get` wraps several objects in for -o json|yaml|jsonpath. */
export function asList(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
