import { describe, expect, it } from 'vitest';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, reasons, runFilter, runScore } from '../../testing/plugin-harness.ts';
import { leastRequestedScore, NAME, NodeResourcesFit } from './node-resources-fit.ts';

const node = (cpu: string, memory: string, pods = 110, extra: Record<string, string | number> = {}) =>
  makeNode().name('n').capacity({ cpu, memory, pods, 'ephemeral-storage': '10Gi', ...extra }).obj();

describe(`${NAME} Filter`, () => {
  const cases: Array<{ name: string; node: ReturnType<typeof node>; existing: IPod[]; pod: IPod; want: string[] }> = [
    { name: 'fits', node: node('2', '4Gi'), existing: [], pod: makePod().name('p').req({ cpu: '1', memory: '1Gi' }).obj(), want: [] },
    { name: 'exactly fits', node: node('2', '4Gi'), existing: [makePod().name('e').req({ cpu: '1' }).obj()], pod: makePod().name('p').req({ cpu: '1' }).obj(), want: [] },
    {
      name: 'Insufficient cpu',
      node: node('2', '4Gi'),
      existing: [makePod().name('e').req({ cpu: '1500m' }).obj()],
      pod: makePod().name('p').req({ cpu: '600m' }).obj(),
      want: ['Insufficient cpu'],
    },
    {
      name: 'cpu and memory both short: two reasons',
      node: node('1', '1Gi'),
      existing: [],
      pod: makePod().name('p').req({ cpu: '2', memory: '2Gi' }).obj(),
      want: ['Insufficient cpu', 'Insufficient memory'],
    },
    { name: 'ephemeral-storage', node: node('1', '1Gi'), existing: [], pod: makePod().name('p').req({ 'ephemeral-storage': '20Gi' }).obj(), want: ['Insufficient ephemeral-storage'] },
    { name: 'extended resource absent on node', node: node('1', '1Gi'), existing: [], pod: makePod().name('p').req({ 'example.com/gpu': 1 }).obj(), want: ['Insufficient example.com/gpu'] },
    { name: 'extended resource available', node: node('1', '1Gi', 110, { 'example.com/gpu': 2 }), existing: [], pod: makePod().name('p').req({ 'example.com/gpu': 2 }).obj(), want: [] },
    {
      name: 'Too many pods, even for a best-effort pod',
      node: node('4', '4Gi', 1),
      existing: [makePod().name('e').obj()],
      pod: makePod().name('p').obj(),
      want: ['Too many pods'],
    },
    {
      name: 'Too many pods listed first',
      node: node('1', '4Gi', 1),
      existing: [makePod().name('e').req({ cpu: '1' }).obj()],
      pod: makePod().name('p').req({ cpu: '1' }).obj(),
      want: ['Too many pods', 'Insufficient cpu'],
    },
    {
      name: 'init container counts',
      node: node('2', '4Gi'),
      existing: [],
      pod: makePod().name('p').req({ cpu: '100m' }).initReq({ cpu: '3' }).obj(),
      want: ['Insufficient cpu'],
    },
    {
      name: 'overhead counts',
      node: node('1', '4Gi'),
      existing: [],
      pod: makePod().name('p').req({ cpu: '900m' }).overhead({ cpu: '200m' }).obj(),
      want: ['Insufficient cpu'],
    },
    {
      name: 'best-effort pod on an over-committed node still fits',
      node: node('1', '1Gi'),
      existing: [makePod().name('e').req({ cpu: '2' }).obj()],
      pod: makePod().name('p').req({}).obj(),
      want: [],
    },
  ];
  it.each(cases)('$name', ({ node: n, existing, pod, want }) => {
    const r = runFilter(new NodeResourcesFit(), pod, [nodeInfoOf(n, existing)]);
    expect(reasons(r.results)[0]).toEqual(want);
    if (want.length > 0) expect(r.results[0]?.code).toBe('Unschedulable');
  });
});

describe(`${NAME} Score (LeastAllocated)`, () => {
  it.each([
    { requested: 0, capacity: 4000, want: 100 },
    { requested: 1000, capacity: 4000, want: 75 },
    { requested: 3333, capacity: 10000, want: 66 },
    { requested: 5000, capacity: 4000, want: 0 },
    { requested: 10, capacity: 0, want: 0 },
  ])('leastRequestedScore($requested, $capacity) = $want', ({ requested, capacity, want }) => {
    expect(leastRequestedScore(requested, capacity)).toBe(want);
  });

  it('uses non-zero defaults (100m / 200Mi) and averages cpu and memory', () => {
    // Node 4 cpu / 2000Mi. Existing best-effort pod counts 100m/200Mi; incoming asks 1 cpu, no memory (200Mi).
    const n = makeNode().name('n').capacity({ cpu: '4', memory: '2000Mi', pods: 110 }).obj();
    const ni = nodeInfoOf(n, [makePod().name('e').req({}).obj()]);
    const { raw } = runScore(new NodeResourcesFit(), makePod().name('p').req({ cpu: '1' }).obj(), [ni]);
    // cpu: (4000-1100)*100/4000 = 72; memory: (2000-400)*100/2000 = 80; (72+80)/2 = 76
    expect(raw).toEqual([76]);
  });
});
