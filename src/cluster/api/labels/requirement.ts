/**
 * One term of a label selector (`app=web`, `tier in (a,b)`, `!canary`, `x>1`): its validation with
 * Kubernetes' messages, its matching and its canonical text (k8s.io/apimachinery pkg/labels/selector.go,
 * NewRequirement / Matches / String).
 */
import { aggregateFieldErrors, invalid, notSupported, type FieldError } from '../validation/field-error.ts';
import { child, index, key as keyPath } from '../validation/field-path.ts';
import { isQualifiedName, isValidLabelValue } from '../validation/labels.ts';
import { parseGoInt64 } from '../quantity-syntax.ts';

/** Operators as the sandbox names them; the selector string syntax writes them `in`, `notin`, `!`, `>`, `<`. */
export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | '=' | '==' | '!=' | 'Gt' | 'Lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** Thrown for an unparsable or invalid selector; `message` is Kubernetes' error text. */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

/** Go's `selection.Operator` strings, which is what Kubernetes' messages show. */
const GO_OPERATOR: Readonly<Record<Operator, string>> = {
  In: 'in',
  NotIn: 'notin',
  '=': '=',
  '==': '==',
  '!=': '!=',
  Gt: 'gt',
  Lt: 'lt',
  Exists: 'exists',
  DoesNotExist: '!',
};

/** In Go's order: binary operators, then unary. */
export const BINARY_OPERATORS_TEXT = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'] as const;
const VALID_OPERATORS_TEXT = [...BINARY_OPERATORS_TEXT, 'exists', '!'];

/** Key check shared with the parser: one `Invalid value` joining every broken rule with `; `. */
export function labelKeyError(key: string, path: string): FieldError | undefined {
  const errs = isQualifiedName(key);
  return errs.length > 0 ? invalid(path, key, errs.join('; ')) : undefined;
}

/**
 * Go's `NewRequirement`: validates and builds a requirement, or throws `SelectorError` whose message is the
 * aggregate of every problem (`values: Invalid value: []string(nil): for 'in', 'notin' operators, values
 * set can't be empty`). `path` prefixes the field names (`key`, `values[0]`); Go's default is none.
 */
export function newRequirement(
  key: string,
  operator: Operator,
  values: readonly string[],
  path = '',
): Requirement {
  const errs: FieldError[] = [];
  const keyErr = labelKeyError(key, child(path, 'key'));
  if (keyErr) errs.push(keyErr);
  const valuesPath = child(path, 'values');
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errs.push(invalid(valuesPath, values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1)
        errs.push(invalid(valuesPath, values, 'exact-match compatibility requires one single value'));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0)
        errs.push(invalid(valuesPath, values, 'values set must be empty for exists and does not exist'));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1)
        errs.push(invalid(valuesPath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (parseGoInt64(v) === undefined) {
          errs.push(
            invalid(index(valuesPath, i), v, "for 'Gt', 'Lt' operators, the value must be an integer"),
          );
        }
      });
      break;
    default:
      errs.push(notSupported(child(path, 'operator'), operator as string, VALID_OPERATORS_TEXT));
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length > 0) errs.push(invalid(keyPath(index(valuesPath, i), key), v, msgs.join('; ')));
  });
  if (errs.length > 0) throw new SelectorError(aggregateFieldErrors(errs));
  return Object.freeze({ key, operator, values: Object.freeze([...values]) as string[] });
}

function has(labels: Readonly<Record<string, string>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** Go's `Requirement.Matches`. A missing key satisfies `notin`, `!=` and `!key`, nothing else. */
export function requirementMatches(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const present = has(labels, r.key);
  switch (r.operator) {
    case 'In':
    case '=':
    case '==':
      return present && r.values.includes(labels[r.key] as string);
    case 'NotIn':
    case '!=':
      return !present || !r.values.includes(labels[r.key] as string);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    case 'Gt':
    case 'Lt': {
      if (!present || r.values.length !== 1) return false;
      const actual = parseGoInt64(labels[r.key] as string);
      const bound = parseGoInt64(r.values[0] as string);
      if (actual === undefined || bound === undefined) return false;
      return r.operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

const OPERATOR_TEXT: Readonly<Record<Operator, string>> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  In: ' in ',
  NotIn: ' notin ',
  Gt: '>',
  Lt: '<',
  Exists: '',
  DoesNotExist: '',
};

/** Go's `Requirement.String`: `!key`, `key`, `key=v`, `key in (a,b)` with several values sorted. */
export function requirementToString(r: Requirement): string {
  if (r.operator === 'DoesNotExist') return `!${r.key}`;
  if (r.operator === 'Exists') return r.key;
  const values = r.values.length === 1 ? (r.values[0] as string) : [...r.values].sort().join(',');
  const body = `${r.key}${OPERATOR_TEXT[r.operator]}`;
  return r.operator === 'In' || r.operator === 'NotIn' ? `${body}(${values})` : `${body}${values}`;
}

/** The operator as Go's `selection.Operator` spells it (`in`, `notin`, `gt`, `!`, ...). */
export function goOperatorText(op: Operator): string {
  return GO_OPERATOR[op];
}
