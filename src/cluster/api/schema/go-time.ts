// Go's time.Parse for the two layouts Kubernetes decodes (metav1.Time: RFC3339, metav1.MicroTime:
// RFC3339Micro), reduced to what it accepts and the error it returns. Only the error text matters
// here: kube-apiserver passes it through verbatim (`... cannot be handled as a Pod: parsing time ...`).

export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

/** Layout chunks as Go's nextStdChunk splits them: a literal prefix, then a std element. */
const CHUNKS: Record<string, ReadonlyArray<readonly [prefix: string, std: string]>> = {
  [RFC3339]: [['', '2006'], ['-', '01'], ['-', '02'], ['T', '15'], [':', '04'], [':', '05'], ['', 'Z07:00']],
  [RFC3339_MICRO]: [['', '2006'], ['-', '01'], ['-', '02'], ['T', '15'], [':', '04'], [':', '05'], ['', '.000000'], ['', 'Z07:00']],
};

/** `2026-01-01T00:00:05Z` (a fraction is allowed, as Go accepts one the layout does not name). */
const CANONICAL = /^(\d{4})-(0[1-9]|1[0-2])-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;
/** `2026-01-01T00:00:05.000000Z`. */
const CANONICAL_MICRO = /^(\d{4})-(0[1-9]|1[0-2])-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;

const KNOWN_GOOD = new Set<string>();
const KNOWN_GOOD_MICRO = new Set<string>();

const isDigit = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** Go's time.quote: ASCII printable as is (escaping `"` and `\`), every other byte as \xNN. */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
    }
  }
  return `${out}"`;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Two digits (or one, when not fixed) at the start of `s`, as Go's getnum; -1 when malformed. */
function getnum(s: string, fixed: boolean): [value: number, width: number] {
  if (!isDigit(s, 0)) return [-1, 0];
  if (!isDigit(s, 1)) return fixed ? [-1, 0] : [s.charCodeAt(0) - 48, 1];
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), 2];
}

/**
 * Parses `value` with `layout` (RFC3339 or RFC3339_MICRO) the way Go's time.Parse does and returns
 * Go's error message, or undefined when Go would accept it. Never throws.
 */
export function goTimeParseError(value: string, layout: string = RFC3339): string | undefined {
  // Fast path: every stored object carries several timestamps, nearly all written by the cluster itself
  // in the canonical UTC form, and each write re-checks them all. Accept those with one regex and the
  // day-of-month check; anything else takes Go's full walk below for its exact error.
  // The same strings come back on every status post (transition times), so remember a few good ones.
  const known = layout === RFC3339 ? KNOWN_GOOD : layout === RFC3339_MICRO ? KNOWN_GOOD_MICRO : undefined;
  if (known?.has(value)) return undefined;
  const m = (layout === RFC3339 ? CANONICAL : CANONICAL_MICRO).exec(value);
  if (known && m && Number(m[3]) >= 1 && Number(m[3]) <= daysIn(Number(m[2]), Number(m[1]))) {
    if (known.size >= 4096) known.clear();
    known.add(value);
    return undefined;
  }
  const chunks = CHUNKS[layout];
  if (!chunks) throw new Error(`unsupported layout ${layout}`);
  const cannot = (valueElem: string, layoutElem: string): string =>
    `parsing time ${goTimeQuote(value)} as ${goTimeQuote(layout)}: cannot parse ${goTimeQuote(valueElem)} as ${goTimeQuote(layoutElem)}`;
  const outOfRange = (what: string): string => `parsing time ${goTimeQuote(value)}: ${what} out of range`;

  let v = value;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let c = 0; c < chunks.length; c++) {
    const [prefix, std] = chunks[c]!;
    for (const ch of prefix) {
      if (v.length === 0 || v[0] !== ch) return cannot(v, prefix);
      v = v.slice(1);
    }
    const hold = v;
    let range = '';
    let n: number;
    let w: number;
    switch (std) {
      case '2006':
        if (v.length < 4 || !/^\d{4}/.test(v)) return cannot(hold, std);
        year = Number(v.slice(0, 4));
        v = v.slice(4);
        break;
      case '01':
        [n, w] = getnum(v, true);
        if (n < 0) return cannot(hold, std);
        if (n < 1 || n > 12) range = 'month';
        month = n;
        v = v.slice(w);
        break;
      case '02':
        [n, w] = getnum(v, true);
        if (n < 0) return cannot(hold, std);
        day = n;
        v = v.slice(w);
        break;
      case '15':
        [n, w] = getnum(v, false);
        if (n < 0) return cannot(hold, std);
        if (n >= 24) range = 'hour';
        v = v.slice(w);
        break;
      case '04':
      case '05':
        [n, w] = getnum(v, true);
        if (n < 0) return cannot(hold, std);
        if (n >= 60) range = std === '04' ? 'minute' : 'second';
        v = v.slice(w);
        // Go accepts a fractional second the layout does not mention, unless the layout has one next.
        if (std === '05' && chunks[c + 1]?.[1] !== '.000000' && v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigit(v, 1)) {
          let i = 2;
          while (isDigit(v, i)) i++;
          v = v.slice(i);
        }
        break;
      case '.000000':
        if (v.length < 7 || (v[0] !== '.' && v[0] !== ',') || !/^\d{6}$/.test(v.slice(1, 7))) return cannot(hold, std);
        v = v.slice(7);
        break;
      case 'Z07:00': {
        if (v[0] === 'Z') {
          v = v.slice(1);
          break;
        }
        if (v.length < 6 || v[3] !== ':') return cannot(hold, std);
        const [hh] = getnum(v.slice(1, 3), true);
        const [mm] = getnum(v.slice(4, 6), true);
        if (hh < 0 || mm < 0) return cannot(hold, std);
        // Go checks the ranges (`>`, offsets of 24h are written) before the sign.
        if (hh > 24) range = 'time zone offset hour';
        if (mm > 60) range = 'time zone offset minute';
        if (!range && v[0] !== '+' && v[0] !== '-') return cannot(hold, std);
        v = v.slice(6);
        break;
      }
    }
    if (range) return outOfRange(range);
  }
  if (v.length > 0) return `parsing time ${goTimeQuote(value)}: extra text: ${goTimeQuote(v)}`;
  if (day < 1 || day > daysIn(month, year)) return outOfRange('day');
  return undefined;
}
