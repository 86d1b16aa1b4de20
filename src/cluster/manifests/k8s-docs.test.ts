// The Kubernetes documentation examples (kept byte for byte in /work/shared/manifests/k8s-docs, see its
// INDEX.md) must all parse: 113 files, 136 objects once the one List is counted through its items.
// The files are read with Vite's import.meta.glob (`?raw`), which keeps this test free of Node imports
// (src/cluster lint and types forbid them, tests included).
import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse-manifests.ts';

const PREFIX = '../../../../shared/manifests/k8s-docs/';
const raw = import.meta.glob<string>('../../../../shared/manifests/k8s-docs/**/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const INDEX = raw[`${PREFIX}INDEX.md`] ?? '';
const FILES = Object.entries(raw)
  .filter(([path]) => /\.(ya?ml|json)$/.test(path))
  .map(([path, text]) => [path.slice(PREFIX.length), text] as const)
  .sort(([a], [b]) => a.localeCompare(b));

/** `path -> number of objects` from INDEX.md's table, e.g. "Service ×2, Deployment (3 docs)". */
function indexCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of INDEX.split('\n')) {
    const row = /^\| `([^`]+)` \| ([^|]+) \|/.exec(line);
    if (!row?.[1] || !row[2]) continue;
    const kinds = row[2].replace(/\(\d+ docs?\)/, '').trim();
    const list = /List of (\d+)×/.exec(kinds);
    const total = list
      ? Number(list[1])
      : kinds.split(',').reduce((sum, part) => sum + Number(/×(\d+)/.exec(part)?.[1] ?? 1), 0);
    counts.set(row[1], total);
  }
  return counts;
}

// Stored without apiVersion (INDEX.md marks it SCHEMA-INVALID); kubectl refuses it the same way.
const NO_API_VERSION = 'pods/inject/pod-single-secret-env-variable.yaml';

describe('k8s documentation examples', () => {
  const counts = indexCounts();

  it('finds every file INDEX.md lists', () => {
    expect(FILES).toHaveLength(113);
    expect([...counts.keys()].sort()).toEqual(FILES.map(([name]) => name).sort());
  });

  it.each(FILES)('%s parses to the objects INDEX.md lists', (name, text) => {
    const docs = parseManifests(text, name);
    expect(docs).toHaveLength(counts.get(name) ?? -1);
    const errors = docs.filter((d) => d.error);
    if (name === NO_API_VERSION) {
      expect(errors.map((d) => d.error)).toEqual([
        { message: 'error validating data: apiVersion not set', line: 1, column: 1 },
      ]);
    } else {
      expect(errors).toEqual([]);
    }
    docs.forEach((d, i) => {
      expect(d.index).toBe(i);
      expect(d.source).toBe(name);
    });
  });

  it('yields 136 entries in all, 135 of them objects', () => {
    const docs = FILES.flatMap(([, text]) => parseManifests(text));
    expect(docs).toHaveLength(136);
    expect(docs.filter((d) => d.object)).toHaveLength(135);
  });

  it('gives List items their own lines', () => {
    const docs = parseManifests(raw[`${PREFIX}policy/quota.yaml`] ?? '');
    expect(docs.map((d) => d.object?.kind)).toEqual(['ResourceQuota', 'ResourceQuota', 'ResourceQuota']);
    const lines = docs.map((d) => d.line);
    expect(new Set(lines).size).toBe(3);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
