/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `1e3`), exactly as k8s.io/apimachinery
 * pkg/api/resource/quantity.go parses, compares, adds and prints them.
 *
 * A quantity is held as `unscaled * 10^exp` with a BigInt mantissa, so `1e18`, `1n` and
 * `18446744073709551616` stay exact; there is no floating point anywhere except in the explicitly
 * approximate accessors. Worked example of the canonical form (`toString`):
 *
 *   parse("1.5Gi")  = 1610612736, BinarySI, integer, divisible by 1024 twice -> "1536Mi"
 *   parse("0.5")    = 5 * 10^-1, DecimalSI: exponent lowered to a multiple of 3 -> 500 * 10^-3 -> "500m"
 *   parse("1024Mi") = 2^30 -> "1Gi";  parse("1000M") = 10^9 -> "1G"
 *   parse("1e3")    = "1e3" (DecimalExponent keeps the e-form; Kubernetes does not print "1k" here)
 *
 * Like Go, a quantity parsed from text that is already in canonical form remembers that text and prints it
 * back unchanged; the rule deciding when is Go's fast-path rule, quirks included (`"+1"` prints `"+1"`).
 */
import {
  BINARY_SUFFIX_BY_POWER,
  ERR_FORMAT_WRONG,
  ERR_NUMERIC,
  ERR_SUFFIX,
  QuantityError,
  decimalSuffixFor,
  interpretSuffix,
  scanQuantity,
  type QuantityFormat,
} from './quantity-syntax.ts';

export { QuantityError, type QuantityFormat } from './quantity-syntax.ts';

/** Parsing caps a BinarySI quantity at 2^63-1, as Go does (`"9Ei"` parses as 9223372036854775807). */
const MAX_BINARY = 2n ** 63n - 1n;
const NANO = -9;
const MAX_EXPONENT_GAP = 100_000;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function signOf(v: bigint): -1 | 0 | 1 {
  return v === 0n ? 0 : v < 0n ? -1 : 1;
}

function digitCount(v: bigint): number {
  return abs(v).toString().length;
}

/**
 * `unscaled * 10^exp / 10^scale`, rounded away from zero to an integer (Go's `ScaledValue` on the int64
 * path). Exact for any size.
 */
function ceilAwayFromZero(unscaled: bigint, exp: number, scale: number): bigint {
  const shift = exp - scale;
  if (unscaled === 0n) return 0n;
  if (shift >= 0) return unscaled * pow10(shift);
  const drop = -shift;
  // Everything is below one unit: only the rounding unit is left.
  if (drop > digitCount(unscaled)) return BigInt(signOf(unscaled));
  const div = pow10(drop);
  const q = unscaled / div;
  return unscaled % div === 0n ? q : q + BigInt(signOf(unscaled));
}

/** An immutable Kubernetes quantity. Every operation returns a new value; none mutates its receiver. */
export class Quantity {
  /** The format the value prints in; kept from the parsed suffix (BinarySI below 1 becomes DecimalSI). */
  readonly format: QuantityFormat;
  /** Mantissa with no trailing zeros (0n for zero). */
  private readonly unscaled: bigint;
  /** Base-10 exponent (0 for zero). */
  private readonly exp: number;
  /** The input text, when Go would keep it as the printed form. */
  private readonly cached: string | undefined;

  private constructor(unscaled: bigint, exp: number, format: QuantityFormat, cached?: string) {
    let u = unscaled;
    let e = exp;
    if (u === 0n) e = 0;
    while (u !== 0n && u % 10n === 0n) {
      u /= 10n;
      e++;
    }
    this.unscaled = u;
    this.exp = e;
    this.format = format;
    this.cached = cached;
    Object.freeze(this);
  }

