/**
 * Object-name rules and their exact messages (k8s.io/apimachinery pkg/util/validation/validation.go,
 * pkg/api/validation/generic.go and objectmeta.go, and the path-segment rule of pkg/api/validation/path).
 *
 *   isDNS1123Subdomain('Foo') -> ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric
 *     characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com',
 *     regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
 */
import { child } from './field-path.ts';
import { invalid, required, type FieldError } from './field-error.ts';
import { maxLenError, regexError } from './messages.ts';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_LABEL_MAX_LENGTH = 63;
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);

const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_ERR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
export const DNS1035_LABEL_MAX_LENGTH = 63;
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);

/** Go's `len(s)`: the UTF-8 byte length, which is what Kubernetes' length limits count. */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** DNS subdomain (RFC 1123), at most 253 characters: most object names (Pod, Deployment, Node, ...). */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

/** DNS label (RFC 1123), at most 63 characters: Namespace names, label-like fields. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!DNS1123_LABEL_RE.test(value)) {
    // A valid subdomain that is not a valid label (length already checked) can only have dots.
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** DNS-1035 label, at most 63 characters, starting with a letter: Service names. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!DNS1035_LABEL_RE.test(value)) {
    errs.push(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

/**
 * Names every resource must meet (they appear in URL paths): `may not be '.'`, `may not be '..'`,
 * `may not contain '/'`, `may not contain '%'`. For a generateName prefix only the "contain" rules apply.
 */
export function isValidPathSegmentName(name: string, prefix = false): string[] {
  if (!prefix) {
    for (const bad of ['.', '..']) if (name === bad) return [`may not be '${bad}'`];
  }
  return ['/', '%'].filter((bad) => name.includes(bad)).map((bad) => `may not contain '${bad}'`);
}

/**
 * Go's `ValidateNameFunc`: checks a name, or with `prefix` a generateName prefix. A prefix may end in `-`;
 * Go masks that by replacing the LAST TWO characters with `a` (its own quirk, kept).
 */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) =>
  isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);
export const nameIsPathSegment: ValidateNameFunc = (name, prefix) => isValidPathSegmentName(name, prefix);

/** Which rule a kind's names follow. */
export type NameRule =
  | 'DNS1123Subdomain'
  | 'DNS1123Label'
  | 'DNS1035Label'
  | 'PathSegment'
  | ValidateNameFunc;

const NAME_RULES: Readonly<Record<Exclude<NameRule, ValidateNameFunc>, ValidateNameFunc>> = {
  DNS1123Subdomain: nameIsDNSSubdomain,
  DNS1123Label: nameIsDNSLabel,
  DNS1035Label: nameIsDNS1035Label,
  PathSegment: nameIsPathSegment,
};

/**
 * The name part of `ValidateObjectMeta` for a create, after generateName has been expanded:
 *   - a generateName is checked as a prefix: `metadata.generateName: Invalid value: "Foo-": ...`
 *   - an empty name: `metadata.name: Required value: name or generateName is required`
 *   - otherwise one `metadata.name: Invalid value: ...` per broken rule.
 * A bare string is taken as the name with no generateName.
 */
export function validateObjectMetaName(
  meta: string | { readonly name?: string; readonly generateName?: string },
  rule: NameRule,
  fieldPath = 'metadata',
): FieldError[] {
  const nameFn = typeof rule === 'function' ? rule : NAME_RULES[rule];
  const { name = '', generateName = '' } = typeof meta === 'string' ? { name: meta } : meta;
  const errs: FieldError[] = [];
  if (generateName.length > 0) {
    for (const msg of nameFn(generateName, true))
      errs.push(invalid(child(fieldPath, 'generateName'), generateName, msg));
  }
  if (name.length === 0) {
    errs.push(required(child(fieldPath, 'name'), 'name or generateName is required'));
  } else {
    for (const msg of nameFn(name, false)) errs.push(invalid(child(fieldPath, 'name'), name, msg));
  }
  return errs;
}
