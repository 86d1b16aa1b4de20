import { describe, expect, it } from 'vitest';
import { goTimeParseError, goTimeQuote, RFC3339, RFC3339_MICRO } from './go-time.ts';

const AS = `as "${RFC3339}"`;

describe('goTimeParseError (Go time.Parse with RFC3339)', () => {
  it.each([
    '2024-02-29T10:00:00Z',
    '2024-01-01T00:00:00+02:00',
    '2024-01-01T00:00:00.123456789Z',
    '2024-01-01T00:00:00,5-07:30',
    '2024-01-01T9:00:00Z', // Go's "15" takes one or two digits
    '2024-12-31T23:59:59+24:00',
  ])('accepts %s', (value) => {
    expect(goTimeParseError(value)).toBeUndefined();
  });

  it.each([
    ['yesterday', `parsing time "yesterday" ${AS}: cannot parse "yesterday" as "2006"`],
    ['', `parsing time "" ${AS}: cannot parse "" as "2006"`],
    ['2024/01/01T00:00:00Z', `parsing time "2024/01/01T00:00:00Z" ${AS}: cannot parse "/01/01T00:00:00Z" as "-"`],
    ['2024-1-01T00:00:00Z', `parsing time "2024-1-01T00:00:00Z" ${AS}: cannot parse "1-01T00:00:00Z" as "01"`],
    ['2024-01-01', `parsing time "2024-01-01" ${AS}: cannot parse "" as "T"`],
    ['2024-01-01 00:00:00Z', `parsing time "2024-01-01 00:00:00Z" ${AS}: cannot parse " 00:00:00Z" as "T"`],
    ['2024-01-01T00:00:00', `parsing time "2024-01-01T00:00:00" ${AS}: cannot parse "" as "Z07:00"`],
    ['2024-01-01T00:00:00+0200', `parsing time "2024-01-01T00:00:00+0200" ${AS}: cannot parse "+0200" as "Z07:00"`],
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2023-02-29T00:00:00Z', 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ['2024-04-31T00:00:00Z', 'parsing time "2024-04-31T00:00:00Z": day out of range'],
    ['2024-01-01T24:00:00Z', 'parsing time "2024-01-01T24:00:00Z": hour out of range'],
    ['2024-01-01T00:60:00Z', 'parsing time "2024-01-01T00:60:00Z": minute out of range'],
    ['2024-01-01T00:00:00+25:00', 'parsing time "2024-01-01T00:00:00+25:00": time zone offset hour out of range'],
    ['2024-01-01T00:00:00Zjunk', 'parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk"'],
  ])('rejects %j', (value, message) => {
    expect(goTimeParseError(value)).toBe(message);
  });

  it('parses MicroTime with exactly six fractional digits', () => {
    expect(goTimeParseError('2024-01-01T00:00:00.123456Z', RFC3339_MICRO)).toBeUndefined();
    expect(goTimeParseError('2024-01-01T00:00:00Z', RFC3339_MICRO)).toBe(
      `parsing time "2024-01-01T00:00:00Z" as "${RFC3339_MICRO}": cannot parse "Z" as ".000000"`,
    );
    expect(goTimeParseError('2024-01-01T00:00:00.123Z', RFC3339_MICRO)).toBe(
      `parsing time "2024-01-01T00:00:00.123Z" as "${RFC3339_MICRO}": cannot parse ".123Z" as ".000000"`,
    );
  });

  it('quotes like Go: escapes quotes and backslashes, non-ASCII as bytes', () => {
    expect(goTimeQuote('a"b\\')).toBe('"a\\"b\\\\"');
    expect(goTimeQuote('é')).toBe('"\\xc3\\xa9"');
  });
});
