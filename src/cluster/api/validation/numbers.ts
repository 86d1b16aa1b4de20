/**
 * Numeric field rules shared by many kinds (k8s.io/apimachinery pkg/api/validation ValidateNonnegativeField,
 * pkg/util/validation IsInRange), e.g. `spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
 */
import { invalid, type FieldError } from './field-error.ts';
import { inclusiveRangeError } from './messages.ts';

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';

/** One `Invalid value` when `value` is negative. */
export function validateNonnegativeField(value: number, path: string): FieldError[] {
  return value < 0 ? [invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** `must be between <lo> and <hi>, inclusive` when `value` is outside the range. */
export function isInRange(value: number, lo: number, hi: number): string[] {
  return value >= lo && value <= hi ? [] : [inclusiveRangeError(lo, hi)];
}
