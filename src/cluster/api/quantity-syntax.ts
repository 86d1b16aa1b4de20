/**
 * The text syntax of a Kubernetes quantity (k8s.io/apimachinery pkg/api/resource, quantity.go and suffix.go):
 * the scanner that splits `-1.5Gi` into sign, digits and suffix, and the suffix table. Kept apart from the
 * arithmetic in `quantity.ts` so each reads on its own.
 *
 *   <quantity>    ::= <signedNumber><suffix>
 *   <number>      ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
 *   <suffix>      ::= <binarySI> | <decimalExponent> | <decimalSI>
 *   <binarySI>    ::= Ki | Mi | Gi | Ti | Pi | Ei
 *   <decimalSI>   ::= n | u | m | "" | k | M | G | T | P | E
 *   <decimalExp>  ::= "e" <signedNumber> | "E" <signedNumber>
 */

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** The regular expression Kubernetes quotes in its error; the scanner below is what actually decides. */
export const QUANTITY_REGEX_TEXT = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${QUANTITY_REGEX_TEXT}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

/** Thrown by `Quantity.parse`; `message` is exactly the Go error text. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

export interface ScannedQuantity {
  positive: boolean;
  /** The signed number as written, before the suffix (`-1.5` of `-1.5Gi`). */
  value: string;
  /** Integer digits without leading zeros; `'0'` when there are none. */
  num: string;
  /** Fraction digits as written (may be empty, also for `1.`). */
  denom: string;
  suffix: string;
}

const SUFFIX_CHARS = 'eEinumkKMGTP';

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * Splits a quantity the way Go's `parseQuantityString` does, quirks included: `"."`, `"+"` and `"-"` scan as
 * zero, `"1."` is allowed, and the suffix is only checked for shape here (its meaning is checked by
 * `interpretSuffix`). Throws `ERR_FORMAT_WRONG` on anything after a well-formed suffix.
 */
export function scanQuantity(str: string): ScannedQuantity {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  // Leading zeros go; a string of only zeros (or only a sign) is zero.
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[i] !== '0') break;
    pos++;
  }
  let num = '';
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
    if (!isDigit(str[i])) {
      num = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (num.length === 0) num = '0';
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
    if (!SUFFIX_CHARS.includes(str[i] as string)) {
      pos = i;
      break;
    }
  }
  if (str[pos] === '-' || str[pos] === '+') pos++;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
    if (!isDigit(str[i])) break;
  }
  throw new QuantityError(ERR_FORMAT_WRONG);
}

export interface SuffixMeaning {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** Decimal SI suffix for a base-10 exponent (a multiple of 3 from -9 to 18), if there is one. */
export function decimalSuffixFor(exponent: number): string | undefined {
  for (const [suffix, e] of Object.entries(DECIMAL_SUFFIXES)) if (e === exponent) return suffix;
  return undefined;
}

/** Binary suffixes by power of 1024: index 0 is no suffix, 6 is `Ei`. */
export const BINARY_SUFFIX_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go `strconv.ParseInt(s, 10, 64)`: optional sign, at least one digit, int64 range; otherwise undefined. */
export function parseGoInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** What a suffix means; undefined when Kubernetes rejects it (`ERR_SUFFIX`). */
export function interpretSuffix(suffix: string): SuffixMeaning | undefined {
  const dec = DECIMAL_SUFFIXES[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const parsed = parseGoInt64(suffix.slice(1));
    if (parsed === undefined) return undefined;
    // Go narrows the int64 to int32 without a check; wrap the same way.
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}