  /**
   * Parses a quantity as Kubernetes' `ParseQuantity` does (no whitespace trimming). A number is taken as
   * the JSON text it would be written as (`0.5` -> `"0.5"`). Throws `QuantityError` with Go's message.
   */
  static parse(input: string | number): Quantity {
    if (typeof input === 'number' && !Number.isFinite(input)) throw new QuantityError(ERR_FORMAT_WRONG);
    const str = typeof input === 'number' ? String(input) : input;
    if (str.length === 0) throw new QuantityError(ERR_FORMAT_WRONG);
    if (str === '0') return new Quantity(0n, 0, 'DecimalSI', '0');

    const { positive, value, num, denom, suffix } = scanQuantity(str);
    const meaning = interpretSuffix(suffix);
    if (meaning === undefined) throw new QuantityError(ERR_SUFFIX);
    let format = meaning.format;

    // Go has an int64 fast path; only there does it keep the input text, and only for canonical-looking
    // input. Its results equal the exact path's, so it matters for the remembered text alone.
    let fast: boolean;
    let keepText = false;
    if (meaning.base === 2) {
      const precision = 15 - num.length - Math.trunc((meaning.exponent * 3) / 10) - 1;
      fast = denom.length === 0 && precision >= 0;
      keepText = fast && (BigInt(num) & 7n) !== 0n;
    } else {
      const precision = 18 - (num.length + denom.length);
      const scale = meaning.exponent - denom.length;
      const shifted = num + denom;
      fast = precision >= 0 && scale >= NANO;
      keepText = fast && scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
    }
    if (!fast && !/[0-9]/.test(value)) throw new QuantityError(ERR_NUMERIC);

    let unscaled = BigInt(num + denom);
    let exp = -denom.length;
    if (meaning.base === 10) exp += meaning.exponent;
    else unscaled *= 2n ** BigInt(meaning.exponent);

    // Non-zero values finer than a nano round up (away from zero) to the next nano: asking for some of a
    // resource must give some.
    if (exp < NANO && unscaled !== 0n) {
      unscaled = ceilAwayFromZero(unscaled, exp, NANO);
      exp = NANO;
    }
    if (format === 'BinarySI') {
      // |v| > 2^63-1  <=>  unscaled > MAX * 10^-exp  (exp <= 0 for binary input)
      if (unscaled * pow10(Math.max(exp, 0)) > MAX_BINARY * pow10(Math.max(-exp, 0))) {
        unscaled = MAX_BINARY;
        exp = 0;
      } else if (unscaled !== 0n && exp < 0 && digitCount(unscaled) <= -exp) {
        format = 'DecimalSI';
      }
    }
    return new Quantity(positive ? unscaled : -unscaled, exp, format, keepText ? str : undefined);
  }

  /** `resource.NewQuantity(value, format)`: an integer amount. */
  static of(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(toBigInt(value), 0, format);
  }

  /** `resource.NewMilliQuantity(milli, format)`: `milli / 1000`. */
  static fromMilli(milli: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(toBigInt(milli), -3, format);
  }

