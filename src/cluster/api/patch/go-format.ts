/**
 * Just enough of Go's fmt and reflect to word errors and order lists exactly as
 * k8s.io/apimachinery/pkg/util/strategicpatch does. Decoded JSON in Go holds integers as int64
 * (apimachinery's json helpers and the unstructured converter both convert whole numbers) and every other
 * number as float64, so a JS number maps to one of those two types.
 */

export type GoType = 'map' | 'slice' | 'string' | 'bool' | 'int64' | 'float64' | 'nil';

export function goTypeOf(value: unknown): GoType {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return 'slice';
  switch (typeof value) {
    case 'object':
      return 'map';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? 'int64' : 'float64';
    default:
      return 'nil';
  }
}

/** `reflect.TypeOf(v).String()` as `%s` prints it. */
export function goTypeName(value: unknown): string {
  const names: Record<GoType, string> = {
    map: 'map[string]interface {}',
    slice: '[]interface {}',
    string: 'string',
    bool: 'bool',
    int64: 'int64',
    float64: 'float64',
    nil: '%!s(<nil>)',
  };
  return names[goTypeOf(value)];
}

/** Go's strconv 'g' formatting with the shortest precision, as `%v` prints a float64. */
function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const [mantissa = '0', expText = '0'] = value.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(expText);
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expAbs = String(Math.abs(exp)).padStart(2, '0');
    return `${sign}${body}e${exp < 0 ? '-' : '+'}${expAbs}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}${frac ? `.${frac}` : ''}`;
}

/** `fmt.Sprintf("%v", v)` of a decoded JSON value: `map[a:1 b:[x y]]`, `<nil>`, bare strings. */
export function goValueString(value: unknown): string {
  switch (goTypeOf(value)) {
    case 'nil':
      return '<nil>';
    case 'slice':
      return `[${(value as unknown[]).map((item) => goValueString(item)).join(' ')}]`;
    case 'map': {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort(goStringCompare);
      return `map[${keys.map((key) => `${key}:${goValueString(record[key])}`).join(' ')}]`;
    }
    case 'int64':
      return BigInt(value as number).toString();
    case 'float64':
      return goFloat(value as number);
    default:
      return String(value);
  }
}

/** `%s` of a value: strings print bare, anything else the way fmt flags a wrong verb. */
export function goStringVerb(value: unknown): string {
  if (typeof value === 'string') return value;
  const type = goTypeOf(value);
  if (type === 'nil') return '%!s(<nil>)';
  return `%!s(${goTypeName(value)}=${goValueString(value)})`;
}

/** Go compares strings by UTF-8 bytes, which is code point order (JS `<` compares UTF-16 units). */
export function goStringCompare(a: string, b: string): number {
  if (a === b) return 0;
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; ) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Go's `strconv.Atoi`: optional sign, decimal digits only; its error text on failure. */
export function goAtoi(text: string): { value: number } | { error: string } {
  if (!/^[+-]?[0-9]+$/.test(text))
    return { error: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax` };
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    return { error: `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range` };
  }
  return { value };
}
