import { describe, expect, it } from 'vitest';
import { formatCpu, formatMemory, parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  const cases: [string, number][] = [
    ['500m', 0.5],
    ['2', 2],
    ['1.5', 1.5],
    ['128Mi', 128 * 1024 ** 2],
    ['4Gi', 4 * 1024 ** 3],
    ['3917100Ki', 3917100 * 1024],
    ['1k', 1000],
    ['1e3', 1000],
    ['110', 110],
    ['nonsense', 0],
    ['', 0],
  ];
  it.each(cases)('%s -> %d', (q, n) => expect(parseQuantity(q)).toBe(n));
  it('formats for people', () => {
    expect(formatCpu(0.25)).toBe('250m');
    expect(formatCpu(4)).toBe('4');
    expect(formatMemory(512 * 1024 ** 2)).toBe('512Mi');
    expect(formatMemory(3.75 * 1024 ** 3)).toBe('3.8Gi');
  });
});
