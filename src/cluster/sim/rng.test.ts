import { describe, expect, it } from 'vitest';
import { Rng, NAME_SUFFIX_ALPHABET } from './rng.ts';

describe('Rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 10 }, () => a.nextUint32());
    expect(Array.from({ length: 10 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 10 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('makes v4 uuids and name suffixes', () => {
    const rng = new Rng(1);
    const uid = rng.uuid();
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const suffix = rng.string(NAME_SUFFIX_ALPHABET, 5);
    expect(suffix).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('int stays in range and covers it', () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const v = rng.int(6);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(6);
      seen.add(v);
    }
    expect(seen.size).toBe(6);
  });
});
