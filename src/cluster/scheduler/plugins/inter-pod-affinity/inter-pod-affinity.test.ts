import { describe, expect, it } from 'vitest';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { NodeInfo } from '../../framework/node-info.ts';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, reasons, runFilter, runScore } from '../../testing/plugin-harness.ts';
import {
  ERR_REASON_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
  InterPodAffinity,
  NAME,
} from './inter-pod-affinity.ts';

const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const node = (name: string, zone: string, pods: IPod[] = []) => nodeInfoOf(makeNode().name(name).zone(zone).obj(), pods);
const web = { matchLabels: { app: 'web' } };
const db = { matchLabels: { app: 'db' } };

describe(`${NAME} Filter`, () => {
  const cases: Array<{ name: string; pod: IPod; nodes: NodeInfo[]; want: string[][] | 'skip'; codes?: string[] }> = [
    { name: 'no affinity anywhere: skipped', pod: makePod().name('p').obj(), nodes: [node('a', 'z1')], want: 'skip' },
    {
      name: 'affinity to db: only the zone with a db pod',
      pod: makePod().name('p').podAffinity(ZONE, db).obj(),
      nodes: [node('a', 'z1', [makePod().name('d').label('app', 'db').obj()]), node('b', 'z1'), node('c', 'z2')],
      want: [[], [], [ERR_REASON_AFFINITY_RULES_NOT_MATCH]],
      codes: ['', '', 'UnschedulableAndUnresolvable'],
    },
    {
      name: 'first pod of a self-affine group may go anywhere',
      pod: makePod().name('p').label('app', 'web').podAffinity(ZONE, web).obj(),
      nodes: [node('a', 'z1'), node('b', 'z2')],
      want: [[], []],
    },
    {
      name: 'affinity, nothing matches and the pod does not match itself',
      pod: makePod().name('p').podAffinity(ZONE, db).obj(),
      nodes: [node('a', 'z1')],
      want: [[ERR_REASON_AFFINITY_RULES_NOT_MATCH]],
    },
    {
      name: 'anti-affinity per host: not next to another web pod',
      pod: makePod().name('p').label('app', 'web').podAntiAffinity(HOST, web).obj(),
      nodes: [node('a', 'z1', [makePod().name('w').label('app', 'web').obj()]), node('b', 'z1')],
      want: [[ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH], []],
      codes: ['Unschedulable', ''],
    },
    {
      name: 'existing pod anti-affinity keeps us out of its zone',
      pod: makePod().name('p').label('app', 'web').obj(),
      nodes: [node('a', 'z1', [makePod().name('x').podAntiAffinity(ZONE, web).obj()]), node('b', 'z1'), node('c', 'z2')],
      want: [[ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH], [ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH], []],
    },
    {
      name: 'terms only match pods in the listed namespaces (default: own)',
      pod: makePod().name('p').podAntiAffinity(HOST, web).obj(),
      nodes: [node('a', 'z1', [makePod().name('w').namespace('other').label('app', 'web').obj()])],
      want: [[]],
    },
    {
      name: 'explicit namespaces',
      pod: makePod().name('p').podAntiAffinity(HOST, web, { namespaces: ['other'] }).obj(),
      nodes: [node('a', 'z1', [makePod().name('w').namespace('other').label('app', 'web').obj()])],
      want: [[ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH]],
    },
    {
      name: 'empty namespaceSelector means all namespaces',
      pod: makePod().name('p').podAntiAffinity(HOST, web, { namespaceSelector: {} }).obj(),
      nodes: [node('a', 'z1', [makePod().name('w').namespace('other').label('app', 'web').obj()])],
      want: [[ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH]],
    },
  ];
  it.each(cases)('$name', ({ pod, nodes, want, codes }) => {
    const r = runFilter(new InterPodAffinity(), pod, nodes);
    if (want === 'skip') return expect(r.skipped).toBe(true);
    expect(reasons(r.results)).toEqual(want);
    if (codes) expect(r.results.map((s) => s?.code ?? '')).toEqual(codes);
  });

  it('namespaceSelector uses namespace labels', () => {
    const plugin = new InterPodAffinity({ namespaceLabels: (ns): Record<string, string> => (ns === 'team-a' ? { team: 'a' } : {}) });
    const pod = makePod().name('p').podAntiAffinity(HOST, web, { namespaceSelector: { matchLabels: { team: 'a' } } }).obj();
    const nodes = [
      node('a', 'z1', [makePod().name('w').namespace('team-a').label('app', 'web').obj()]),
      node('b', 'z1', [makePod().name('w2').namespace('team-b').label('app', 'web').obj()]),
    ];
    expect(reasons(runFilter(plugin, pod, nodes).results)).toEqual([[ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH], []]);
  });
});

describe(`${NAME} Score`, () => {
  it('preferred affinity and anti-affinity, normalized min..max', () => {
    const nodes = [
      node('a', 'z1', [makePod().name('d').label('app', 'db').obj()]),
      node('b', 'z2', [makePod().name('w').label('app', 'web').obj()]),
      node('c', 'z3'),
    ];
    const pod = makePod().name('p').preferredPodAffinity(10, ZONE, db).preferredPodAntiAffinity(5, ZONE, web).obj();
    const { raw, normalized } = runScore(new InterPodAffinity(), pod, nodes);
    expect(raw).toEqual([10, -5, 0]);
    // (s - min) / (max - min) * 100
    expect(normalized).toEqual([100, 0, 33]);
  });
  it("existing pods' required affinity attracts matching pods (hardPodAffinityWeight 1)", () => {
    const nodes = [node('a', 'z1', [makePod().name('x').podAffinity(ZONE, web).obj()]), node('b', 'z2')];
    const { raw } = runScore(new InterPodAffinity(), makePod().name('p').label('app', 'web').obj(), nodes);
    expect(raw).toEqual([1, 0]);
  });
});
