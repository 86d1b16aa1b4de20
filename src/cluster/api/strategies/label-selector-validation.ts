/**
 * metav1 LabelSelector validation (k8s.io/apimachinery pkg/apis/meta/v1/validation ValidateLabelSelector)
 * and the "selector must match the template" rule every workload applies.
 */
import { forbidden, invalid, required, type FieldError } from '../validation/field-error.ts';
import { isValidLabelValue, validateLabelName, validateLabels } from '../validation/labels.ts';
import { SelectorError, selectorFromLabelSelector, type Selector } from '../labels/selector.ts';
import { goLabelSelector, goStringMap, type LabelSelectorValue } from './go-values.ts';

/** ValidateLabelSelector (strict: values must be valid label values). */
export function validateLabelSelector(sel: LabelSelectorValue | null | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels ?? undefined, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(`${p}.operator`, e.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(e.key ?? '', `${p}.key`));
    values.forEach((v, vi) => errs.push(...isValidLabelValue(v).map((m) => invalid(`${p}.values[${vi}]`, v, m))));
  });
  return errs;
}

/** `LabelSelectorAsSelector`, or undefined when it cannot be built (Kubernetes then reports it invalid). */
export function toSelector(sel: LabelSelectorValue | null | undefined): Selector | undefined {
  try {
    return selectorFromLabelSelector(sel as Parameters<typeof selectorFromLabelSelector>[0]);
  } catch (e) {
    if (e instanceof SelectorError) return undefined;
    throw e;
  }
}

/**
 * The selector rules of a workload spec at `specPath`: `selector: Required value` when missing, strict
 * validation, `empty selector is invalid for <kind>`, and — when the selector is buildable — the template's
 * labels must match it (`<specPath>.template.metadata.labels: Invalid value: map[string]string{...}:
 * \`selector\` does not match template \`labels\``). A missing selector matches nothing.
 */
export function validateWorkloadSelector(
  sel: LabelSelectorValue | null | undefined,
  templateLabels: Record<string, string> | undefined,
  specPath: string,
  kindForEmpty: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const path = `${specPath}.selector`;
  if (!sel) errs.push(required(path, ''));
  else {
    errs.push(...validateLabelSelector(sel, path));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
      errs.push(invalid(path, goLabelSelector(sel), `empty selector is invalid for ${kindForEmpty}`));
    }
  }
  const selector = toSelector(sel);
  if (!selector) errs.push(invalid(path, goLabelSelector(sel), 'invalid label selector'));
  else if (!selector.isEmpty() && !selector.matches(templateLabels ?? {})) {
    errs.push(invalid(`${specPath}.template.metadata.labels`, goStringMap(templateLabels), '`selector` does not match template `labels`'));
  }
  return errs;
}
