// The syntax half of k8s.io/apimachinery resource.ParseQuantity: whether a quantity parses, and if
// not which error it returns. Decoding needs only this; arithmetic lives elsewhere. (ParseQuantity's
// third error, ErrNumeric, needs a number too long for its fast path and unreadable by inf.Dec, which
// the scan below already rejects as ErrFormatWrong; "." and "1." parse, as 0 and 1.)

export const ERR_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);
const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * ParseQuantity's error for `str` (already unquoted and trimmed, as Quantity.UnmarshalJSON does), or
 * undefined when it parses. Follows parseQuantityString's scan: sign, digits, `.` digits, suffix.
 */
export function quantityParseError(str: string): string | undefined {
  if (str.length === 0) return ERR_FORMAT_WRONG;
  const end = str.length;
  let pos = 0;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos === end) return undefined;
  if (str[pos] === '.') {
    pos++;
    while (pos < end && isDigit(str[pos])) pos++;
    if (pos === end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return ERR_FORMAT_WRONG;

  const suffix = str.slice(suffixStart);
  const knownSuffix = SUFFIXES.has(suffix) || ((suffix[0] === 'e' || suffix[0] === 'E') && /^[eE][+-]?\d+$/.test(suffix));
  return knownSuffix ? undefined : ERR_SUFFIX;
}
