/**
 * Label selectors: the parsed form of `kubectl -l`, `?labelSelector=` and an object's
 * `spec.selector` (k8s.io/apimachinery pkg/labels/selector.go and pkg/apis/meta/v1/helpers.go
 * LabelSelectorAsSelector).
 *
 *   parseSelector('tier in (web,api),!canary').matches({ tier: 'web' })  -> true
 *   selectorFromLabelSelector({ matchLabels: { app: 'web' } }).toString() -> 'app=web'
 *   selectorFromLabelSelector(null)  -> Selector.nothing()    (matches no object)
 *   selectorFromLabelSelector({})    -> Selector.everything() (matches every object)
 */
import { goQuote } from '../validation/go-format.ts';
import { parseRequirements } from './selector-parser.ts';
import {
  SelectorError,
  newRequirement,
  requirementMatches,
  requirementToString,
  type Operator,
  type Requirement,
} from './requirement.ts';

export { SelectorError, newRequirement, type Operator, type Requirement } from './requirement.ts';

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

function byKey(reqs: readonly Requirement[]): Requirement[] {
  // Go sorts requirements by key; a stable sort keeps equal keys in written order, as Go does for
  // selectors of up to 12 terms.
  return [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** An immutable label selector: requirements ANDed together, sorted by key. */
export class Selector {
  private static readonly EVERYTHING = new Selector([], false);
  private static readonly NOTHING = new Selector([], true);

  /** The terms, sorted by key; empty for both `everything()` and `nothing()`. */
  readonly requirements: readonly Requirement[];
  private readonly selectsNothing: boolean;

  private constructor(requirements: readonly Requirement[], selectsNothing: boolean) {
    this.requirements = Object.freeze([...requirements]);
    this.selectsNothing = selectsNothing;
    Object.freeze(this);
  }

  /** Matches every set of labels (an empty selector, `{}` in an object). */
  static everything(): Selector {
    return Selector.EVERYTHING;
  }

  /** Matches nothing (a missing selector in an object, `null`). */
  static nothing(): Selector {
    return Selector.NOTHING;
  }

  /** A selector over already-valid requirements (no validation; use `newRequirement` to validate). */
  static fromRequirements(requirements: readonly Requirement[]): Selector {
    return requirements.length === 0 ? Selector.EVERYTHING : new Selector(byKey(requirements), false);
  }

  /** True when every requirement holds; `undefined` labels count as none. Never true for `nothing()`. */
  matches(labels: Readonly<Record<string, string>> | undefined): boolean {
    if (this.selectsNothing) return false;
    const ls = labels ?? NO_LABELS;
    const reqs = this.requirements;
    for (let i = 0; i < reqs.length; i++) if (!requirementMatches(reqs[i]!, ls)) return false;
    return true;
  }

  /** True only when the selector does not restrict anything (`everything()`); false for `nothing()`. */
  isEmpty(): boolean {
    return !this.selectsNothing && this.requirements.length === 0;
  }

  /** True for `nothing()` (Go: `Requirements()` reports selectable=false). */
  isNothing(): boolean {
    return this.selectsNothing;
  }

  /** Kubernetes' canonical text, e.g. `app=web,tier in (a,b),!canary` (`""` for everything and nothing). */
  toString(): string {
    return this.requirements.map(requirementToString).join(',');
  }

  /** A new selector with more requirements, re-sorted by key. `nothing()` stays nothing. */
  add(...requirements: Requirement[]): Selector {
    if (this.selectsNothing) return this;
    return Selector.fromRequirements([...this.requirements, ...requirements]);
  }

  /**
   * The single value a label must have for this selector to match (`app=web` or `app in (web)`), looking
   * at the first requirement on that key, as Go's `RequiresExactMatch`.
   */
  requiresExactMatch(label: string): string | undefined {
    const r = this.requirements.find((req) => req.key === label);
    if (!r) return undefined;
    const exact = r.operator === '=' || r.operator === '==' || r.operator === 'In';
    return exact && r.values.length === 1 ? r.values[0] : undefined;
  }
}

/**
 * Parses the selector string syntax (`a=b,c!=d,e in (x,y),f notin (z),g,!h,n>1,n<5`). An empty or
 * blank string gives `everything()`. Throws `SelectorError` with Kubernetes' message, e.g.
 * `unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt`.
 */
export function parseSelector(text: string): Selector {
  return Selector.fromRequirements(parseRequirements(text));
}

/** Like `parseSelector`, but undefined instead of an error. */
export function tryParseSelector(text: string): Selector | undefined {
  try {
    return parseSelector(text);
  } catch (err) {
    if (err instanceof SelectorError) return undefined;
    throw err;
  }
}

/** `metav1.LabelSelector` as it appears in objects. */
export interface LabelSelectorLike {
  matchLabels?: Readonly<Record<string, string>> | null;
  matchExpressions?: readonly { key: string; operator: string; values?: readonly string[] | null }[] | null;
}

const EXPRESSION_OPERATORS: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ['In', 'In'],
  ['NotIn', 'NotIn'],
  ['Exists', 'Exists'],
  ['DoesNotExist', 'DoesNotExist'],
]);

/**
 * Go's `LabelSelectorAsSelector`: null/undefined -> `nothing()`; no labels and no expressions ->
 * `everything()`; otherwise matchLabels as `key=value` and matchExpressions as set terms. Throws
 * `SelectorError`: `"Foo" is not a valid label selector operator`, or the requirement's validation
 * (`values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty`).
 */
export function selectorFromLabelSelector(ls: LabelSelectorLike | null | undefined): Selector {
  if (ls === null || ls === undefined) return Selector.nothing();
  const matchLabels = ls.matchLabels ?? {};
  const expressions = ls.matchExpressions ?? [];
  const labelKeys = Object.keys(matchLabels).sort(); // Go's map order is random; sorted is deterministic
  if (labelKeys.length + expressions.length === 0) return Selector.everything();
  const requirements: Requirement[] = labelKeys.map((k) =>
    newRequirement(k, '=', [matchLabels[k] as string]),
  );
  for (const expr of expressions) {
    const op = EXPRESSION_OPERATORS.get(expr.operator);
    if (op === undefined)
      throw new SelectorError(`${goQuote(expr.operator)} is not a valid label selector operator`);
    requirements.push(newRequirement(expr.key, op, expr.values ?? []));
  }
  return Selector.fromRequirements(requirements);
}

/**
 * Go's `SelectorFromSet` (a `nodeSelector`, a Service's `spec.selector`): every pair must match exactly.
 * No validation; an empty or missing set matches everything.
 */
export function selectorFromSet(set: Readonly<Record<string, string>> | null | undefined): Selector {
  if (!set) return Selector.everything();
  return Selector.fromRequirements(
    Object.keys(set).map((k) => ({ key: k, operator: '=', values: [set[k] as string] })),
  );
}
