/**
 * Label selectors as the scheduler uses them: metav1.LabelSelectorAsSelector semantics, where a
 * missing (nil) selector matches nothing and an empty one (`{}`) matches everything. Matching itself
 * is delegated to the API's selector implementation (src/cluster/api/labels).
 */
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import { selectorFromLabelSelector } from '../../api/labels/selector.ts';

export type Labels = Readonly<Record<string, string>> | undefined;

export interface LabelMatcher {
  matches(labels: Labels): boolean;
  /** Same key, same matches: set on equality-only selectors, so results may be cached across cycles. */
  readonly key?: string;
  /** True for a selector that matches everything (`{}`). */
  readonly everything: boolean;
  /** True for a nil selector, which matches nothing. */
  readonly nothing: boolean;
}

export const MATCH_NOTHING: LabelMatcher = Object.freeze({ matches: () => false, everything: false, nothing: true });
export const MATCH_EVERYTHING: LabelMatcher = Object.freeze({ matches: () => true, everything: true, nothing: false });

/**
 * Compiles a LabelSelector once. An invalid selector matches nothing (the scheduler treats a parse
 * error of a PDB or term selector as "does not match").
 */
export function compileLabelSelector(ls: ILabelSelector | undefined | null): LabelMatcher {
  if (ls === undefined || ls === null) return MATCH_NOTHING;
  const noLabels = !ls.matchLabels || Object.keys(ls.matchLabels).length === 0;
  const noExprs = !ls.matchExpressions || ls.matchExpressions.length === 0;
  if (noLabels && noExprs) return MATCH_EVERYTHING;
  try {
    const selector = selectorFromLabelSelector(ls);
    // Hot path (affinity and spread match every pod on every node): selectors made only of single-value
    // equality terms -- `matchLabels`, the overwhelmingly common case -- compare values directly.
    // Anything else goes through the API's Selector.
    const reqs = selector.requirements;
    const simple = reqs.every((r) => (r.operator === '=' || r.operator === '==' || r.operator === 'In') && r.values.length === 1);
    if (simple) {
      const keys = reqs.map((r) => r.key);
      const values = reqs.map((r) => r.values[0]!);
      const n = keys.length;
      const matches = (labels: Labels): boolean => {
        if (labels === undefined) return false;
        for (let i = 0; i < n; i++) if (labels[keys[i]!] !== values[i]) return false;
        return true;
      };
      return { matches, everything: false, nothing: false, key: JSON.stringify([keys, values]) };
    }
    return { matches: (labels) => selector.matches(labels ?? {}), everything: false, nothing: false };
  } catch {
    return MATCH_NOTHING;
  }
}

/** Adds `key In (value)` requirements to a selector (matchLabelKeys merging); never mutates `ls`. */
export function withRequirements(ls: ILabelSelector | undefined, extra: ReadonlyArray<readonly [string, string]>): ILabelSelector | undefined {
  if (extra.length === 0 || ls === undefined) return ls;
  return {
    ...ls,
    matchExpressions: [...(ls.matchExpressions ?? []), ...extra.map(([key, v]) => ({ key, operator: 'In', values: [v] }))],
  };
}