  /** Zero in the given format (prints `"0"`). */
  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, 0, format);
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  sign(): -1 | 0 | 1 {
    return signOf(this.unscaled);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`; exact. */
  cmp(other: Quantity): -1 | 0 | 1 {
    const a = this.sign();
    const b = other.sign();
    if (a !== b) return a < b ? -1 : 1;
    if (a === 0) return 0;
    // Same sign: compare orders of magnitude first so far-apart exponents never get expanded.
    const ma = digitCount(this.unscaled) + this.exp;
    const mb = digitCount(other.unscaled) + other.exp;
    if (ma !== mb) return (ma < mb ? -a : a) as -1 | 1;
    const e = Math.min(this.exp, other.exp);
    const x = this.unscaled * pow10(this.exp - e);
    const y = other.unscaled * pow10(other.exp - e);
    return x === y ? 0 : x < y ? -1 : 1;
  }

  equals(other: Quantity): boolean {
    return this.cmp(other) === 0;
  }

  /** Exact sum. Like Go's `Add`, a zero receiver takes the other's format. */
  add(other: Quantity): Quantity {
    if (this.isZero()) return new Quantity(other.unscaled, other.exp, other.format);
    if (other.isZero()) return new Quantity(this.unscaled, this.exp, this.format);
    // Aligning exponents writes out the gap in digits; refuse absurd gaps (`1e999999999 + 1`) rather than
    // hang the tab. Real resource amounts are nowhere near this.
    if (Math.abs(this.exp - other.exp) > MAX_EXPONENT_GAP) {
      throw new RangeError('quantities too far apart in magnitude to add exactly');
    }
    const e = Math.min(this.exp, other.exp);
    const sum = this.unscaled * pow10(this.exp - e) + other.unscaled * pow10(other.exp - e);
    return new Quantity(sum, e, this.format);
  }

  /** Exact difference. Like Go's `Sub`, a zero receiver takes the other's format. */
  sub(other: Quantity): Quantity {
    return this.add(other.neg());
  }

  neg(): Quantity {
    return new Quantity(-this.unscaled, this.exp, this.format);
  }

  /** The same value printed in another format. */
  withFormat(format: QuantityFormat): Quantity {
    return format === this.format && this.cached === undefined
      ? this
      : new Quantity(this.unscaled, this.exp, format);
  }

  /** `ceil(q)` rounded away from zero, as Go's `Value()`. Exact as a bigint. */
  valueBig(): bigint {
    return ceilAwayFromZero(this.unscaled, this.exp, 0);
  }

  /** `ceil(q * 1000)` rounded away from zero, as Go's `MilliValue()`. Exact as a bigint. */
  milliValueBig(): bigint {
    return ceilAwayFromZero(this.unscaled, this.exp, -3);
  }

  /** Go's `ScaledValue(scale)`: `q / 10^scale` rounded away from zero. */
  scaledValueBig(scale: number): bigint {
    return ceilAwayFromZero(this.unscaled, this.exp, scale);
  }

  /** Go's `Value()` as a number (exact up to 2^53; past that the nearest double). */
  value(): number {
    return this.toNumberAtScale(0);
  }

  /** Go's `MilliValue()` as a number: `"0.5"` -> 500, `"1m"` -> 1, `"0.1m"` -> 1 (rounded up). */
  milliValue(): number {
    return this.toNumberAtScale(-3);
  }

  /** The value as a double, for scoring and display only (Go's `AsApproximateFloat64`). */
  asApproximateFloat64(): number {
    return Number(this.unscaled) * 10 ** this.exp;
  }

  /** The canonical form Kubernetes prints and serializes (`"500m"`, `"1536Mi"`, `"1e3"`). */
  toString(): string {
    return this.cached ?? this.canonical();
  }

  /** Serializes as a JSON string, like Go's `MarshalJSON`. */
  toJSON(): string {
    return this.toString();
  }

  private toNumberAtScale(scale: number): number {
    // Past ~1e330 a double is infinite anyway; skip building a giant BigInt.
    if (this.exp - scale > 330) return this.sign() * Infinity;
    return Number(ceilAwayFromZero(this.unscaled, this.exp, scale));
  }

  private canonical(): string {
    if (this.unscaled === 0n) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      // Fractions, and values within (-1024, 1024), print as DecimalSI rather than round.
      if (this.exp < 0 || abs(this.unscaled) * pow10(this.exp) < 1024n) format = 'DecimalSI';
    }
    if (format === 'BinarySI') {
      let v = this.unscaled * pow10(this.exp);
      let power = 0;
      while (power < BINARY_SUFFIX_BY_POWER.length - 1 && v % 1024n === 0n) {
        v /= 1024n;
        power++;
      }
      return `${v}${BINARY_SUFFIX_BY_POWER[power]}`;
    }
    // Lower the exponent to a multiple of 3 (towards -inf), growing the mantissa to match.
    const r = ((this.exp % 3) + 3) % 3;
    const mantissa = this.unscaled * pow10(r);
    const e = this.exp - r;
    if (format === 'DecimalExponent') return e === 0 ? `${mantissa}` : `${mantissa}e${e}`;
    // DecimalSI has no suffix past E (10^18) or below n; fall back to the e-form rather than lose digits.
    return `${mantissa}${decimalSuffixFor(e) ?? `e${e}`}`;
  }
}

function toBigInt(v: number | bigint): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isInteger(v)) throw new RangeError(`quantity amount must be an integer, got ${v}`);
  return BigInt(v);
}

/** `resource.ParseQuantity`: throws `QuantityError` with Kubernetes' message. */
export function parseQuantity(input: string | number): Quantity {
  return Quantity.parse(input);
}

/** Like `parseQuantity`, but undefined instead of an error. */
export function tryParseQuantity(input: string | number): Quantity | undefined {
  try {
    return Quantity.parse(input);
  } catch (err) {
    if (err instanceof QuantityError) return undefined;
    throw err;
  }
}
