import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../testing/wrappers.ts';
import { assignedPodUpdateEvents, nodeUpdateEvents } from './cluster-events.ts';

describe('nodeUpdateEvents', () => {
  const base = makeNode().name('n').capacity({ cpu: '4', memory: '8Gi', pods: 110 });
  it.each([
    { name: 'nothing changed', next: base.obj(), want: [] },
    { name: 'cordon', next: makeNode().name('n').capacity({ cpu: '4', memory: '8Gi', pods: 110 }).unschedulable().obj(), want: ['UpdateNodeTaint'] },
    { name: 'taint', next: makeNode().name('n').capacity({ cpu: '4', memory: '8Gi', pods: 110 }).taint({ key: 'k', effect: 'NoSchedule' }).obj(), want: ['UpdateNodeTaint'] },
    { name: 'label', next: makeNode().name('n').capacity({ cpu: '4', memory: '8Gi', pods: 110 }).label('a', 'b').obj(), want: ['UpdateNodeLabel'] },
    { name: 'allocatable', next: makeNode().name('n').capacity({ cpu: '8', memory: '8Gi', pods: 110 }).obj(), want: ['UpdateNodeAllocatable'] },
  ])('$name', ({ next, want }) => {
    expect(nodeUpdateEvents(base.obj(), next).map((e) => e.action)).toEqual(want);
  });
});

describe('assignedPodUpdateEvents', () => {
  it('labels and scale-down', () => {
    const old = makePod().name('p').req({ cpu: '1' }).obj();
    expect(assignedPodUpdateEvents(old, makePod().name('p').label('a', 'b').req({ cpu: '500m' }).obj()).map((e) => e.action)).toEqual([
      'UpdatePodLabel',
      'UpdatePodScaleDown',
    ]);
    expect(assignedPodUpdateEvents(old, makePod().name('p').req({ cpu: '1' }).obj())).toEqual([]);
  });
});
