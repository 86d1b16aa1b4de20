import { describe, expect, it } from 'vitest';
import { ERR_FORMAT_WRONG, ERR_SUFFIX, quantityParseError } from './go-quantity.ts';

describe('quantityParseError (resource.ParseQuantity syntax)', () => {
  it.each(['0', '1', '500m', '1.5Gi', '128Mi', '1e3', '1E-3', '+1k', '-2', '.5', '1.', '.', '-', '100n', '1Ei', '12E', '0.000001u'])(
    'accepts %j',
    (s) => {
      expect(quantityParseError(s)).toBeUndefined();
    },
  );

  it.each([
    ['', ERR_FORMAT_WRONG],
    ['abc', ERR_FORMAT_WRONG],
    ['true', ERR_FORMAT_WRONG],
    ['1Gb', ERR_FORMAT_WRONG],
    ['1e3m', ERR_FORMAT_WRONG],
    ['1.5.5', ERR_FORMAT_WRONG],
    ['1 Gi', ERR_FORMAT_WRONG],
    ['2mm', ERR_SUFFIX],
    ['1KiB', ERR_FORMAT_WRONG],
    ['1K', ERR_SUFFIX],
    ['1e', ERR_SUFFIX],
    ['1iG', ERR_SUFFIX],
  ])('rejects %j', (s, err) => {
    expect(quantityParseError(s)).toBe(err);
  });
});
