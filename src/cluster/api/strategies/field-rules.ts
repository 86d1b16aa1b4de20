/**
 * Small validation rules many kinds share, each returning Kubernetes' field errors
 * (k/k pkg/apis/core/validation ValidateNonnegativeField, ValidateDNS1123Label, ValidatePortNumOrName,
 * apimachinery IsValidPortNum / IsValidPortName / IsValidPercent, apps ValidatePositiveIntOrPercent).
 */
import { invalid, required, type FieldError } from '../validation/field-error.ts';
import { inclusiveRangeError, maxLenError, regexError } from '../validation/messages.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from '../validation/names.ts';
import { goIntOrString, type IntOrString } from './go-values.ts';

export const IS_NEGATIVE_ERROR = 'must be greater than or equal to 0';
export const FIELD_IMMUTABLE = 'field is immutable';

/** `<path>: Invalid value: -1: must be greater than or equal to 0` */
export function nonNegative(value: number | undefined | null, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(path, value, IS_NEGATIVE_ERROR)] : [];
}

export function dns1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((m) => invalid(path, value, m));
}

export function dns1123Subdomain(value: string, path: string): FieldError[] {
  return isDNS1123Subdomain(value).map((m) => invalid(path, value, m));
}

export function dns1035Label(value: string, path: string): FieldError[] {
  return isDNS1035Label(value).map((m) => invalid(path, value, m));
}

/** A required name that must be a DNS-1123 label: `Required value` when empty. */
export function requiredLabelName(value: string | undefined, path: string): FieldError[] {
  return value ? dns1123Label(value, path) : [required(path, '')];
}

/** IsValidPortNum: 1..65535. */
export function portNumErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IsValidPortName (IANA_SVC_NAME). */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** ValidatePortNumOrName: a number in range or a valid port name. */
export function portNumOrName(port: IntOrString | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return portNumErrors(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return portNameErrors(port).map((m) => invalid(path, port, m));
  return portNumErrors(0).map((m) => invalid(path, 0, m));
}

const PERCENT_RE = /^[0-9]+%$/;

/** ValidatePositiveIntOrPercent (apps): a non-negative integer or `N%`. */
export function positiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string') {
    if (PERCENT_RE.test(v)) return [];
    return [invalid(path, goIntOrString(v), regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%'))];
  }
  if (typeof v === 'number') return v < 0 ? [invalid(path, v, IS_NEGATIVE_ERROR)] : [];
  return [];
}

/** The integer or percent number of an IntOrString (getIntOrPercentValue); 0 when unparsable. */
export function intOrPercentValue(v: IntOrString | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && PERCENT_RE.test(v)) return Number(v.slice(0, -1));
  return 0;
}

/** IsNotMoreThan100Percent. */
export function notMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v !== 'string' || !PERCENT_RE.test(v) || intOrPercentValue(v) <= 100) return [];
  return [invalid(path, goIntOrString(v), 'must not be greater than 100%')];
}

/** Deep equality of JSON values, ignoring key order and undefined fields (apiequality.Semantic.DeepEqual). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = canonical(x);
    }
    return out;
  }
  return v;
}
