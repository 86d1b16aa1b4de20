import { describe, expect, it } from 'vitest';
import { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.ts';
import { GENERIC_UNPROCESSABLE_MESSAGE } from './patch-error.ts';
import { catchPatchError, frozenCopy } from './test-support.ts';

const deployment = {
  metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'a/b': 'slash', 'm~n': 'tilde' } },
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1' },
          { name: 'side', image: 'busybox' },
        ],
      },
    },
  },
};

describe('applyJsonPatch applies RFC 6902 operations', () => {
  const cases: { name: string; ops: unknown[]; check: (doc: typeof deployment) => unknown; want: unknown }[] =
    [
      {
        name: 'add a member',
        ops: [{ op: 'add', path: '/metadata/labels/tier', value: 'fe' }],
        check: (d) => d.metadata.labels,
        want: { app: 'web', tier: 'fe' },
      },
      {
        name: 'add replaces an existing member',
        ops: [{ op: 'add', path: '/spec/replicas', value: 5 }],
        check: (d) => d.spec.replicas,
        want: 5,
      },
      {
        name: 'add inserts into a list',
        ops: [{ op: 'add', path: '/spec/template/spec/containers/1', value: { name: 'mid' } }],
        check: (d) => d.spec.template.spec.containers.map((c) => c.name),
        want: ['web', 'mid', 'side'],
      },
      {
        name: '- appends',
        ops: [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'last' } }],
        check: (d) => d.spec.template.spec.containers.map((c) => c.name),
        want: ['web', 'side', 'last'],
      },
      {
        name: 'index equal to the length appends',
        ops: [{ op: 'add', path: '/spec/template/spec/containers/2', value: { name: 'end' } }],
        check: (d) => d.spec.template.spec.containers.map((c) => c.name),
        want: ['web', 'side', 'end'],
      },
      {
        name: 'negative index counts from the end (evanphx extension)',
        ops: [{ op: 'remove', path: '/spec/template/spec/containers/-1' }],
        check: (d) => d.spec.template.spec.containers.map((c) => c.name),
        want: ['web'],
      },
      {
        name: 'remove a member',
        ops: [{ op: 'remove', path: '/metadata/labels/app' }],
        check: (d) => d.metadata.labels,
        want: {},
      },
      {
        name: '~1 decodes to /',
        ops: [{ op: 'remove', path: '/metadata/annotations/a~1b' }],
        check: (d) => d.metadata.annotations,
        want: { 'm~n': 'tilde' },
      },
      {
        name: '~0 decodes to ~',
        ops: [{ op: 'replace', path: '/metadata/annotations/m~0n', value: 'x' }],
        check: (d) => d.metadata.annotations['m~n'],
        want: 'x',
      },
      {
        name: 'replace in a list',
        ops: [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:2' }],
        check: (d) => d.spec.template.spec.containers[0]?.image,
        want: 'nginx:2',
      },
      {
        name: 'replace of a missing member adds it (evanphx v4)',
        ops: [{ op: 'replace', path: '/metadata/labels/new', value: 'x' }],
        check: (d) => d.metadata.labels,
        want: { app: 'web', new: 'x' },
      },
      {
        name: 'move a member',
        ops: [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/name' }],
        check: (d) => d.metadata.labels,
        want: { name: 'web' },
      },
      {
        name: 'move within a list',
        ops: [
          { op: 'move', from: '/spec/template/spec/containers/0', path: '/spec/template/spec/containers/1' },
        ],
        check: (d) => d.spec.template.spec.containers.map((c) => c.name),
        want: ['side', 'web'],
      },
      {
        name: 'copy makes an independent copy',
        ops: [
          { op: 'copy', from: '/spec/template/spec/containers/0', path: '/spec/template/spec/containers/-' },
          { op: 'replace', path: '/spec/template/spec/containers/2/name', value: 'copy' },
        ],
        check: (d) => d.spec.template.spec.containers.map((c) => c.name),
        want: ['web', 'side', 'copy'],
      },
      {
        name: 'copy from a missing member adds null (evanphx v4)',
        ops: [{ op: 'copy', from: '/metadata/nothing', path: '/metadata/labels/x' }],
        check: (d) => d.metadata.labels,
        want: { app: 'web', x: null },
      },
      {
        name: 'test passes, then the next op applies',
        ops: [
          { op: 'test', path: '/spec/replicas', value: 3 },
          { op: 'replace', path: '/spec/replicas', value: 4 },
        ],
        check: (d) => d.spec.replicas,
        want: 4,
      },
      {
        name: 'test compares structure',
        ops: [{ op: 'test', path: '/metadata/labels', value: { app: 'web' } }],
        check: (d) => d.metadata.labels,
        want: { app: 'web' },
      },
      {
        name: 'test of a missing member against null passes',
        ops: [{ op: 'test', path: '/spec/paused', value: null }],
        check: (d) => d.spec.replicas,
        want: 3,
      },
      {
        name: 'test of the whole document',
        ops: [{ op: 'test', path: '', value: deployment }],
        check: (d) => d.spec.replicas,
        want: 3,
      },
      {
        name: 'a path without a leading slash drops its first segment',
        ops: [{ op: 'add', path: 'spec/x', value: 1 }],
        check: (d) => (d as unknown as { x: number }).x,
        want: 1,
      },
      { name: 'an empty list of operations changes nothing', ops: [], check: (d) => d, want: deployment },
      {
        name: 'add without a value adds null',
        ops: [{ op: 'add', path: '/metadata/labels/x' }],
        check: (d) => d.metadata.labels,
        want: { app: 'web', x: null },
      },
    ];

  it.each(cases)('$name', ({ ops, check, want }) => {
    const target = frozenCopy(deployment);
    const frozenOps = frozenCopy(ops);
    const got = applyJsonPatch(target, frozenOps) as typeof deployment;
    expect(check(got)).toEqual(want);
    expect(target).toEqual(deployment);
    expect(frozenOps).toEqual(ops);
  });

  it('replaces the whole document with path ""', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }])).toEqual({ b: 2 });
    // evanphx v4 wraps a nil error for a scalar, so the operation does nothing.
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: 3 }])).toEqual({ a: 1 });
  });

  it('treats a null body as an empty patch', () => {
    expect(applyJsonPatch(frozenCopy({ a: 1 }), null)).toEqual({ a: 1 });
  });
});

