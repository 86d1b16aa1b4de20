import { describe, expect, it } from 'vitest';
import type { ITaint } from 'kubernetes-models/v1/Taint';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, runFilter, runScore } from '../../testing/plugin-harness.ts';
import { ERR_REASON_GENERIC, NAME, TaintToleration } from './taint-toleration.ts';

const cp: ITaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe(`${NAME} Filter`, () => {
  const cases: Array<{ name: string; taints: ITaint[]; tolerations: IToleration[]; detailed: string | null }> = [
    { name: 'no taints', taints: [], tolerations: [], detailed: null },
    { name: 'control-plane taint, empty value', taints: [cp], tolerations: [], detailed: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
    {
      name: 'key=value:NoSchedule untolerated',
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      tolerations: [],
      detailed: 'node(s) had untolerated taint {dedicated: gpu}',
    },
    {
      name: 'NoExecute counts too',
      taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }],
      tolerations: [],
      detailed: 'node(s) had untolerated taint {node.kubernetes.io/unreachable: }',
    },
    { name: 'PreferNoSchedule never filters', taints: [{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }], tolerations: [], detailed: null },
    { name: 'tolerated by Exists', taints: [cp], tolerations: [{ key: cp.key, operator: 'Exists', effect: 'NoSchedule' }], detailed: null },
    {
      name: 'Equal with the right value',
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }],
      detailed: null,
    },
    {
      name: 'Equal with a wrong value',
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      tolerations: [{ key: 'dedicated', value: 'cpu' }],
      detailed: 'node(s) had untolerated taint {dedicated: gpu}',
    },
    {
      name: 'effect mismatch',
      taints: [cp],
      tolerations: [{ key: cp.key, operator: 'Exists', effect: 'NoExecute' }],
      detailed: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    },
    { name: 'empty key + Exists tolerates all', taints: [cp, { key: 'x', effect: 'NoExecute' }], tolerations: [{ operator: 'Exists' }], detailed: null },
    {
      name: 'first untolerated taint in node order is named',
      taints: [cp, { key: 'b', value: '1', effect: 'NoSchedule' }],
      tolerations: [{ key: cp.key, operator: 'Exists' }],
      detailed: 'node(s) had untolerated taint {b: 1}',
    },
  ];
  it.each(cases)('$name', ({ taints, tolerations, detailed }) => {
    const nb = makeNode().name('n');
    for (const t of taints) nb.taint(t);
    const pb = makePod().name('p');
    for (const t of tolerations) pb.toleration(t);
    const node = nodeInfoOf(nb.obj());
    const d = runFilter(new TaintToleration({ taintMessageStyle: 'detailed' }), pb.obj(), [node]).results[0]!;
    const g = runFilter(new TaintToleration({ taintMessageStyle: 'generic' }), pb.obj(), [node]).results[0]!;
    expect(d?.reasons[0] ?? null).toBe(detailed);
    expect(g?.reasons[0] ?? null).toBe(detailed === null ? null : ERR_REASON_GENERIC);
    if (detailed) expect(d?.code).toBe('UnschedulableAndUnresolvable');
  });
});

describe(`${NAME} Score`, () => {
  it('counts untolerated PreferNoSchedule taints and normalizes in reverse', () => {
    const soft = (k: string): ITaint => ({ key: k, value: 'v', effect: 'PreferNoSchedule' });
    const nodes = [
      nodeInfoOf(makeNode().name('a').obj()),
      nodeInfoOf(makeNode().name('b').taint(soft('x')).obj()),
      nodeInfoOf(makeNode().name('c').taint(soft('x')).taint(soft('y')).obj()),
      nodeInfoOf(makeNode().name('d').taint(soft('y')).taint(soft('z')).obj()),
    ];
    const pod = makePod().name('p').toleration({ key: 'z', operator: 'Exists', effect: 'PreferNoSchedule' }).obj();
    const { raw, normalized } = runScore(new TaintToleration(), pod, nodes);
    expect(raw).toEqual([0, 1, 2, 1]);
    // 100 - 100*score/max
    expect(normalized).toEqual([100, 50, 0, 50]);
  });
  it('no PreferNoSchedule taints anywhere: every node 100', () => {
    const nodes = [nodeInfoOf(makeNode().name('a').obj()), nodeInfoOf(makeNode().name('b').obj())];
    expect(runScore(new TaintToleration(), makePod().name('p').obj(), nodes).normalized).toEqual([100, 100]);
  });
});
