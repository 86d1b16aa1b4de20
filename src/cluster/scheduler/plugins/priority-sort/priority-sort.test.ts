import { describe, expect, it } from 'vitest';
import type { QueuedPodInfo } from '../../framework/interfaces.ts';
import { PodInfo } from '../../framework/pod-info.ts';
import { makePod } from '../../testing/wrappers.ts';
import { NAME, PrioritySort } from './priority-sort.ts';

const q = (name: string, priority: number, timestamp: number): QueuedPodInfo => ({
  podInfo: new PodInfo(makePod().name(name).priority(priority).obj()),
  timestamp,
  attempts: 0,
  initialAttemptTimestamp: timestamp,
  unschedulablePlugins: new Set(),
  gated: false,
});

describe(NAME, () => {
  it.each([
    { name: 'higher priority first', a: q('a', 10, 5), b: q('b', 0, 1), want: true },
    { name: 'lower priority later', a: q('a', 0, 1), b: q('b', 10, 5), want: false },
    { name: 'same priority: earlier first', a: q('a', 5, 1), b: q('b', 5, 2), want: true },
    { name: 'same priority, same time: not less', a: q('a', 5, 1), b: q('b', 5, 1), want: false },
  ])('$name', ({ a, b, want }) => {
    expect(new PrioritySort().less(a, b)).toBe(want);
  });
});
