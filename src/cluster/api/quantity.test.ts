import { describe, expect, it } from 'vitest';
import { Quantity, QuantityError, parseQuantity, tryParseQuantity } from './quantity.ts';

const FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX = "unable to parse quantity's suffix";
const NUMERIC = 'unable to parse numeric part of quantity';

describe('Quantity.parse: value and format (k8s TestQuantityParse)', () => {
  // [input, expected exact value as "mantissa e exponent" text via cmp against a reference, format]
  const table: [string, string, string][] = [
    ['0', '0', 'DecimalSI'],
    ['0n', '0', 'DecimalSI'],
    ['0Ki', '0', 'BinarySI'],
    ['0T', '0', 'DecimalSI'],
    ['1', '1', 'DecimalSI'],
    ['1Ki', '1024', 'BinarySI'],
    ['8Ki', '8192', 'BinarySI'],
    ['7Mi', String(7 * 1024 * 1024), 'BinarySI'],
    ['6Gi', String(6 * 1024 ** 3), 'BinarySI'],
    ['5Ti', String(5 * 1024 ** 4), 'BinarySI'],
    ['4Pi', String(4n * 1024n ** 5n), 'BinarySI'],
    ['3Ei', String(3n * 1024n ** 6n), 'BinarySI'],
    ['5n', '0.000000005', 'DecimalSI'],
    ['4u', '0.000004', 'DecimalSI'],
    ['3m', '0.003', 'DecimalSI'],
    ['50k', '50000', 'DecimalSI'],
    ['300T', '300000000000000', 'DecimalSI'],
    ['1E', '1000000000000000000', 'DecimalSI'],
    ['1E-3', '0.001', 'DecimalExponent'],
    ['1e3', '1000', 'DecimalExponent'],
    ['1E18', '1000000000000000000', 'DecimalExponent'],
    ['100.035k', '100035', 'DecimalSI'],
    ['0.0005k', '0.5', 'DecimalSI'],
    ['0.5e-2', '0.005', 'DecimalExponent'],
    ['1.3E+6', '1300000', 'DecimalExponent'],
    ['1.7E18', '1700000000000000000', 'DecimalExponent'],
    ['6.987654321G', '6987654321', 'DecimalSI'],
    ['1.01E', '1010000000000000000', 'DecimalSI'],
    // Rounding up to nano, and the BinarySI cap.
    ['3.001n', '0.000000004', 'DecimalSI'],
    ['1.1E-9', '0.000000002', 'DecimalExponent'],
    ['0.0000000001', '0.000000001', 'DecimalSI'],
    ['0.5e-9', '0.000000001', 'DecimalExponent'],
    ['0.9n', '0.000000001', 'DecimalSI'],
    ['0.00000012345', '0.000000124', 'DecimalSI'],
    ['9Ei', '9223372036854775807', 'BinarySI'],
    ['9223372036854775807Ki', '9223372036854775807', 'BinarySI'],
    ['12E', '12000000000000000000', 'DecimalSI'],
    ['100.035Ki', '102435.84', 'BinarySI'],
    ['0.5Mi', '524288', 'BinarySI'],
    ['0.025Ti', '27487790694.4', 'BinarySI'],
    // Written by trolls.
    ['0.000000000001Ki', '0.000000002', 'DecimalSI'],
    ['.001', '0.001', 'DecimalSI'],
    ['1.', '1', 'DecimalSI'],
    ['1.G', '1000000000', 'DecimalSI'],
    ['.', '0', 'DecimalSI'],
    ['-', '0', 'DecimalSI'],
    ['+', '0', 'DecimalSI'],
  ];
  it.each(table)('%s = %s (%s)', (input, value, format) => {
    const q = Quantity.parse(input);
    expect(q.format).toBe(format);
    expect(q.cmp(Quantity.parse(value))).toBe(0);
    if (value !== '0') {
      const negative = Quantity.parse(`-${input}`);
      expect(negative.cmp(Quantity.parse(`-${value}`))).toBe(0);
      expect(negative.format).toBe(format);
      expect(Quantity.parse(`+${input}`).cmp(q)).toBe(0);
    }
  });

  it('keeps huge decimals exact', () => {
    const q = Quantity.parse('18446744073709551616');
    expect(q.toString()).toBe('18446744073709551616');
    expect(q.valueBig()).toBe(18446744073709551616n);
    expect(Quantity.parse('1e18').valueBig()).toBe(10n ** 18n);
    expect(Quantity.parse('1n').milliValueBig()).toBe(1n);
    expect(Quantity.parse('1e400').cmp(Quantity.parse('1e399'))).toBe(1);
  });

  it('accepts numbers as their JSON text', () => {
    expect(Quantity.parse(0.5).toString()).toBe('500m');
    expect(Quantity.parse(2).toString()).toBe('2');
    expect(Quantity.parse(1e21).toString()).toBe('1e+21'); // the text is canonical-looking, so kept
  });
});

