import { describe, expect, it } from 'vitest';
import { fitErrorMessage, goStringCompare, type Diagnosis } from './fit-error.ts';
import { NodeToStatus } from './node-to-status.ts';
import { newStatus, type Code } from './status.ts';

function diagnosis(nodes: Record<string, string[]>, opts: { code?: Code; absent?: string[]; preFilterMsg?: string; postFilterMsg?: string } = {}): Diagnosis {
  const m = new NodeToStatus();
  for (const [node, reasons] of Object.entries(nodes)) m.set(node, { plugin: 'P', status: newStatus(opts.code ?? 'Unschedulable', ...reasons) });
  if (opts.absent) m.absent = { plugin: 'P', status: newStatus('UnschedulableAndUnresolvable', ...opts.absent) };
  return { nodeToStatus: m, unschedulablePlugins: new Set(), preFilterMsg: opts.preFilterMsg ?? '', postFilterMsg: opts.postFilterMsg ?? '' };
}

describe('fitErrorMessage', () => {
  const cases: Array<{ name: string; numAllNodes: number; d: Diagnosis; want: string }> = [
    {
      name: 'canonical: taint + cpu, with the preemption suffix',
      numAllNodes: 3,
      d: diagnosis(
        { head: ['node(s) had untolerated taint(s)'], w1: ['Insufficient cpu'], w2: ['Insufficient cpu'] },
        {
          postFilterMsg:
            'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
        },
      ),
      want: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    },
    {
      name: 'a node with two reasons counts in both (sums past N)',
      numAllNodes: 2,
      d: diagnosis({ a: ['Insufficient cpu', 'Insufficient memory'], b: ['Insufficient cpu'] }),
      want: '0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.',
    },
    {
      name: 'entries sorted as strings: "10 x" before "2 y"',
      numAllNodes: 12,
      d: diagnosis(
        Object.fromEntries([
          ...Array.from({ length: 10 }, (_, i) => [`t${i}`, ["node(s) didn't match Pod's node affinity/selector"]]),
          ['c1', ['Insufficient cpu']],
          ['c2', ['Insufficient cpu']],
        ]),
      ),
      want: "0/12 nodes are available: 10 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu.",
    },
    {
      name: 'PreFilter rejection: its message only, no per-node reasons',
      numAllNodes: 3,
      d: diagnosis(
        {},
        {
          absent: ['persistentvolumeclaim "data" not found'],
          preFilterMsg: 'persistentvolumeclaim "data" not found',
          postFilterMsg: 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
        },
      ),
      want: '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    },
    {
      name: 'absent nodes count with the absent status (PreFilter narrowed the nodes)',
      numAllNodes: 5,
      d: diagnosis({ w1: ['Too many pods'] }, { absent: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"] }),
      want: "0/5 nodes are available: 1 Too many pods, 4 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    },
    {
      name: 'no preemption message when PostFilter succeeded',
      numAllNodes: 1,
      d: diagnosis({ w1: ['Insufficient memory'] }),
      want: '0/1 nodes are available: 1 Insufficient memory.',
    },
    {
      name: 'not eligible for preemption',
      numAllNodes: 1,
      d: diagnosis({ w1: ['Insufficient cpu'] }, { postFilterMsg: 'preemption: not eligible due to preemptionPolicy=Never.' }),
      want: '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    },
  ];
  it.each(cases)('$name', ({ numAllNodes, d, want }) => {
    expect(fitErrorMessage(numAllNodes, d)).toBe(want);
  });

  it('sorts like Go sort.Strings (byte order: uppercase before lowercase, digits first)', () => {
    expect(['b', 'B', '10 a', '2 a', 'a'].sort(goStringCompare)).toEqual(['10 a', '2 a', 'B', 'a', 'b']);
  });
});
