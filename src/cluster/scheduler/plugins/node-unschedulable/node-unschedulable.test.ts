import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, runFilter } from '../../testing/plugin-harness.ts';
import { NodeUnschedulable, ERR_REASON_UNSCHEDULABLE, NAME } from './node-unschedulable.ts';

describe(NAME, () => {
  const cordoned = nodeInfoOf(makeNode().name('n').unschedulable().obj());
  const open = nodeInfoOf(makeNode().name('n').obj());
  it.each([
    { name: 'schedulable node', node: open, pod: makePod().name('p').obj(), want: null },
    { name: 'cordoned node', node: cordoned, pod: makePod().name('p').obj(), want: ERR_REASON_UNSCHEDULABLE },
    {
      name: 'cordoned, pod tolerates the unschedulable taint',
      node: cordoned,
      pod: makePod().name('p').toleration({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }).obj(),
      want: null,
    },
    { name: 'cordoned, pod tolerates everything', node: cordoned, pod: makePod().name('p').toleration({ operator: 'Exists' }).obj(), want: null },
    {
      name: 'cordoned, toleration for another effect',
      node: cordoned,
      pod: makePod().name('p').toleration({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }).obj(),
      want: ERR_REASON_UNSCHEDULABLE,
    },
  ])('$name', ({ node, pod, want }) => {
    const { results } = runFilter(new NodeUnschedulable(), pod, [node]);
    expect(results[0]?.reasons[0] ?? null).toBe(want);
    if (want) expect(results[0]?.code).toBe('UnschedulableAndUnresolvable');
  });
});
