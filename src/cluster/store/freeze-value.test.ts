import { describe, expect, it } from 'vitest';
import { freezeValue } from './freeze-value.ts';

describe('freezeValue', () => {
  const exact: [string, unknown][] = [
    ['string', 'hello'],
    ['empty string', ''],
    ['integer', 12345],
    ['negative integer', -42],
    ['zero', 0],
    ['float', 3.25],
    ['huge number', 1e21],
    ['true', true],
    ['false', false],
    ['null', null],
    ['empty object', {}],
    ['empty array', []],
    ['flat object', { a: 1, bb: 'x', c: false }],
    ['nested', { metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 3, ports: [80, 443] } }],
    ['array of objects', [{ a: 1 }, { b: [] }, {}]],
    ['object with undefined member', { a: 1, b: undefined, c: 'x' }],
    ['object with only undefined', { a: undefined }],
    ['array with undefined', [1, undefined, 2]],
    ['NaN becomes null', { n: Number.NaN }],
  ];
  it.each(exact)('estimates %s exactly as JSON.stringify', (_name, value) => {
    expect(freezeValue(value)).toBe(JSON.stringify(value).length);
  });

  it('does not count escapes (an estimate, documented)', () => {
    const value = { s: 'a"b' };
    expect(freezeValue(value)).toBe(JSON.stringify(value).length - 1);
  });

  it('freezes every nested object and array in place', () => {
    const value = { a: { b: [{ c: 1 }] }, d: [1, 2] };
    freezeValue(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(Object.isFrozen(value.a.b)).toBe(true);
    expect(Object.isFrozen(value.a.b[0])).toBe(true);
    expect(Object.isFrozen(value.d)).toBe(true);
    expect(() => {
      (value.a.b[0] as { c: number }).c = 2;
    }).toThrow(TypeError);
  });

  it('still freezes the children of a shallowly frozen object', () => {
    const inner = { x: 1 };
    const value = Object.freeze({ inner });
    freezeValue(value);
    expect(Object.isFrozen(inner)).toBe(true);
  });

  it('rejects cyclic values instead of overflowing the stack', () => {
    const value: Record<string, unknown> = {};
    value.self = value;
    expect(() => freezeValue(value)).toThrow('mvcc: value is nested too deeply (or is cyclic)');
  });
});
