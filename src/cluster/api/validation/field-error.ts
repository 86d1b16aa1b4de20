/**
 * Field-level validation errors and their exact Kubernetes wording
 * (k8s.io/apimachinery pkg/util/validation/field/errors.go, pkg/api/errors NewInvalid).
 *
 *   formatFieldError(invalid('spec.replicas', -1, 'must be greater than or equal to 0'))
 *     -> `spec.replicas: Invalid value: -1: must be greater than or equal to 0`
 *   invalidMessage('Deployment.apps', 'web', [e1, e2]) -> `Deployment.apps "web" is invalid: [e1, e2]`
 *
 * Errors are plain frozen data, safe to send across the worker boundary.
 */
import type { StatusCause } from '../types.ts';
import { goFormatFloat, goQuote, goStringSlice } from './go-format.ts';

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/** A value printed verbatim, for Go renderings this module does not produce itself (`%#v` of a struct). */
export interface GoLiteral {
  readonly goLiteral: string;
}

/**
 * What an error shows as the offending value: strings are Go-quoted, integers plain, other numbers as Go
 * `%v` floats, `null`/`undefined` as `null`, string arrays as `[]string{"a", "b"}` (empty: `[]string(nil)`).
 */
export type BadValue = string | number | bigint | boolean | null | undefined | readonly string[] | GoLiteral;

export interface FieldError {
  readonly type: FieldErrorType;
  /** The field path as Kubernetes prints it, e.g. `spec.template.spec.containers[0].image`. */
  readonly field: string;
  readonly badValue?: BadValue;
  readonly detail?: string;
}

const TYPE_TEXT: Readonly<Record<FieldErrorType, string>> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

function make(type: FieldErrorType, field: string, badValue: BadValue, detail: string): FieldError {
  return Object.freeze({ type, field, badValue, detail });
}

/** `<field>: Required value[: detail]` */
export function required(field: string, detail = ''): FieldError {
  return make('FieldValueRequired', field, '', detail);
}

/** `<field>: Invalid value: <value>: <detail>` */
export function invalid(field: string, value: BadValue, detail: string): FieldError {
  return make('FieldValueInvalid', field, value, detail);
}

/** `<field>: Unsupported value: <value>: supported values: "a", "b"` (no detail when the list is empty). */
export function notSupported(field: string, value: BadValue, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map(goQuote).join(', ')}` : '';
  return make('FieldValueNotSupported', field, value, detail);
}

/** `<field>: Forbidden: <detail>` */
export function forbidden(field: string, detail: string): FieldError {
  return make('FieldValueForbidden', field, '', detail);
}

/** `<field>: Duplicate value: <value>` */
export function duplicate(field: string, value: BadValue): FieldError {
  return make('FieldValueDuplicate', field, value, '');
}

/** `<field>: Not found: <value>` */
export function notFound(field: string, value: BadValue): FieldError {
  return make('FieldValueNotFound', field, value, '');
}

/**
 * `<field>: Too long: may not be more than <max> bytes` (the value itself is never shown; a negative max
 * gives `value is too long`).
 */
export function tooLong(field: string, value: BadValue, maxLength: number): FieldError {
  const detail =
    maxLength >= 0
      ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}`
      : 'value is too long';
  return make('FieldValueTooLong', field, value, detail);
}

/** `<field>: Too many: <actual>: must have at most <max> items`; a negative actual is left out. */
export function tooMany(field: string, actualQuantity: number, maxQuantity: number): FieldError {
  const detail = maxQuantity >= 0 ? `must have at most ${maxQuantity} items` : 'has too many items';
  return make('FieldValueTooMany', field, actualQuantity >= 0 ? actualQuantity : undefined, detail);
}

/** `<field>: Internal error: <message>` */
export function internalError(field: string, message: string): FieldError {
  return make('InternalError', field, null, message);
}

/** `<field>: Invalid value: <value>: <detail>` for a value of the wrong type. */
export function typeInvalid(field: string, value: BadValue, detail: string): FieldError {
  return make('FieldValueTypeInvalid', field, value, detail);
}

/** The constructors under one name, so `FieldError.invalid(...)` reads like Go's `field.Invalid(...)`. */
export const FieldError = {
  required,
  invalid,
  notSupported,
  forbidden,
  duplicate,
  notFound,
  tooLong,
  tooMany,
  internalError,
  typeInvalid,
} as const;

/** Go's rendering of a bad value inside an error body. */
export function formatBadValue(value: BadValue): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value === 0 ? 0 : value) : goFormatFloat(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return goStringSlice(value as readonly string[]);
  return (value as GoLiteral).goLiteral;
}

/** The message without the field name (`ErrorBody` in Go); the `message` of a Status cause. */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  const omitValue =
    e.type === 'FieldValueRequired' ||
    e.type === 'FieldValueForbidden' ||
    e.type === 'FieldValueTooLong' ||
    e.type === 'InternalError' ||
    (e.type === 'FieldValueTooMany' && e.badValue === undefined);
  if (!omitValue) s += `: ${formatBadValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `<field>: <body>`, exactly Go's `(*field.Error).Error()`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/**
 * Go's `utilerrors.NewAggregate(...).Error()`: duplicates dropped, one message as is, several as
 * `[a, b]`, none as the empty string.
 */
export function aggregateMessages(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `[${unique.join(', ')}]`;
}

/** `field.ErrorList.ToAggregate().Error()` */
export function aggregateFieldErrors(errors: readonly FieldError[]): string {
  return aggregateMessages(errors.map(formatFieldError));
}

/**
 * The message of a 422 Invalid Status, as `apierrors.NewInvalid`: `<Kind> "<name>" is invalid: <errors>`.
 * `kind` is the qualified kind (`Pod`, `Deployment.apps`), or a group and kind to qualify.
 */
export function invalidMessage(
  kind: string | { readonly group: string; readonly kind: string },
  name: string,
  errors: readonly FieldError[],
): string {
  const qualified =
    typeof kind === 'string' ? kind : kind.group === '' ? kind.kind : `${kind.kind}.${kind.group}`;
  const head = `${qualified} ${goQuote(name)} is invalid`;
  return errors.length === 0 ? head : `${head}: ${aggregateFieldErrors(errors)}`;
}

/** The `details.causes` of that Status: one per error, reason = type, message = body, field = path. */
export function toStatusCauses(errors: readonly FieldError[]): StatusCause[] {
  return errors.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
}
