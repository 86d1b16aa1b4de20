/**
 * Node selector terms (spec.affinity.nodeAffinity), as k8s.io/component-helpers scheduling/corev1/
 * nodeaffinity: terms are ORed; inside a term, matchExpressions (on labels) and matchFields (only
 * `metadata.name`) are ANDed; a term with neither matches nothing. Operators In, NotIn, Exists,
 * DoesNotExist, Gt, Lt (Gt/Lt compare a single integer value, and fail when the label is missing or not
 * an integer).
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { INodeSelectorRequirement } from 'kubernetes-models/v1/NodeSelectorRequirement';
import type { INodeSelectorTerm } from 'kubernetes-models/v1/NodeSelectorTerm';
import type { IPod } from 'kubernetes-models/v1/Pod';

type Labels = Readonly<Record<string, string>> | undefined;

const INTEGER = /^[+-]?\d+$/;

export function matchRequirement(r: INodeSelectorRequirement, value: string | undefined): boolean {
  switch (r.operator) {
    case 'In':
      return value !== undefined && (r.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(r.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const want = r.values?.[0];
      if (value === undefined || want === undefined || r.values?.length !== 1) return false;
      if (!INTEGER.test(value) || !INTEGER.test(want)) return false;
      const have = Number(value);
      const limit = Number(want);
      return r.operator === 'Gt' ? have > limit : have < limit;
    }
    default:
      return false;
  }
}

/** Whether one term matches a node with these labels and name. */
export function matchTerm(term: INodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!matchRequirement(r, labels?.[r.key])) return false;
  for (const r of fields) {
    // Only metadata.name is a supported field; anything else never matches.
    if (r.key !== 'metadata.name') return false;
    if (!matchRequirement(r, nodeName)) return false;
  }
  return true;
}

/** ORed terms; an empty list matches nothing. */
export function matchTerms(terms: readonly INodeSelectorTerm[], labels: Labels, nodeName: string): boolean {
  for (const t of terms) if (matchTerm(t, labels, nodeName)) return true;
  return false;
}

/**
 * RequiredNodeAffinity: `spec.nodeSelector` (every pair must be a node label) AND the required node
 * affinity terms, compiled once per pod.
 */
export class RequiredNodeAffinity {
  private readonly selector: ReadonlyArray<readonly [string, string]>;
  private readonly terms: readonly INodeSelectorTerm[] | null;

  constructor(pod: IPod) {
    this.selector = Object.entries(pod.spec?.nodeSelector ?? {});
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.terms = required ? (required.nodeSelectorTerms ?? []) : null;
  }

  /** True when neither a nodeSelector nor required terms constrain the pod. */
  get isEmpty(): boolean {
    return this.selector.length === 0 && this.terms === null;
  }

  matches(node: INode): boolean {
    return this.matchLabels(node.metadata?.labels, node.metadata?.name ?? '');
  }

  matchLabels(labels: Labels, nodeName: string): boolean {
    for (const [k, v] of this.selector) if (labels?.[k] !== v) return false;
    if (this.terms !== null && !matchTerms(this.terms, labels, nodeName)) return false;
    return true;
  }
}
