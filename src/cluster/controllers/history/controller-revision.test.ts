import { describe, expect, it } from 'vitest';
import { controllerRevisionName, equalRevision, fnv32, hashControllerRevision, nextRevision, revisionTemplate, sortRevisions, templatePatch, type ControllerRevision } from './controller-revision.ts';

const rev = (name: string, revision: number, data: unknown, hash?: string): ControllerRevision => ({
  apiVersion: 'apps/v1',
  kind: 'ControllerRevision',
  metadata: { name, ...(hash ? { labels: { 'controller.kubernetes.io/hash': hash } } : {}) },
  data,
  revision,
});

describe('ControllerRevision helpers', () => {
  it('FNV-1 32 matches Go hash/fnv New32 on known vectors', () => {
    const enc = new TextEncoder();
    expect(fnv32(enc.encode(''))).toBe(0x811c9dc5);
    expect(fnv32(enc.encode('a'))).toBe(0x050c5d7e);
    expect(fnv32(enc.encode('foobar'))).toBe(0x31f0b262);
  });

  it('hashes are stable, change with data or collision count, and use the safe alphabet', () => {
    const a = templatePatch({ metadata: { labels: { app: 'x' } }, spec: { containers: [] } });
    const h = hashControllerRevision(a);
    expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(hashControllerRevision(a)).toBe(h);
    expect(hashControllerRevision(a, 1)).not.toBe(h);
    expect(hashControllerRevision(templatePatch({ metadata: { labels: { app: 'y' } } }))).not.toBe(h);
  });

  it('round-trips a template through the stored patch', () => {
    const t = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'i' }] } };
    const data = templatePatch(t);
    expect(data.spec.template.$patch).toBe('replace');
    expect(revisionTemplate(rev('r', 1, data))).toEqual(t);
  });

  it.each([
    { a: rev('a', 1, { x: 1 }, 'h1'), b: rev('b', 2, { x: 1 }, 'h1'), equal: true },
    { a: rev('a', 1, { x: 1 }, 'h1'), b: rev('b', 2, { x: 1 }, 'h2'), equal: false },
    { a: rev('a', 1, { x: 1 }), b: rev('b', 2, { x: 2 }), equal: false },
  ])('equalRevision $a.metadata.name/$b.metadata.name -> $equal', ({ a, b, equal }) => {
    expect(equalRevision(a, b)).toBe(equal);
  });

  it('names, sorts and numbers revisions', () => {
    expect(controllerRevisionName('web', 'abc')).toBe('web-abc');
    expect(controllerRevisionName('x'.repeat(230), 'h')).toBe(`${'x'.repeat(223)}-h`);
    const revs = [rev('b', 3, {}), rev('a', 1, {}), rev('c', 2, {})];
    expect(sortRevisions(revs).map((r) => r.metadata.name)).toEqual(['a', 'c', 'b']);
    expect(nextRevision(revs)).toBe(4);
    expect(nextRevision([])).toBe(1);
  });
});
