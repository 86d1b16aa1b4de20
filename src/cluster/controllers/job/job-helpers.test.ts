import { describe, expect, it } from 'vitest';
import { formatIndexes, parseIndexes } from './completed-indexes.ts';
import { nextBackoffRecord, remainingBackoffMs } from './job-backoff.ts';
import type { Pod } from '../replica-set/workload-types.ts';

describe('completedIndexes', () => {
  it.each([
    [[], ''],
    [[0], '0'],
    [[0, 1], '0-1'],
    [[4, 0, 2, 1, 6, 7], '0-2,4,6-7'],
  ])('%j formats as %s and parses back', (ix, text) => {
    expect(formatIndexes(ix)).toBe(text);
    expect([...parseIndexes(text, 100)].sort((a, b) => a - b)).toEqual([...new Set(ix)].sort((a, b) => a - b));
  });
  it('drops indexes at or past completions', () => expect([...parseIndexes('0-5', 3)]).toEqual([0, 1, 2]));
});

const failedAt = (iso: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Failed', containerStatuses: [{ name: 'c', state: { terminated: { finishedAt: iso } } }] } });

describe('job failure back-off', () => {
  const t = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [1, 0, 10_000],
    [2, 0, 20_000],
    [3, 5_000, 35_000],
    [7, 0, 600_000], // 640 s capped at 10 min
    [1, 11_000, 0],
  ])('%i failures, %i ms later: wait %i ms', (failures, elapsed, want) => {
    expect(remainingBackoffMs({ failuresAfterLastSuccess: failures, lastFailureMs: t }, t + elapsed)).toBe(want);
  });
  it('counts failures since the last success', () => {
    const r = nextBackoffRecord({ failuresAfterLastSuccess: 0 }, [], [failedAt('2026-01-01T00:00:05Z'), failedAt('2026-01-01T00:00:09Z')]);
    expect(r).toEqual({ failuresAfterLastSuccess: 2, lastFailureMs: t + 9000 });
    const ok: Pod = { ...failedAt('2026-01-01T00:00:20Z'), status: { phase: 'Succeeded', containerStatuses: [{ name: 'c', state: { terminated: { finishedAt: '2026-01-01T00:00:20Z' } } }] } };
    expect(nextBackoffRecord(r, [ok], [])).toEqual({ failuresAfterLastSuccess: 0 });
  });
});
