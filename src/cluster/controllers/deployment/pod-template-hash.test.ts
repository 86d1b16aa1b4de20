import { describe, expect, it } from 'vitest';
import { canonicalJson, computeHash, fnv32a, safeEncodeString } from './pod-template-hash.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('fnv32a', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j -> %i', (s, want) => {
    expect(fnv32a(bytes(s))).toBe(want);
  });
});

describe('safeEncodeString', () => {
  it('maps decimal digits to 4 5 6 7 8 9 b c d f, as rand.SafeEncodeString does', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});

describe('computeHash', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };

  it('is stable, in the upstream alphabet, and ignores key order', () => {
    const h = computeHash(template);
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash({ spec: { containers: [{ image: 'nginx:1.27', name: 'web' }] }, metadata: { labels: { app: 'web' } } })).toBe(h);
  });

  it('changes with the template and with the collision count', () => {
    const h = computeHash(template);
    expect(computeHash({ ...template, spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } })).not.toBe(h);
    expect(computeHash(template, 0)).not.toBe(h);
    expect(computeHash(template, 1)).not.toBe(computeHash(template, 0));
  });

  it('prints keys sorted at every level', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
  });
});
