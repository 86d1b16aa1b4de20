import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { patchMetaFor } from './patch-meta.ts';
import { applyStrategicMergePatch } from './strategic-merge-patch.ts';
import { catchPatchError, frozenCopy, MERGE_ITEM } from './test-support.ts';

interface Case {
  name: string;
  original: string;
  patch: string;
  want: string;
}

/** Applies `patch` to `original` (both deep-frozen), checks the inputs are untouched, returns the result. */
function apply(original: unknown, patch: unknown, meta = MERGE_ITEM): unknown {
  const frozenOriginal = frozenCopy(original);
  const frozenPatch = frozenCopy(patch);
  const got = applyStrategicMergePatch(frozenOriginal, frozenPatch, meta);
  expect(frozenOriginal).toEqual(original);
  expect(frozenPatch).toEqual(patch);
  return got;
}

const run = (cases: Case[], meta = MERGE_ITEM) =>
  it.each(cases)('$name', ({ original, patch, want }) => {
    expect(apply(parse(original) ?? {}, parse(patch) ?? {}, meta)).toEqual(parse(want) ?? {});
  });

describe('maps', () => {
  run([
    {
      name: 'add, change and keep fields',
      original: 'name: 1\nvalue: 1',
      patch: 'value: 2\nother: a',
      want: 'name: 1\nvalue: 2\nother: a',
    },
    { name: 'null deletes a field', original: 'name: 1\nvalue: 1', patch: 'value: null', want: 'name: 1' },
    {
      name: 'null for a missing field is dropped',
      original: 'name: 1',
      patch: 'other: null',
      want: 'name: 1',
    },
    {
      name: 'nested maps merge',
      original: 'simpleMap: {a: 1, b: 1}',
      patch: 'simpleMap: {b: 2, c: 3, a: null}',
      want: 'simpleMap: {b: 2, c: 3}',
    },
    {
      name: 'nulls inside a new field are discarded',
      original: 'name: 1',
      patch: 'simpleMap: {a: null, b: 1}',
      want: 'name: 1\nsimpleMap: {b: 1}',
    },
    { name: 'a type change replaces', original: 'value: {a: 1}', patch: 'value: [1]', want: 'value: [1]' },
    {
      name: '$patch: replace on a nested map',
      original: 'simpleMap: {a: 1, b: 1}',
      patch: 'simpleMap: {$patch: replace, c: 1}',
      want: 'simpleMap: {c: 1}',
    },
    {
      name: '$patch: replace at the root',
      original: 'name: 1\nvalue: 1',
      patch: '$patch: replace\nother: a',
      want: 'other: a',
    },
    {
      name: '$patch: replace alone empties the root',
      original: 'name: 1\nvalue: 1',
      patch: '$patch: replace',
      want: '{}',
    },
    {
      name: '$patch: delete on a nested map leaves it empty',
      original: 'simpleMap: {key1: 1, key2: 1}',
      patch: 'simpleMap: {$patch: delete}',
      want: 'simpleMap: {}',
    },
    {
      name: '$patch: delete on a new field adds nothing',
      original: 'name: 1',
      patch: 'simpleMap: {$patch: delete}',
      want: 'name: 1',
    },
    {
      name: 'a field tagged replace is not merged',
      original: 'replacingItem: {a: 1, b: {c: 1}}',
      patch: 'replacingItem: {b: {d: 1}}',
      want: 'replacingItem: {b: {d: 1}}',
    },
  ]);
});

