import { describe, expect, it } from 'vitest';
import { SortedKeys } from './sorted-keys.ts';

function build(...keys: string[]): SortedKeys {
  const s = new SortedKeys();
  for (const k of keys) s.add(k);
  return s;
}

describe('SortedKeys', () => {
  it('lists keys in order however they were added, merging later additions', () => {
    const s = build('b', 'a/2', 'c', 'a/1');
    expect(s.view()).toEqual(['a/1', 'a/2', 'b', 'c']);
    s.add('a/10');
    s.add('0');
    s.add('d');
    expect(s.view()).toEqual(['0', 'a/1', 'a/10', 'a/2', 'b', 'c', 'd']);
    expect(s.size).toBe(7);
  });

  it('appends without merging when new keys all sort last', () => {
    const s = build('a', 'b');
    expect(s.view()).toEqual(['a', 'b']);
    s.add('d');
    s.add('c');
    expect(s.view()).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['', 0, 0],
    ['a', 0, 1],
    ['a/', 1, 1],
    ['a/1', 1, 2],
    ['a/15', 3, 3],
    ['b', 4, 5],
    ['z', 5, 5],
  ])('bounds of %j: lower %i, upper %i', (key, lower, upper) => {
    const s = build('a', 'a/1', 'a/10', 'a/2', 'b');
    expect(s.lowerBound(key)).toBe(lower);
    expect(s.upperBound(key)).toBe(upper);
  });

  it('removes keys, including ones still pending', () => {
    const s = build('a', 'b', 'c');
    s.view();
    s.add('d');
    s.removeAll(new Set(['b', 'd']));
    expect(s.view()).toEqual(['a', 'c']);
    expect(s.size).toBe(2);
  });
});