describe('applyJsonPatch fails as kube-apiserver does', () => {
  // kube-apiserver hides these behind the generic 422 text; the evanphx reason is kept as the detail.
  const failures: { name: string; ops: unknown[]; detail: string }[] = [
    {
      name: 'test failure',
      ops: [{ op: 'test', path: '/spec/replicas', value: 5 }],
      detail: 'testing value /spec/replicas failed: test failed',
    },
    {
      name: 'test of a missing member against a value',
      ops: [{ op: 'test', path: '/spec/paused', value: true }],
      detail: 'testing value /spec/paused failed: test failed',
    },
    {
      name: 'add under a missing parent',
      ops: [{ op: 'add', path: '/spec/x/y', value: 1 }],
      detail: 'add operation does not apply: doc is missing path: "/spec/x/y": missing value',
    },
    {
      name: 'remove of a missing member',
      ops: [{ op: 'remove', path: '/spec/x' }],
      detail: "error in remove for path: '/spec/x': Unable to remove nonexistent key: x: missing value",
    },
    {
      name: 'remove under a missing parent',
      ops: [{ op: 'remove', path: '/spec/x/y' }],
      detail: 'remove operation does not apply: doc is missing path: "/spec/x/y": missing value',
    },
    {
      name: 'replace under a missing parent',
      ops: [{ op: 'replace', path: '/spec/x/y', value: 1 }],
      detail: 'replace operation does not apply: doc is missing path: /spec/x/y: missing value',
    },
    {
      name: 'replace past the end of a list',
      ops: [{ op: 'replace', path: '/spec/template/spec/containers/5', value: {} }],
      detail:
        'replace operation does not apply: doc is missing key: /spec/template/spec/containers/5: missing value',
    },
    {
      name: 'add past the end of a list',
      ops: [{ op: 'add', path: '/spec/template/spec/containers/3', value: {} }],
      detail:
        "error in add for path: '/spec/template/spec/containers/3': Unable to access invalid index: 3: invalid index referenced",
    },
    {
      name: 'add with a bad index',
      ops: [{ op: 'add', path: '/spec/template/spec/containers/x', value: {} }],
      detail:
        "error in add for path: '/spec/template/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax",
    },
    {
      name: '- outside add',
      ops: [{ op: 'remove', path: '/spec/template/spec/containers/-' }],
      detail:
        'error in remove for path: \'/spec/template/spec/containers/-\': strconv.Atoi: parsing "-": invalid syntax',
    },
    {
      name: 'move from a missing parent',
      ops: [{ op: 'move', from: '/spec/x/y', path: '/spec/z' }],
      detail: 'move operation does not apply: doc is missing from path: /spec/x/y: missing value',
    },
    {
      name: 'move of a missing member',
      ops: [{ op: 'move', from: '/spec/x', path: '/spec/z' }],
      detail: "error in move for path: 'x': Unable to remove nonexistent key: x: missing value",
    },
    {
      name: 'copy to a missing parent',
      ops: [{ op: 'copy', from: '/spec/replicas', path: '/spec/x/y' }],
      detail: 'copy operation does not apply: doc is missing destination path: /spec/x/y: missing value',
    },
    { name: 'unknown op', ops: [{ op: 'frobnicate', path: '/a' }], detail: 'Unexpected kind: frobnicate' },
    { name: 'missing op', ops: [{ path: '/a' }], detail: 'Unexpected kind: unknown' },
    {
      name: 'add without a path',
      ops: [{ op: 'add', value: 1 }],
      detail: 'add operation failed to decode path: missing value',
    },
    {
      name: 'replace without a path',
      ops: [{ op: 'replace', value: 1 }],
      detail: 'replace operation failed to decode path: operation missing path field: missing value',
    },
    {
      name: 'test with a number path',
      ops: [{ op: 'test', path: 5, value: 1 }],
      detail:
        'test operation failed to decode path: json: cannot unmarshal number into Go value of type string',
    },
    {
      name: 'move without from',
      ops: [{ op: 'move', path: '/a' }],
      detail: 'move operation failed to decode from: operation, missing from field: missing value',
    },
    {
      name: 'traversing through a scalar',
      ops: [{ op: 'add', path: '/spec/replicas/x', value: 1 }],
      detail: 'add operation does not apply: doc is missing path: "/spec/replicas/x": missing value',
    },
    {
      name: 'adding at the document root',
      ops: [{ op: 'add', path: '', value: {} }],
      detail: 'add operation does not apply: doc is missing path: "": missing value',
    },
  ];

  it.each(failures)('$name', ({ ops, detail }) => {
    const err = catchPatchError(() => applyJsonPatch(frozenCopy(deployment), frozenCopy(ops)));
    expect(err.detail).toBe(detail);
    expect(err.message).toBe(GENERIC_UNPROCESSABLE_MESSAGE);
    expect(err.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {},
      code: 422,
    });
  });

  it('is all-or-nothing: an op before the failing one leaves no trace', () => {
    const target = frozenCopy(deployment);
    catchPatchError(() =>
      applyJsonPatch(target, [
        { op: 'replace', path: '/spec/replicas', value: 9 },
        { op: 'test', path: '/spec/replicas', value: 3 },
      ]),
    );
    expect(target.spec.replicas).toBe(3);
  });

  it.each([
    [
      { op: 'add', path: '/a', value: 1 },
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    ],
    ['[', 'json: cannot unmarshal string into Go value of type jsonpatch.Patch'],
    [['add'], 'json: cannot unmarshal string into Go value of type jsonpatch.Operation'],
    [[[{ op: 'add' }]], 'json: cannot unmarshal array into Go value of type jsonpatch.Operation'],
  ])('rejects the body %j with 400', (body, message) => {
    const err = catchPatchError(() => applyJsonPatch({}, body));
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toBe(message);
  });

  it('caps the number of operations', () => {
    const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({
      op: 'test',
      path: '/a',
      value: 1,
    }));
    const err = catchPatchError(() => applyJsonPatch({ a: 1 }, ops));
    expect(err.code).toBe(413);
    expect(err.message).toBe(
      'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    );
  });
});
