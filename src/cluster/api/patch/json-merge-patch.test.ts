import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch } from './json-merge-patch.ts';
import { catchPatchError, frozenCopy } from './test-support.ts';

describe('applyMergePatch', () => {
  // The RFC 7386 appendix A examples, plus evanphx specifics.
  const cases: { name: string; target: unknown; patch: unknown; want: unknown }[] = [
    { name: 'replace a member', target: { a: 'b' }, patch: { a: 'c' }, want: { a: 'c' } },
    { name: 'add a member', target: { a: 'b' }, patch: { b: 'c' }, want: { a: 'b', b: 'c' } },
    { name: 'null deletes', target: { a: 'b' }, patch: { a: null }, want: {} },
    { name: 'null deletes one of two', target: { a: 'b', b: 'c' }, patch: { a: null }, want: { b: 'c' } },
    { name: 'lists replace', target: { a: ['b'] }, patch: { a: 'c' }, want: { a: 'c' } },
    { name: 'scalar replaced by list', target: { a: 'c' }, patch: { a: ['b'] }, want: { a: ['b'] } },
    {
      name: 'nested maps merge',
      target: { a: { b: 'c' } },
      patch: { a: { b: 'd', c: null } },
      want: { a: { b: 'd' } },
    },
    { name: 'list of maps replaced whole', target: { a: [{ b: 'c' }] }, patch: { a: [1] }, want: { a: [1] } },
    { name: 'empty patch changes nothing', target: { e: null }, patch: {}, want: { e: null } },
    { name: 'deleting a missing member is fine', target: { a: 1 }, patch: { x: null }, want: { a: 1 } },
    {
      name: 'a new map member has its nulls pruned',
      target: {},
      patch: { a: { bb: { ccc: null } } },
      want: { a: { bb: {} } },
    },
    {
      name: 'a new list drops null elements (evanphx)',
      target: {},
      patch: { a: [1, null, { b: null, c: 2 }] },
      want: { a: [1, { c: 2 }] },
    },
    { name: 'empty list stays an empty list', target: { a: [1] }, patch: { a: [] }, want: { a: [] } },
    {
      name: 'a list replacing a map keeps its nulls',
      target: { a: { b: 1 } },
      patch: { a: [null, 1] },
      want: { a: [null, 1] },
    },
    {
      name: 'a member that was null is replaced with the pruned patch',
      target: { a: null },
      patch: { a: { b: null, c: 1 } },
      want: { a: { c: 1 } },
    },
    {
      name: 'kubectl label style',
      target: { metadata: { name: 'web', labels: { app: 'web', tier: 'fe' } }, spec: { replicas: 1 } },
      patch: { metadata: { labels: { tier: null, env: 'prod' } } },
      want: { metadata: { name: 'web', labels: { app: 'web', env: 'prod' } }, spec: { replicas: 1 } },
    },
    { name: 'a list patch replaces the document', target: { a: 1 }, patch: [1, null, 2], want: [1, 2] },
    {
      name: '__proto__ is an ordinary member',
      target: {},
      patch: JSON.parse('{"__proto__":{"x":1}}'),
      want: JSON.parse('{"__proto__":{"x":1}}'),
    },
  ];

  it.each(cases)('$name', ({ target, patch, want }) => {
    const frozenTarget = frozenCopy(target);
    const frozenPatch = frozenCopy(patch);
    const got = applyMergePatch(frozenTarget, frozenPatch);
    expect(got).toEqual(want);
    expect(frozenTarget).toEqual(target);
    expect(frozenPatch).toEqual(patch);
    expect(Object.isFrozen(got)).toBe(false);
  });

  it.each([null, 'x', 3, true])('rejects the patch %j as kube-apiserver does', (patch) => {
    const err = catchPatchError(() => applyMergePatch({ a: 1 }, patch));
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe(400);
    expect(err.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Invalid JSON Patch',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('shares nothing with the patch: later writes to the result cannot reach it', () => {
    const patch = { spec: { ports: [{ port: 80 }] } };
    const got = applyMergePatch({}, patch) as { spec: { ports: { port: number }[] } };
    got.spec.ports[0]!.port = 81;
    expect(patch.spec.ports[0]!.port).toBe(80);
  });
});

describe('createMergePatch', () => {
  const cases: { name: string; original: object; modified: object; want: object }[] = [
    { name: 'no change', original: { a: 1, b: [1] }, modified: { a: 1, b: [1] }, want: {} },
    {
      name: 'label added, changed and removed',
      original: { metadata: { labels: { a: '1', b: '2' } } },
      modified: { metadata: { labels: { a: '9', c: '3' } } },
      want: { metadata: { labels: { a: '9', b: null, c: '3' } } },
    },
    { name: 'lists are sent whole', original: { l: [1, 2] }, modified: { l: [1, 3] }, want: { l: [1, 3] } },
    { name: 'type change', original: { a: { b: 1 } }, modified: { a: 'x' }, want: { a: 'x' } },
    { name: 'int and float are both numbers', original: { a: 1 }, modified: { a: 1.5 }, want: { a: 1.5 } },
  ];

  it.each(cases)('$name', ({ original, modified, want }) => {
    const patch = createMergePatch(frozenCopy(original) as never, frozenCopy(modified) as never);
    expect(patch).toEqual(want);
    expect(applyMergePatch(original, patch)).toEqual(modified);
  });
});
