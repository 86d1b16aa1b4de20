import { describe, expect, it } from 'vitest';
import { DecisionLog } from './decision-log.ts';
import type { DecisionRecord } from './framework/decision-record.ts';

const rec = (attempt: number) => ({ attempt }) as unknown as DecisionRecord;

describe('DecisionLog', () => {
  it('keeps the last attempts per pod and a bounded number of pods', () => {
    const log = new DecisionLog(2, 2);
    log.add('ns/a', rec(1));
    log.add('ns/a', rec(2));
    log.add('ns/a', rec(3));
    expect(log.get('ns/a').map((r) => r.attempt)).toEqual([2, 3]);
    log.add('ns/b', rec(1));
    log.add('ns/c', rec(1));
    expect(log.size).toBe(2);
    expect(log.get('ns/a')).toEqual([]);
    expect(log.get('ns/c')).toHaveLength(1);
  });
});