describe('Quantity.parse: errors carry Kubernetes messages', () => {
  const table: [string | number, string][] = [
    ['', FORMAT_WRONG],
    ['1.1.M', FORMAT_WRONG],
    ['1+1.0M', FORMAT_WRONG],
    ['aoeu', FORMAT_WRONG],
    ['-3.01e-', SUFFIX],
    [' 1', FORMAT_WRONG],
    ['1 ', FORMAT_WRONG],
    ['0.1mi', SUFFIX],
    ['0.1am', FORMAT_WRONG],
    ['.5i', SUFFIX],
    ['1i', SUFFIX],
    ['-3.01i', SUFFIX],
    ['1ki', SUFFIX],
    ['1KI', FORMAT_WRONG],
    ['1e', SUFFIX],
    ['1Ee3', SUFFIX],
    ['1m3', SUFFIX],
    ['1e99999999999999999999', SUFFIX],
    ['500 m', FORMAT_WRONG],
    ['1,5', FORMAT_WRONG],
    ['abc', FORMAT_WRONG],
    ['1Gb', FORMAT_WRONG],
    ['.e-10', NUMERIC],
    [Number.NaN, FORMAT_WRONG],
    [Number.POSITIVE_INFINITY, FORMAT_WRONG],
  ];
  it.each(table)('%j -> %s', (input, message) => {
    expect(() => Quantity.parse(input)).toThrow(new QuantityError(message));
    expect(() => parseQuantity(input)).toThrow(QuantityError);
    expect(tryParseQuantity(input)).toBeUndefined();
  });
});