describe('merge lists of maps', () => {
  run([
    {
      name: 'merge by key, new element goes first (no $setElementOrder)',
      original: 'mergingList: [{name: 1, value: a}, {name: 2}]',
      patch: 'mergingList: [{name: 3}, {name: 1, other: x}]',
      want: 'mergingList: [{name: 3}, {name: 1, value: a, other: x}, {name: 2}]',
    },
    {
      name: 'preserve the order from the patch',
      original: 'mergingList: [{name: 1}, {name: 2, value: b}, {name: 3}]',
      patch: 'mergingList: [{name: 3, value: c}, {name: 1, value: a}, {name: 2, other: x}]',
      want: 'mergingList: [{name: 3, value: c}, {name: 1, value: a}, {name: 2, value: b, other: x}]',
    },
    {
      name: 'preserve the order from the patch 2',
      original: 'mergingList: [{name: 1}, {name: 2, value: b}, {name: 3}]',
      patch: 'mergingList: [{name: 3, value: c}, {name: 1, value: a}]',
      want: 'mergingList: [{name: 2, value: b}, {name: 3, value: c}, {name: 1, value: a}]',
    },
    {
      name: '$patch: delete removes every match',
      original: 'mergingList: [{name: 1}, {name: 1}, {name: 2, value: a}, {name: 3}, {name: 3}]',
      patch: 'mergingList: [{name: 1, $patch: delete}, {name: 3, $patch: delete}]',
      want: 'mergingList: [{name: 2, value: a}]',
    },
    {
      name: '$patch: delete of a missing element is fine',
      original: 'mergingList: [{name: 1}]',
      patch: 'mergingList: [{name: 9, $patch: delete}]',
      want: 'mergingList: [{name: 1}]',
    },
    {
      name: '$patch: replace element empties the list',
      original: 'mergingList: [{name: 1}, {name: 2}]',
      patch: 'mergingList: [{$patch: replace}]',
      want: 'mergingList: []',
    },
    {
      name: '$patch: replace element keeps the other elements as the list',
      original: 'mergingList: [{name: 1, value: a}, {name: 2}]',
      patch: 'mergingList: [{name: 1}, {$patch: replace}, {name: 5}]',
      want: 'mergingList: [{name: 1}, {name: 5}]',
    },
    {
      name: 'merging two empty lists',
      original: 'mergingList: []',
      patch: 'mergingList: []',
      want: 'mergingList: []',
    },
    {
      name: 'nested merge list inside a merge list',
      original: 'mergingList: [{name: 1, mergingList: [{name: a, value: 1}]}]',
      patch: 'mergingList: [{name: 1, mergingList: [{name: a, other: 2}, {name: b}]}]',
      want: 'mergingList: [{name: 1, mergingList: [{name: a, value: 1, other: 2}, {name: b}]}]',
    },
    {
      name: 'directives inside a new list are removed',
      original: 'name: 1',
      patch: 'mergingList: [{name: hello}, {name: gone, $patch: delete}]',
      want: 'name: 1\nmergingList: [{name: hello}]',
    },
    {
      name: 'non-merging list of maps is replaced',
      original: 'nonMergingList: [{name: 1, value: 1}, {name: 2}]',
      patch: 'nonMergingList: [{name: 1, other: a}]',
      want: 'nonMergingList: [{name: 1, other: a}]',
    },
  ]);
});

describe('merge lists of scalars', () => {
  run([
    {
      name: 'union without duplicates',
      original: 'mergingIntList: [1, 2]',
      patch: 'mergingIntList: [2, 3]',
      want: 'mergingIntList: [1, 2, 3]',
    },
    {
      name: 'preserve the order from the patch',
      original: 'mergingIntList: [1, 2, 3]',
      patch: 'mergingIntList: [3, 1, 2]',
      want: 'mergingIntList: [3, 1, 2]',
    },
    {
      name: 'partial patch order',
      original: 'mergingIntList: [1, 2, 3]',
      patch: 'mergingIntList: [3, 1]',
      want: 'mergingIntList: [2, 3, 1]',
    },
    {
      name: '$deleteFromPrimitiveList removes items',
      original: 'mergingIntList: [1, 2, 3, 3]',
      patch: '$deleteFromPrimitiveList/mergingIntList: [3]',
      want: 'mergingIntList: [1, 2]',
    },
    {
      name: '$deleteFromPrimitiveList of a missing item adds nothing',
      original: 'mergingIntList: [1, 2]',
      patch: '$deleteFromPrimitiveList/mergingIntList: [3]',
      want: 'mergingIntList: [1, 2]',
    },
    {
      name: '$deleteFromPrimitiveList on a missing list adds no list',
      original: 'foo: [bar]',
      patch: '$deleteFromPrimitiveList/mergingIntList: [3]',
      want: 'foo: [bar]',
    },
    {
      name: '$deleteFromPrimitiveList works on a list without merge strategy',
      original: 'nonMergingIntList: [1, 2, 3]',
      patch: '$deleteFromPrimitiveList/nonMergingIntList: [2]',
      want: 'nonMergingIntList: [1, 3]',
    },
    {
      name: 'a non-merging list is replaced',
      original: 'nonMergingIntList: [1, 2]',
      patch: 'nonMergingIntList: [2, 3]',
      want: 'nonMergingIntList: [2, 3]',
    },
  ]);
});

