import { describe, expect, it } from 'vitest';
import { makePod } from '../../testing/wrappers.ts';
import { NAME, SchedulingGates } from './scheduling-gates.ts';

describe(NAME, () => {
  it.each([
    { name: 'no gates', gates: [] as string[], want: null },
    { name: 'one gate', gates: ['example.com/wait'], want: 'waiting for scheduling gates: [example.com/wait]' },
    { name: 'two gates', gates: ['a', 'b'], want: 'waiting for scheduling gates: [a b]' },
  ])('$name', ({ gates, want }) => {
    const s = new SchedulingGates().preEnqueue(makePod().name('p').schedulingGates(...gates).obj());
    expect(s?.reasons[0] ?? null).toBe(want);
    if (want) expect(s?.code).toBe('UnschedulableAndUnresolvable');
  });
});
