/**
 * Go's text formatting where Kubernetes messages show it: `%q` (strconv.Quote), `%v` of a float64, and
 * `%#v` of a `[]string`. Messages built here must read byte for byte as the Go ones.
 */

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Go `strconv.Quote(s)` / `fmt.Sprintf("%q", s)`: double-quoted, printable Unicode kept as is. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = SHORT_ESCAPES[ch];
    const cp = ch.codePointAt(0) as number;
    if (short !== undefined) out += short;
    else if (cp >= 0xd800 && cp <= 0xdfff)
      out += '\\ufffd'; // a lone surrogate is not valid UTF-8
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x80) out += `\\x${hex(cp, 2)}`;
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

/**
 * Go `fmt.Sprintf("%v", f)` for a float64: the shortest digits that round-trip, in `%e` form when the
 * decimal exponent is below -4 or at least 6 (`1e+06`, `1.5e-05`), else plain (`0.5`, `123456`).
 */
export function goFormatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa = '', expText = '0'] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  // Plain form: JavaScript's shortest round-trip digits agree with Go's in this range.
  return String(f);
}

/** Go `%#v` of a `[]string`: `[]string{"a", "b"}`, and `[]string(nil)` for none. */
export function goStringSlice(values: readonly string[] | null | undefined): string {
  if (values === null || values === undefined || values.length === 0) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}