describe('$setElementOrder', () => {
  run([
    {
      name: 'orders a merged list of maps',
      original: 'mergingList: [{name: 1}, {name: 2, value: b}]',
      patch:
        '$setElementOrder/mergingList: [{name: 4}, {name: 1}, {name: 2}, {name: 3}]\nmergingList: [{name: 4, value: 4}, {name: 3, value: 3}]',
      want: 'mergingList: [{name: 4, value: 4}, {name: 1}, {name: 2, value: b}, {name: 3, value: 3}]',
    },
    {
      name: 'may name an item the list does not have',
      original: 'mergingList: [{name: 1}, {name: 3}]',
      patch:
        '$setElementOrder/mergingList: [{name: 3}, {name: 2}, {name: 1}]\nmergingList: [{name: 3, value: 3}, {name: 1, value: 1}]',
      want: 'mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]',
    },
    {
      name: 'reorders scalars without a patch list',
      original: 'mergingIntList: [1, 3]',
      patch: '$setElementOrder/mergingIntList: [3, 2, 1]',
      want: 'mergingIntList: [3, 1]',
    },
    {
      // Upstream's expectation; it holds because Go merges in place (see BackingArray).
      name: 'server-only items keep their place among the ordered ones',
      original: 'mergingList: [{name: 1}, {name: 2, other: b}, {name: 4, other: c}]',
      patch:
        '$setElementOrder/mergingList: [{name: 2}, {name: 3}]\nmergingList: [{name: 3}, {name: 1, $patch: delete}]',
      want: 'mergingList: [{name: 2, other: b}, {name: 4, other: c}, {name: 3}]',
    },
    {
      name: 'server-only items first when the deletion made room for an addition',
      original: 'mergingList: [{name: 1, other: a}, {name: 4, other: c}]',
      patch:
        '$setElementOrder/mergingList: [{name: 2}, {name: 3}]\nmergingList: [{name: 2}, {name: 3}, {name: 1, $patch: delete}]',
      want: 'mergingList: [{name: 4, other: c}, {name: 2}, {name: 3}]',
    },
    {
      name: 'with additions and deletions of scalars',
      original: 'mergingIntList: [1, 2, 3, 4]',
      patch: '$setElementOrder/mergingIntList: [1, 2, 4]\n$deleteFromPrimitiveList/mergingIntList: [3]',
      want: 'mergingIntList: [1, 2, 4]',
    },
  ]);
});

describe('$retainKeys', () => {
  run([
    {
      name: 'clears fields missing from the list',
      original: 'retainKeysMap: {name: foo, value: a, other: b}',
      patch: 'retainKeysMap: {$retainKeys: [name, value], value: c}',
      want: 'retainKeysMap: {name: foo, value: c}',
    },
    {
      name: 'without the directive a retainKeys map just merges',
      original: 'retainKeysMap: {name: foo}',
      patch: 'retainKeysMap: {value: bar}',
      want: 'retainKeysMap: {name: foo, value: bar}',
    },
    {
      name: 'merging an empty map changes nothing',
      original: 'retainKeysMap: {name: foo, value: a}',
      patch: 'retainKeysMap: {}',
      want: 'retainKeysMap: {name: foo, value: a}',
    },
    {
      name: 'on elements of a merge list',
      original: 'retainKeysMergingList: [{name: bar}, {name: foo, value: a, other: b}]',
      patch: 'retainKeysMergingList: [{name: foo, $retainKeys: [name, other], other: c}]',
      want: 'retainKeysMergingList: [{name: bar}, {name: foo, other: c}]',
    },
    {
      name: 'nulls and parallel lists need not be listed',
      original: 'retainKeysMap: {name: foo, value: a, mergingIntList: [1, 2]}',
      patch:
        'retainKeysMap: {$retainKeys: [name, mergingIntList], value: null, $deleteFromPrimitiveList/mergingIntList: [1]}',
      want: 'retainKeysMap: {name: foo, mergingIntList: [2]}',
    },
  ]);
});

