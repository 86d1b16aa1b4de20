import { describe, expect, it } from 'vitest';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { VirtualClock } from '../../sim/clock.ts';
import * as names from '../names.ts';
import { newDefaultFramework } from '../registry.ts';
import { makeNode, makePod } from '../testing/wrappers.ts';
import { backoffDuration } from './backoff.ts';
import { SchedulingQueue, podUpdateAction } from './scheduling-queue.ts';

function setup() {
  const clock = new VirtualClock(0);
  let activations = 0;
  const q = new SchedulingQueue({ clock, framework: newDefaultFramework(), onActive: () => activations++ });
  return { clock, q, activations: () => activations };
}

describe('backoffDuration', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 10000],
    [9, 10000],
  ])('attempt %i waits %i ms', (attempts, ms) => {
    expect(backoffDuration(attempts)).toBe(ms);
  });
});

describe('SchedulingQueue', () => {
  it('pops by priority, then by time queued', () => {
    const { clock, q } = setup();
    q.add(makePod().name('low').priority(1).obj());
    clock.advance(10);
    q.add(makePod().name('high').priority(100).obj());
    clock.advance(10);
    q.add(makePod().name('low-later').priority(1).obj());
    expect([q.pop(), q.pop(), q.pop()].map((x) => x?.podInfo.name)).toEqual(['high', 'low', 'low-later']);
    expect(q.pop()).toBeUndefined();
  });

  it('back-off follows 1 s -> 2 -> 4 -> 8 -> 10 s on the virtual clock', () => {
    const { clock, q } = setup();
    q.add(makePod().name('p').obj());
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const qpi = q.pop()!;
      expect(qpi.attempts).toBe(attempt);
      const failedAt = clock.now();
      // Failed with an error (no plugin to wait for): straight to backoff.
      q.addUnschedulableIfNotPresent(qpi, new Set());
      expect(q.where(qpi.podInfo.uid)).toBe('backoff');
      clock.step();
      expect(q.where(qpi.podInfo.uid)).toBe('active');
      waits.push(clock.now() - failedAt);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('an unschedulable pod waits for an event its rejecting plugin registered for', () => {
    const { clock, q } = setup();
    q.add(makePod().name('p').req({ cpu: '8' }).obj());
    const qpi = q.pop()!;
    q.done(qpi.podInfo.uid);
    q.addUnschedulableIfNotPresent(qpi, new Set([names.NodeResourcesFit]));
    expect(q.where('uid-p')).toBe('unschedulable');
    // NodeResourcesFit did not register for claim events.
    expect(q.moveAllToActiveOrBackoffQueue({ resource: 'PersistentVolumeClaim', action: 'Add' })).toBe(0);
    expect(q.where('uid-p')).toBe('unschedulable');
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: 'Add' }, undefined, makeNode().name('n').obj());
    // Still inside its 1 s back-off: it goes to backoffQ first.
    expect(q.where('uid-p')).toBe('backoff');
    clock.advance(1000);
    expect(q.where('uid-p')).toBe('active');
  });

  it('queueing hints: a taint update that leaves the node tainted does not help', () => {
    const { clock, q } = setup();
    q.add(makePod().name('p').obj());
    const qpi = q.pop()!;
    q.done(qpi.podInfo.uid);
    q.addUnschedulableIfNotPresent(qpi, new Set([names.TaintToleration]));
    clock.advance(5000);
    const tainted = makeNode().name('n').taint({ key: 'k', effect: 'NoSchedule' }).obj();
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: 'UpdateNodeTaint' }, tainted, tainted);
    expect(q.where('uid-p')).toBe('unschedulable');
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: 'UpdateNodeTaint' }, tainted, makeNode().name('n').obj());
    expect(q.where('uid-p')).toBe('active');
  });

  it('an event during the attempt sends the pod to back-off instead of unschedulable', () => {
    const { q } = setup();
    q.add(makePod().name('p').obj());
    const qpi = q.pop()!;
    q.moveAllToActiveOrBackoffQueue({ resource: 'AssignedPod', action: 'Delete' }, makePod().name('gone').obj());
    q.addUnschedulableIfNotPresent(qpi, new Set([names.NodeResourcesFit]));
    expect(q.where('uid-p')).toBe('backoff');
  });

  it('retries a leftover unschedulable pod after 5 minutes (checked every 30 s)', () => {
    const { clock, q } = setup();
    q.add(makePod().name('p').obj());
    const qpi = q.pop()!;
    q.done(qpi.podInfo.uid);
    q.addUnschedulableIfNotPresent(qpi, new Set([names.NodeAffinity]));
    clock.advance(5 * 60 * 1000);
    expect(q.where('uid-p')).toBe('unschedulable');
    clock.advance(30_000);
    expect(q.where('uid-p')).toBe('active');
  });

  it('scheduling gates keep a pod out of activeQ until removed', () => {
    const { q, activations } = setup();
    const gated = makePod().name('g').schedulingGates('example.com/wait').obj();
    q.add(gated);
    expect(q.where('uid-g')).toBe('gated');
    expect(q.pop()).toBeUndefined();
    expect(q.pendingPods()[0]?.gatedMessage).toBe('waiting for scheduling gates: [example.com/wait]');
    // Events do not release it.
    q.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: 'Add' }, undefined, makeNode().name('n').obj());
    expect(q.where('uid-g')).toBe('gated');
    const before = activations();
    q.update(gated, makePod().name('g').obj());
    expect(q.where('uid-g')).toBe('active');
    expect(activations()).toBe(before + 1);
  });

  it('ignores pods of another scheduler and assigned pods', () => {
    const { q } = setup();
    expect(q.add(makePod().name('x').schedulerName('my-scheduler').obj())).toBe(false);
    expect(q.add(makePod().name('y').node('n1').obj())).toBe(false);
    expect(q.size).toBe(0);
  });

  it('delete forgets the pod wherever it is, cancelling its back-off', () => {
    const { clock, q } = setup();
    const pod = makePod().name('p').obj();
    q.add(pod);
    q.addUnschedulableIfNotPresent(q.pop()!, new Set());
    q.delete(pod);
    expect(q.where('uid-p')).toBeUndefined();
    clock.advance(2000);
    expect(q.pop()).toBeUndefined();
  });

  it('tracks nominations from pod status', () => {
    const { q } = setup();
    q.add(makePod().name('p').priority(5).nominatedNode('n1').obj());
    expect(q.nominatedPodsForNode('n1').map((p) => p.name)).toEqual(['p']);
    q.update(undefined, makePod().name('p').priority(5).obj());
    expect(q.nominatedPodsForNode('n1')).toEqual([]);
  });

  it.each<{ name: string; old: IPod; pod: IPod; want: string | null }>([
    { name: 'status only', old: makePod().name('p').obj(), pod: makePod().name('p').nominatedNode('x').obj(), want: null },
    { name: 'gates removed', old: makePod().name('p').schedulingGates('a').obj(), pod: makePod().name('p').obj(), want: 'UpdatePodSchedulingGatesEliminated' },
    { name: 'tolerations', old: makePod().name('p').obj(), pod: makePod().name('p').toleration({ operator: 'Exists' }).obj(), want: 'UpdatePodTolerations' },
    { name: 'labels', old: makePod().name('p').obj(), pod: makePod().name('p').label('a', 'b').obj(), want: 'UpdatePodLabel' },
  ])('podUpdateAction: $name', ({ old, pod, want }) => {
    expect(podUpdateAction(old, pod)).toBe(want);
  });
});
