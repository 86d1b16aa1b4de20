import { describe, expect, it } from 'vitest';
import { humanDuration } from './human-duration.ts';

describe('humanDuration (apimachinery HumanDuration)', () => {
  const cases: [number, string][] = [
    [-5000, '<invalid>'],
    [-500, '0s'],
    [0, '0s'],
    [59_000, '59s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [150_000, '2m30s'],
    [600_000, '10m'],
    [179 * 60_000, '179m'],
    [3 * 3600_000, '3h'],
    [3 * 3600_000 + 5 * 60_000, '3h5m'],
    [10 * 3600_000, '10h'],
    [50 * 3600_000, '2d2h'],
    [48 * 3600_000, '2d'],
    [30 * 86400_000, '30d'],
    [800 * 86400_000, '2y70d'],
  ];
  it.each(cases)('%i ms -> %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});
