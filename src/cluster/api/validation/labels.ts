/**
 * Label keys and values, annotations (k8s.io/apimachinery pkg/util/validation IsQualifiedName /
 * IsValidLabelValue, pkg/apis/meta/v1/validation ValidateLabels, pkg/api/validation ValidateAnnotations).
 *
 *   validateLabels({ 'app!': 'x' }, 'metadata.labels') ->
 *     `metadata.labels: Invalid value: "app!": name part must consist of alphanumeric characters, '-', '_'
 *      or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or
 *      '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`
 */
import { invalid, tooLong, type FieldError } from './field-error.ts';
import { emptyError, maxLenError, regexError } from './messages.ts';
import { byteLength, isDNS1123Subdomain } from './names.ts';

const QUALIFIED_NAME_CHAR_FMT = '[A-Za-z0-9]';
const QUALIFIED_NAME_EXT_CHAR_FMT = '[-A-Za-z0-9_.]';
const QUALIFIED_NAME_FMT = `(${QUALIFIED_NAME_CHAR_FMT}${QUALIFIED_NAME_EXT_CHAR_FMT}*)?${QUALIFIED_NAME_CHAR_FMT}`;
const QUALIFIED_NAME_ERR =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_MAX_LENGTH = 63;
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const LABEL_VALUE_MAX_LENGTH = 63;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);

/** Annotations may total 256 KiB (keys plus values, in bytes). */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

/**
 * A "qualified name" (label key, annotation key, finalizer): an optional DNS-subdomain prefix and `/`, then
 * a name of at most 63 characters. Returns Kubernetes' messages, empty when valid.
 */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0] as string;
  } else if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else errs.push(...isDNS1123Subdomain(prefix).map((msg) => `prefix part ${msg}`));
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH)
    errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`);
  if (!QUALIFIED_NAME_RE.test(name)) {
    errs.push(
      `name part ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`,
    );
  }
  return errs;
}

/** A label value: empty, or at most 63 characters of `[-A-Za-z0-9_.]` starting and ending alphanumeric. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!LABEL_VALUE_RE.test(value)) {
    errs.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

function sortedKeys(map: Readonly<Record<string, string>>): string[] {
  // Go walks maps in random order; sorted keys keep our messages deterministic.
  return Object.keys(map).sort();
}

/** One `Invalid value` per broken rule of a label key, at `path` (as Go's ValidateLabelName). */
export function validateLabelName(labelName: string, path: string): FieldError[] {
  return isQualifiedName(labelName).map((msg) => invalid(path, labelName, msg));
}

/**
 * `ValidateLabels`: every key must be a qualified name, every value a valid label value. Errors carry the
 * map's own path (`metadata.labels`), not a per-key path, exactly as Kubernetes reports them.
 */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  if (!labels) return [];
  const errs: FieldError[] = [];
  for (const k of sortedKeys(labels)) {
    const v = labels[k] as string;
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

/** Total annotation size in bytes, as Go counts it (`len(k) + len(v)`). */
export function annotationsSize(annotations: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) total += byteLength(k) + byteLength(v);
  return total;
}

/**
 * `ValidateAnnotations`: keys are qualified names compared in lower case (annotation keys may use
 * capitals), and the total may not pass 256 KiB: `metadata.annotations: Too long: may not be more than
 * 262144 bytes`.
 */
export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  path: string,
): FieldError[] {
  if (!annotations) return [];
  const errs: FieldError[] = [];
  for (const k of sortedKeys(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
  }
  if (annotationsSize(annotations) > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
    errs.push(tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT_B));
  }
  return errs;
}
