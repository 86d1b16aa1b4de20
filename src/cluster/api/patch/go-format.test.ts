import { describe, expect, it } from 'vitest';
import { goAtoi, goStringCompare, goTypeName, goValueString } from './go-format.ts';

describe('goValueString is fmt %v of decoded JSON', () => {
  it.each([
    [null, '<nil>'],
    ['plain', 'plain'],
    [true, 'true'],
    [80, '80'],
    [-3, '-3'],
    [1.5, '1.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1234567.5, '1.2345675e+06'],
    [[1, 'a', [true]], '[1 a [true]]'],
    [
      { name: 'x', image: 'nginx', ports: [{ containerPort: 80 }] },
      'map[image:nginx name:x ports:[map[containerPort:80]]]',
    ],
    [{}, 'map[]'],
  ])('%j -> %s', (value, want) => {
    expect(goValueString(value)).toBe(want);
  });
});

describe('Go helpers', () => {
  it('names types as reflect does', () => {
    expect([{}, [], 's', 1, 1.5, true, null].map(goTypeName)).toEqual([
      'map[string]interface {}',
      '[]interface {}',
      'string',
      'int64',
      'float64',
      'bool',
      '%!s(<nil>)',
    ]);
  });

  it('compares strings by code point like Go byte order', () => {
    expect(goStringCompare('a', 'b')).toBe(-1);
    expect(goStringCompare('10', '9')).toBe(-1);
    expect(goStringCompare('\u{1F600}', '\uFFFF')).toBe(1);
    expect(goStringCompare('ab', 'a')).toBe(1);
  });

  it('parses indices like strconv.Atoi', () => {
    expect(goAtoi('+2')).toEqual({ value: 2 });
    expect(goAtoi('007')).toEqual({ value: 7 });
    expect(goAtoi('1.0')).toEqual({ error: 'strconv.Atoi: parsing "1.0": invalid syntax' });
    expect(goAtoi('')).toEqual({ error: 'strconv.Atoi: parsing "": invalid syntax' });
  });
});
