import { describe, expect, it } from 'vitest';
import { formatElapsed } from './format-clock.ts';

describe('formatElapsed', () => {
  it.each([
    [0, '00:00'],
    [59_999, '00:59'],
    [61_000, '01:01'],
    [3_600_000 + 5_000, '01:00:05'],
    [86_400_000 + 61_000, 'day 2 · 00:01:01'],
    [-5, '00:00'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});