describe('errors are worded and coded as kube-apiserver answers them', () => {
  const errors: { name: string; original: string; patch: unknown; code: number; message: string }[] = [
    {
      name: 'a list body',
      original: 'name: 1',
      patch: [1],
      code: 400,
      message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
    },
    {
      name: 'a string body',
      original: 'name: 1',
      patch: 'x',
      code: 400,
      message: 'json: cannot unmarshal string into Go value of type map[string]interface {}',
    },
    {
      name: 'missing merge key',
      original: 'mergingList: [{name: 1, value: a}]',
      patch: { mergingList: [{ value: 'b' }] },
      code: 500,
      message: 'map: map[value:b] does not contain declared merge key: name',
    },
    {
      name: 'delete directive without merge key',
      original: 'mergingList: [{name: 1}]',
      patch: { mergingList: [{ $patch: 'delete', value: 'b' }] },
      code: 500,
      message: 'map: map[$patch:delete value:b] does not contain declared merge key: name',
    },
    {
      name: '$patch: merge on a map',
      original: 'simpleMap: {a: 1}',
      patch: { simpleMap: { $patch: 'merge', b: '2' } },
      code: 500,
      message: 'unknown patch type: merge in map: map[$patch:merge b:2]',
    },
    {
      name: '$patch: merge in a list',
      original: 'mergingList: [{name: 1}]',
      patch: { mergingList: [{ $patch: 'merge' }] },
      code: 500,
      message: 'merging lists cannot yet be specified in the patch',
    },
    {
      name: 'unknown list directive',
      original: 'mergingList: [{name: 1}]',
      patch: { mergingList: [{ name: 2, $patch: 'nope' }] },
      code: 500,
      message: 'unknown patch type: nope in map: map[$patch:nope name:2]',
    },
    {
      name: '$retainKeys that is not a list',
      original: 'retainKeysMap: {name: a}',
      patch: { retainKeysMap: { $retainKeys: 'name' } },
      code: 400,
      message: 'invalid patch format of retainKeys',
    },
    {
      name: 'patch field missing from $retainKeys',
      original: 'retainKeysMap: {name: a}',
      patch: { retainKeysMap: { $retainKeys: ['name'], value: 'x' } },
      code: 400,
      message: 'invalid patch format of retainKeys',
    },
    {
      name: '$deleteFromPrimitiveList without a field',
      original: 'mergingIntList: [1]',
      patch: { $deleteFromPrimitiveListmergingIntList: [1] },
      code: 400,
      message: 'invalid patch format of primitive list',
    },
    {
      name: '$setElementOrder without a field',
      original: 'mergingIntList: [1]',
      patch: { '$setElementOrder-mergingIntList': [1] },
      code: 400,
      message: 'invalid patch format of setElementOrder list',
    },
    {
      name: '$setElementOrder that is not a list',
      original: 'mergingIntList: [1]',
      patch: { '$setElementOrder/mergingIntList': 'x' },
      code: 500,
      message: 'expected a []interface {}, but received a string',
    },
    {
      name: '$setElementOrder disagreeing with the patch list',
      original: 'mergingList: [{name: 1}, {name: 3}, {name: 2}]',
      patch: {
        '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }, { name: 3 }],
        mergingList: [{ name: 3 }, { name: 1 }],
      },
      code: 500,
      message:
        "the order in patch list:\n[map[name:3] map[name:1]]\n doesn't match $setElementOrder list:\n[map[name:1] map[name:2] map[name:3]]",
    },
    {
      name: 'lists of lists',
      original: 'mergingIntList: [[1]]',
      patch: { mergingIntList: [[2]] },
      code: 422,
      message: 'the server rejected our request due to an error in our request',
    },
    {
      name: 'mixed element types',
      original: 'mergingIntList: [1]',
      patch: { mergingIntList: ['a'] },
      code: 500,
      message: 'list element types are not identical: [[1] [a]]',
    },
  ];

  it.each(errors)('$name', ({ original, patch, code, message }) => {
    const err = catchPatchError(() =>
      applyStrategicMergePatch(frozenCopy(parse(original)), frozenCopy(patch), MERGE_ITEM),
    );
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
  });

  it('a 500 has no reason in its Status, as kube-apiserver answers plain errors', () => {
    const err = catchPatchError(() =>
      applyStrategicMergePatch({ mergingList: [{ name: 1 }] }, { mergingList: [{ value: 'b' }] }, MERGE_ITEM),
    );
    expect(err.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'map: map[value:b] does not contain declared merge key: name',
      code: 500,
    });
  });

  it('a null patch changes nothing', () => {
    expect(applyStrategicMergePatch(frozenCopy({ a: 1 }), null, MERGE_ITEM)).toEqual({ a: 1 });
  });
});

