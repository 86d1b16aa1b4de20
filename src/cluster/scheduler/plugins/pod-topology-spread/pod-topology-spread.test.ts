import { describe, expect, it } from 'vitest';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { NodeInfo } from '../../framework/node-info.ts';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, reasons, runFilter, runScore } from '../../testing/plugin-harness.ts';
import { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH, NAME, PodTopologySpread } from './pod-topology-spread.ts';

const app = (name: string) => makePod().name(name).label('app', 'web');
const zoneNode = (name: string, zone: string | null, pods: IPod[] = [], tweak?: (w: ReturnType<typeof makeNode>) => void) => {
  const w = makeNode().name(name);
  if (zone) w.zone(zone);
  tweak?.(w);
  return nodeInfoOf(w.obj(), pods);
};
const zoneSpread = (maxSkew = 1, extra: Record<string, unknown> = {}) =>
  app('new').spread({ maxSkew, topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { app: 'web' } }, ...extra });

describe(`${NAME} Filter`, () => {
  const cases: Array<{ name: string; pod: IPod; nodes: NodeInfo[]; want: string[][] | 'skip' }> = [
    { name: 'no constraints: skipped', pod: app('p').obj(), nodes: [zoneNode('a', 'z1')], want: 'skip' },
    {
      name: 'skew: zone z1 has 2, z2 has 0 -> only z2 fits at maxSkew 1',
      pod: zoneSpread().obj(),
      nodes: [zoneNode('a', 'z1', [app('e1').obj(), app('e2').obj()]), zoneNode('b', 'z2')],
      want: [[ERR_REASON_CONSTRAINTS_NOT_MATCH], []],
    },
    {
      name: 'maxSkew 2 allows it',
      pod: zoneSpread(2).obj(),
      nodes: [zoneNode('a', 'z1', [app('e1').obj()]), zoneNode('b', 'z2')],
      want: [[], []],
    },
    {
      name: 'missing topology label',
      pod: zoneSpread().obj(),
      nodes: [zoneNode('a', 'z1'), zoneNode('b', null)],
      want: [[], [ERR_REASON_NODE_LABEL_NOT_MATCH]],
    },
    {
      name: 'other namespaces and non-matching pods do not count',
      pod: zoneSpread().obj(),
      nodes: [zoneNode('a', 'z1', [app('e1').namespace('other').obj(), makePod().name('x').label('app', 'db').obj()]), zoneNode('b', 'z2')],
      want: [[], []],
    },
    {
      name: 'terminating pods do not count',
      pod: zoneSpread().obj(),
      nodes: [zoneNode('a', 'z1', [app('e1').terminating().obj(), app('e2').terminating().obj()]), zoneNode('b', 'z2')],
      want: [[], []],
    },
    {
      name: 'minDomains 3 with 2 domains: global minimum is 0',
      pod: zoneSpread(1, { minDomains: 3 }).obj(),
      nodes: [zoneNode('a', 'z1', [app('e1').obj()]), zoneNode('b', 'z2', [app('e2').obj()])],
      want: [[ERR_REASON_CONSTRAINTS_NOT_MATCH], [ERR_REASON_CONSTRAINTS_NOT_MATCH]],
    },
    {
      name: 'nodeAffinityPolicy Honor: a domain the pod cannot use does not lower the minimum',
      pod: zoneSpread().nodeSelector({ pool: 'x' }).obj(),
      nodes: [zoneNode('a', 'z1', [app('e1').obj()], (w) => w.label('pool', 'x')), zoneNode('b', 'z2')],
      want: [[], []],
    },
    {
      name: 'nodeAffinityPolicy Ignore: it does',
      pod: zoneSpread(1, { nodeAffinityPolicy: 'Ignore' }).nodeSelector({ pool: 'x' }).obj(),
      nodes: [zoneNode('a', 'z1', [app('e1').obj()], (w) => w.label('pool', 'x')), zoneNode('b', 'z2')],
      want: [[ERR_REASON_CONSTRAINTS_NOT_MATCH], []],
    },
    {
      name: 'nodeTaintsPolicy Honor: a tainted domain is not counted',
      pod: zoneSpread(1, { nodeTaintsPolicy: 'Honor' }).obj(),
      nodes: [zoneNode('a', 'z1', [app('e1').obj()]), zoneNode('b', 'z2', [], (w) => w.taint({ key: 'k', effect: 'NoSchedule' }))],
      want: [[], []],
    },
    {
      name: 'matchLabelKeys narrows the selector to the same revision',
      pod: app('new')
        .label('rev', '2')
        .spread({ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['rev'] })
        .obj(),
      nodes: [zoneNode('a', 'z1', [app('old1').label('rev', '1').obj(), app('old2').label('rev', '1').obj()]), zoneNode('b', 'z2')],
      want: [[], []],
    },
  ];
  it.each(cases)('$name', ({ pod, nodes, want }) => {
    const r = runFilter(new PodTopologySpread(), pod, nodes);
    if (want === 'skip') return expect(r.skipped).toBe(true);
    expect(reasons(r.results)).toEqual(want);
  });
});

describe(`${NAME} Score`, () => {
  it('ScheduleAnyway on hostname: fewer matching pods score higher', () => {
    const nodes = [
      zoneNode('a', 'z1', [app('e1').obj(), app('e2').obj()]),
      zoneNode('b', 'z1', [app('e3').obj()]),
      zoneNode('c', 'z1'),
    ];
    const pod = app('new')
      .spread({ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } }, whenUnsatisfiable: 'ScheduleAnyway' })
      .obj();
    const { raw, normalized } = runScore(new PodTopologySpread(), pod, nodes);
    // weight log(3+2) = 1.609; raw = round(cnt*1.609 + 0) -> 3, 2, 0
    expect(raw).toEqual([3, 2, 0]);
    // 100 * (max + min - s) / max with max 3, min 0
    expect(normalized).toEqual([0, 33, 100]);
  });
  it('system defaults apply through the owner selector', () => {
    const nodes = [zoneNode('a', 'z1', [app('e1').obj()]), zoneNode('b', 'z2')];
    const plugin = new PodTopologySpread({ defaultSpreadSelector: () => ({ matchLabels: { app: 'web' } }) });
    const { raw, normalized } = runScore(plugin, app('new').obj(), nodes);
    // hostname: cnt*log(4) + 2; zone: cnt*log(4) + 4 -> a: 1.386+2+1.386+4 = 8.77 -> 9; b: 6
    expect(raw).toEqual([9, 6]);
    expect(normalized).toEqual([66, 100]);
  });
  it('no owner selector: system defaults do nothing (skipped)', () => {
    expect(runScore(new PodTopologySpread(), app('new').obj(), [zoneNode('a', 'z1')]).skipped).toBe(true);
  });
});
