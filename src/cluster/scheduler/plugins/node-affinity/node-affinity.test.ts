import { describe, expect, it } from 'vitest';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { CycleState } from '../../framework/cycle-state.ts';
import { PodInfo } from '../../framework/pod-info.ts';
import { Snapshot } from '../../framework/snapshot.ts';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, runFilter, runScore } from '../../testing/plugin-harness.ts';
import { ERR_REASON_CONFLICT, ERR_REASON_POD, NAME, NodeAffinity } from './node-affinity.ts';

const node = nodeInfoOf(makeNode().name('node-1').label('zone', 'a').label('gen', '5').label('gpu', 'true').obj());

describe(`${NAME} Filter`, () => {
  const cases: Array<{ name: string; pod: IPod; fits: boolean | 'skip' }> = [
    { name: 'no selector, no affinity: PreFilter skips', pod: makePod().name('p').obj(), fits: 'skip' },
    { name: 'nodeSelector matches', pod: makePod().name('p').nodeSelector({ zone: 'a' }).obj(), fits: true },
    { name: 'nodeSelector misses', pod: makePod().name('p').nodeSelector({ zone: 'b' }).obj(), fits: false },
    { name: 'nodeSelector needs every pair', pod: makePod().name('p').nodeSelector({ zone: 'a', gpu: 'false' }).obj(), fits: false },
    { name: 'In', pod: makePod().name('p').nodeAffinityIn('zone', ['a', 'b']).obj(), fits: true },
    { name: 'In misses', pod: makePod().name('p').nodeAffinityIn('zone', ['b']).obj(), fits: false },
    { name: 'NotIn', pod: makePod().name('p').nodeAffinityIn('zone', ['b'], 'NotIn').obj(), fits: true },
    { name: 'NotIn on a missing label passes', pod: makePod().name('p').nodeAffinityIn('rack', ['r1'], 'NotIn').obj(), fits: true },
    { name: 'NotIn misses', pod: makePod().name('p').nodeAffinityIn('zone', ['a'], 'NotIn').obj(), fits: false },
    { name: 'Exists', pod: makePod().name('p').nodeAffinityIn('gpu', [], 'Exists').obj(), fits: true },
    { name: 'DoesNotExist', pod: makePod().name('p').nodeAffinityIn('gpu', [], 'DoesNotExist').obj(), fits: false },
    { name: 'Gt', pod: makePod().name('p').nodeAffinityIn('gen', ['4'], 'Gt').obj(), fits: true },
    { name: 'Gt equal fails', pod: makePod().name('p').nodeAffinityIn('gen', ['5'], 'Gt').obj(), fits: false },
    { name: 'Lt', pod: makePod().name('p').nodeAffinityIn('gen', ['6'], 'Lt').obj(), fits: true },
    { name: 'Gt on a non-integer label fails', pod: makePod().name('p').nodeAffinityIn('zone', ['1'], 'Gt').obj(), fits: false },
    {
      name: 'terms are ORed',
      pod: makePod().name('p').nodeAffinityIn('zone', ['b']).nodeAffinityIn('gpu', ['true']).obj(),
      fits: true,
    },
    {
      name: 'expressions in a term are ANDed',
      pod: makePod()
        .name('p')
        .nodeAffinityTerm({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'gpu', operator: 'In', values: ['false'] }] })
        .obj(),
      fits: false,
    },
    { name: 'an empty term matches nothing', pod: makePod().name('p').nodeAffinityTerm({}).obj(), fits: false },
    {
      name: 'matchFields metadata.name',
      pod: makePod().name('p').nodeAffinityTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }).obj(),
      fits: true,
    },
    {
      name: 'matchFields metadata.name NotIn',
      pod: makePod().name('p').nodeAffinityTerm({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-1'] }] }).obj(),
      fits: false,
    },
    {
      name: 'nodeSelector and affinity both apply',
      pod: makePod().name('p').nodeSelector({ zone: 'b' }).nodeAffinityIn('gpu', ['true']).obj(),
      fits: false,
    },
  ];
  it.each(cases)('$name', ({ pod, fits }) => {
    const r = runFilter(new NodeAffinity(), pod, [node]);
    if (fits === 'skip') {
      expect(r.skipped).toBe(true);
      return;
    }
    expect(r.results[0]?.reasons[0] ?? null).toBe(fits ? null : ERR_REASON_POD);
    if (!fits) expect(r.results[0]?.code).toBe('UnschedulableAndUnresolvable');
  });
});

describe(`${NAME} PreFilter node names`, () => {
  const run = (pod: IPod) => new NodeAffinity().preFilter(new CycleState(Snapshot.of([node])), new PodInfo(pod));
  it('pins DaemonSet-style pods to the named node', () => {
    const r = run(makePod().name('p').nodeAffinityTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }).obj());
    expect([...(r.result?.nodeNames ?? [])]).toEqual(['node-1']);
  });
  it('a term without a name pin lets all nodes through', () => {
    const r = run(
      makePod()
        .name('p')
        .nodeAffinityTerm({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] })
        .nodeAffinityIn('zone', ['a'])
        .obj(),
    );
    expect(r.result).toBeUndefined();
  });
  it('conflicting pins in one term reject the pod', () => {
    const r = run(
      makePod()
        .name('p')
        .nodeAffinityTerm({
          matchFields: [
            { key: 'metadata.name', operator: 'In', values: ['a'] },
            { key: 'metadata.name', operator: 'In', values: ['b'] },
          ],
        })
        .obj(),
    );
    expect(r.status?.reasons).toEqual([ERR_REASON_CONFLICT]);
  });
});

describe(`${NAME} Score`, () => {
  it('sums matching preferred weights, best node 100', () => {
    const nodes = [
      nodeInfoOf(makeNode().name('a').label('zone', 'a').label('disk', 'ssd').obj()),
      nodeInfoOf(makeNode().name('b').label('zone', 'a').obj()),
      nodeInfoOf(makeNode().name('c').obj()),
    ];
    const pod = makePod().name('p').preferredNodeAffinity(2, 'zone', ['a']).preferredNodeAffinity(6, 'disk', ['ssd']).obj();
    const { raw, normalized } = runScore(new NodeAffinity(), pod, nodes);
    expect(raw).toEqual([8, 2, 0]);
    expect(normalized).toEqual([100, 25, 0]);
  });
  it('no preferred terms: skipped', () => {
    expect(runScore(new NodeAffinity(), makePod().name('p').obj(), [node]).skipped).toBe(true);
  });
});
