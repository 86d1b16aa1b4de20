/**
 * Go's `%#v` renderings of the API values Kubernetes puts inside field errors (maps, label selectors,
 * IntOrString), so a message reads byte for byte as kube-apiserver's. Each returns a `GoLiteral` that
 * `formatFieldError` prints verbatim.
 */
import type { GoLiteral } from '../validation/field-error.ts';
import { goQuote } from '../validation/go-format.ts';

function literal(text: string): GoLiteral {
  return Object.freeze({ goLiteral: text });
}

/** `map[string]string{"a":"1", "b":"2"}` (keys sorted, as Go's fmt sorts map keys); nil -> `map[string]string(nil)`. */
export function goStringMap(m: Readonly<Record<string, string>> | null | undefined): GoLiteral {
  if (!m) return literal('map[string]string(nil)');
  const body = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(m[k] ?? '')}`)
    .join(', ');
  return literal(`map[string]string{${body}}`);
}

function goSliceOfStrings(values: readonly string[] | null | undefined): string {
  if (!values) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

export interface LabelSelectorValue {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key?: string; operator?: string; values?: string[] | null }[] | null;
}

/**
 * `v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`
 * — what `field.Invalid(path, spec.Selector, ...)` prints (the pointer is dereferenced, and the struct has no
 * value-receiver String method, so Go falls back to `%#v`).
 */
export function goLabelSelector(sel: LabelSelectorValue | null | undefined): GoLiteral {
  if (!sel) return literal('null');
  const labels = sel.matchLabels ? goStringMap(sel.matchLabels).goLiteral : 'map[string]string(nil)';
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${goSliceOfStrings(e.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return literal(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`);
}

/** An IntOrString as it appears in JSON. */
export type IntOrString = number | string;

/** `intstr.IntOrString{Type:0, IntVal:3, StrVal:""}` / `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}`. */
export function goIntOrString(v: IntOrString | null | undefined): GoLiteral {
  if (v === null || v === undefined) return literal('intstr.IntOrString{Type:0, IntVal:0, StrVal:""}');
  if (typeof v === 'number') return literal(`intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`);
  return literal(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
}

/** Any Go struct literal text the caller already built. */
export function goLiteral(text: string): GoLiteral {
  return literal(text);
}