describe('Quantity.toString: canonical form (k8s TestQuantityParseEmit, TestQuantityString)', () => {
  const table: [string, string][] = [
    ['0.5', '500m'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1e3', '1e3'],
    ['1000M', '1G'],
    ['1Ki', '1Ki'],
    ['300Mi', '300Mi'],
    ['307200Ki', '300Mi'],
    ['1025024Mi', '1001Gi'],
    ['1024Gi', '1Ti'],
    ['5000m', '5'],
    ['0.5Ki', '512'],
    ['1.5Ki', '1536'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['0.001T', '1G'],
    ['1000u', '1m'],
    ['1.08', '1080m'],
    ['1080000000n', '1080m'],
    ['1000E', '1e21'],
    ['5000E', '5e21'],
    ['.001e12', '1e9'],
    ['0.001e0', '1e-3'],
    ['1000e-12', '1e-9'],
    ['00', '0'],
    ['0Mi', '0'],
    ['9Ei', '9223372036854775807'],
    ['100m', '100m'],
    ['1500m', '1500m'],
    ['2048Ki', '2Mi'],
    ['0.1', '100m'],
    ['1.2e3', '1200'],
    ['120e1', '1200'],
    ['1.5', '1500m'],
    ['12e6', '12e6'],
    ['1234567M', '1234567M'],
  ];
  it.each(table)('%s -> %s', (input, expected) => {
    expect(Quantity.parse(input).toString()).toBe(expected);
    expect(JSON.stringify({ q: Quantity.parse(input) })).toBe(JSON.stringify({ q: expected }));
    if (expected !== '0') expect(Quantity.parse(`-${input}`).toString()).toBe(`-${expected}`);
  });

  // Go keeps the input text when it took its fast path and the text looked canonical.
  const kept: [string, string][] = [
    ['+1', '+1'],
    ['01', '01'],
    ['1.500', '1.500'],
    ['1.Ki', '1.Ki'],
    ['+100Mi', '+100Mi'],
    ['1.0', '1'],
    ['+8Ki', '8Ki'],
    ['-5', '-5'],
  ];
  it.each(kept)('remembers %s as %s like Go', (input, expected) => {
    expect(Quantity.parse(input).toString()).toBe(expected);
  });
});

describe('Quantity values and arithmetic', () => {
  const values: [string, number, number][] = [
    ['1', 1, 1000],
    ['500m', 1, 500],
    ['0.5', 1, 500],
    ['1m', 1, 1],
    ['0.1m', 1, 1],
    ['1n', 1, 1],
    ['1.5', 2, 1500],
    ['-1.5', -2, -1500],
    ['1Gi', 1073741824, 1073741824000],
    ['100Mi', 104857600, 104857600000],
    ['9.01', 10, 9010],
    ['0', 0, 0],
  ];
  it.each(values)('%s: value %d, milliValue %d (rounded away from zero)', (input, value, milli) => {
    const q = Quantity.parse(input);
    expect(q.value()).toBe(value);
    expect(q.milliValue()).toBe(milli);
  });

  const cmp: [string, string, number][] = [
    ['0', '0', 0],
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['10000T', '100Gi', 1],
    ['1', '1000m', 0],
    ['1Ki', '1024', 0],
    ['1k', '1Ki', -1],
    ['-1', '1', -1],
    ['-2', '-1', -1],
    ['-1', '0', -1],
    ['1e-9', '1n', 0],
    ['999m', '1', -1],
  ];
  it.each(cmp)('cmp(%s, %s) = %d', (a, b, expected) => {
    expect(Quantity.parse(a).cmp(Quantity.parse(b))).toBe(expected);
    expect(Quantity.parse(b).cmp(Quantity.parse(a))).toBe(-expected || 0);
    expect(Quantity.parse(a).equals(Quantity.parse(b))).toBe(expected === 0);
  });

  const sums: [string, string, string, string][] = [
    ['100m', '0', '100m', '100m'],
    ['0', '100m', '100m', '-100m'],
    ['1Gi', '0', '1Gi', '1Gi'],
    ['0', '1Gi', '1Gi', '-1Gi'],
    ['500m', '500m', '1', '0'],
    ['1Gi', '1Gi', '2Gi', '0'],
    ['1', '1Ki', '1025', '-1023'],
    ['1Ki', '1', '1025', '1023'],
    ['1.5', '250m', '1750m', '1250m'],
    ['1E', '1n', '1000000000000000000000000001n', '999999999999999999999999999n'],
  ];
  it.each(sums)('%s + %s = %s; %s - %s = %s', (a, b, sum, diff) => {
    expect(Quantity.parse(a).add(Quantity.parse(b)).toString()).toBe(sum);
    expect(Quantity.parse(a).sub(Quantity.parse(b)).toString()).toBe(diff);
  });

  it('refuses to expand absurd exponent gaps', () => {
    expect(() => Quantity.parse('1e999999999').add(Quantity.parse('1'))).toThrow(RangeError);
    expect(Quantity.parse('1e999999999').add(Quantity.parse('0')).toString()).toBe('1e999999999');
    expect(Quantity.parse('0').add(Quantity.parse('0Ki')).format).toBe('BinarySI');
  });

  it('is immutable', () => {
    const a = Quantity.parse('1');
    a.add(Quantity.parse('1'));
    expect(a.toString()).toBe('1');
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.isZero()).toBe(false);
    expect(Quantity.parse('0m').isZero()).toBe(true);
    expect(a.sub(a).isZero()).toBe(true);
    expect(a.neg().toString()).toBe('-1');
  });

  it('builds like NewQuantity / NewMilliQuantity (k8s TestNewSet, TestMilliNewSet)', () => {
    expect(Quantity.of(1000).toString()).toBe('1k');
    expect(Quantity.of(1234000).toString()).toBe('1234k');
    expect(Quantity.of(1024, 'BinarySI').toString()).toBe('1Ki');
    expect(Quantity.of(1024 * 1024, 'BinarySI').toString()).toBe('1Mi');
    expect(Quantity.of(1000000, 'DecimalExponent').toString()).toBe('1e6');
    expect(Quantity.fromMilli(1).toString()).toBe('1m');
    expect(Quantity.fromMilli(1000).toString()).toBe('1');
    expect(Quantity.fromMilli(1024, 'BinarySI').toString()).toBe('1024m');
    expect(Quantity.fromMilli(1000000, 'DecimalExponent').toString()).toBe('1e3');
    expect(Quantity.zero('BinarySI').toString()).toBe('0');
    expect(() => Quantity.of(0.5)).toThrow(RangeError);
  });

  it('gives an approximate float for scoring', () => {
    expect(Quantity.parse('1.5').asApproximateFloat64()).toBe(1.5);
    expect(Quantity.parse('2Gi').asApproximateFloat64()).toBe(2147483648);
  });
});