describe('built-in kinds', () => {
  const pod = patchMetaFor('v1', 'Pod');
  const podCases: Case[] = [
    {
      name: 'the worked example: merge containers, reorder, replace tolerations',
      original: `
spec:
  containers: [{name: a, image: x}, {name: b, image: y}]
  tolerations: [{key: t1, operator: Exists}]`,
      patch: `
spec:
  $setElementOrder/containers: [{name: b}, {name: a}]
  containers: [{name: b, image: z}, {name: c, $patch: delete}]
  tolerations: [{key: t2, operator: Exists}]`,
      want: `
spec:
  containers: [{name: b, image: z}, {name: a, image: x}]
  tolerations: [{key: t2, operator: Exists}]`,
    },
    {
      name: 'env merges by name, ports by containerPort, volumeMounts by mountPath',
      original: `
spec:
  containers:
  - name: web
    env: [{name: A, value: '1'}, {name: B, value: '2'}]
    ports: [{containerPort: 80, name: http}]
    volumeMounts: [{name: data, mountPath: /data}]`,
      patch: `
spec:
  containers:
  - name: web
    env: [{name: B, value: '3'}]
    ports: [{containerPort: 80, protocol: TCP}, {containerPort: 443}]
    volumeMounts: [{mountPath: /data, readOnly: true}]`,
      want: `
spec:
  containers:
  - name: web
    env: [{name: A, value: '1'}, {name: B, value: '3'}]
    ports: [{containerPort: 80, name: http, protocol: TCP}, {containerPort: 443}]
    volumeMounts: [{name: data, mountPath: /data, readOnly: true}]`,
    },
    {
      name: 'a volume changes source with $retainKeys',
      original: 'spec: {volumes: [{name: v, emptyDir: {}}, {name: w, emptyDir: {}}]}',
      patch: 'spec: {volumes: [{name: v, configMap: {name: cm}, $retainKeys: [configMap, name]}]}',
      want: 'spec: {volumes: [{name: v, configMap: {name: cm}}, {name: w, emptyDir: {}}]}',
    },
    {
      name: 'finalizers merge as a set and delete through the parallel list',
      original: 'metadata: {finalizers: [a, b]}',
      patch: 'metadata: {finalizers: [c], $deleteFromPrimitiveList/finalizers: [a]}',
      want: 'metadata: {finalizers: [c, b]}',
    },
    {
      name: 'ownerReferences merge by uid',
      original: 'metadata: {ownerReferences: [{uid: u1, name: rs1}]}',
      patch: 'metadata: {ownerReferences: [{uid: u1, controller: true}]}',
      want: 'metadata: {ownerReferences: [{uid: u1, name: rs1, controller: true}]}',
    },
    {
      name: 'status conditions merge by type',
      original:
        'status: {conditions: [{type: Ready, status: "False"}, {type: PodScheduled, status: "True"}]}',
      patch: 'status: {conditions: [{type: Ready, status: "True"}]}',
      want: 'status: {conditions: [{type: Ready, status: "True"}, {type: PodScheduled, status: "True"}]}',
    },
    {
      name: 'labels merge as a map',
      original: 'metadata: {labels: {app: web, tier: fe}}',
      patch: 'metadata: {labels: {tier: null, env: prod}}',
      want: 'metadata: {labels: {app: web, env: prod}}',
    },
  ];
  describe('Pod', () => run(podCases, pod));

  it('Deployment strategy drops rollingUpdate when $retainKeys says so', () => {
    const got = apply(
      parse('spec: {strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}}'),
      parse('spec: {strategy: {$retainKeys: [type], type: Recreate}}'),
      patchMetaFor('apps/v1', 'Deployment'),
    );
    expect(got).toEqual({ spec: { strategy: { type: 'Recreate' } } });
  });

  it.each([
    ['apps/v1', 'Deployment', 'spec'],
    ['apps/v1', 'StatefulSet', 'spec'],
    ['apps/v1', 'DaemonSet', 'spec'],
    ['apps/v1', 'ReplicaSet', 'spec'],
    ['batch/v1', 'Job', 'spec'],
  ])('%s %s merges pod template containers by name', (apiVersion, kindName) => {
    const got = apply(
      {
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'a', image: 'x' },
                { name: 'b', image: 'y' },
              ],
            },
          },
        },
      },
      { spec: { template: { spec: { containers: [{ name: 'b', image: 'z' }] } } } },
      patchMetaFor(apiVersion, kindName),
    );
    expect(got).toEqual({
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'a', image: 'x' },
              { name: 'b', image: 'z' },
            ],
          },
        },
      },
    });
  });

  it('CronJob job template shares the PodSpec table', () => {
    const original = {
      spec: {
        jobTemplate: {
          spec: { template: { spec: { containers: [{ name: 'a', image: 'x', args: ['1'] }] } } },
        },
      },
    };
    const patch = {
      spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'y' }] } } } } },
    };
    expect(apply(original, patch, patchMetaFor('batch/v1', 'CronJob'))).toEqual({
      spec: {
        jobTemplate: {
          spec: { template: { spec: { containers: [{ name: 'a', image: 'y', args: ['1'] }] } } },
        },
      },
    });
  });

  it('Service ports merge by port; Node taints are replaced; podCIDRs merge', () => {
    expect(
      apply(
        { spec: { ports: [{ port: 80, targetPort: 8080 }] } },
        { spec: { ports: [{ port: 80, name: 'http' }, { port: 443 }] } },
        patchMetaFor('v1', 'Service'),
      ),
    ).toEqual({ spec: { ports: [{ port: 80, targetPort: 8080, name: 'http' }, { port: 443 }] } });
    const node = patchMetaFor('v1', 'Node');
    expect(
      apply(
        { spec: { taints: [{ key: 'a', effect: 'NoSchedule' }], podCIDRs: ['10.0.0.0/24'] } },
        {
          spec: {
            taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
            podCIDRs: ['fd00::/64'],
          },
        },
        node,
      ),
    ).toEqual({
      spec: {
        taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
        podCIDRs: ['fd00::/64', '10.0.0.0/24'],
      },
    });
  });

  it('PodDisruptionBudget selector is replaced, not merged', () => {
    expect(
      apply(
        { spec: { selector: { matchLabels: { a: '1' } } } },
        { spec: { selector: { matchLabels: { b: '2' } } } },
        patchMetaFor('policy/v1', 'PodDisruptionBudget'),
      ),
    ).toEqual({ spec: { selector: { matchLabels: { b: '2' } } } });
  });

  it('kubectl rollout restart adds an annotation to the template', () => {
    const original = {
      spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' }] } } },
    };
    const patch = {
      spec: {
        template: {
          metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' } },
        },
      },
    };
    expect(apply(original, patch, patchMetaFor('apps/v1', 'Deployment'))).toEqual({
      spec: {
        template: {
          metadata: {
            labels: { app: 'web' },
            annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' },
          },
          spec: { containers: [{ name: 'web' }] },
        },
      },
    });
  });
});
