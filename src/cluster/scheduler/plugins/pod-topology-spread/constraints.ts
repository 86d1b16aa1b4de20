/**
 * Topology spread constraints as PodTopologySpread evaluates them (podtopologyspread/common.go):
 * the pod's own constraints (matchLabelKeys merged into the selector), or, for scoring only and only
 * when the pod has none, the system defaults (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway)
 * over the selector of the pod's Service/ReplicaSet/StatefulSet.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { compileLabelSelector, withRequirements, type LabelMatcher } from '../../framework/label-matcher.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { RequiredNodeAffinity } from '../../framework/node-selector.ts';
import type { PluginContext } from '../../framework/plugin-context.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { doNotScheduleTaint, findMatchingUntoleratedTaint } from '../../framework/taints.ts';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: LabelMatcher;
  readonly minDomains: number;
  readonly nodeAffinityPolicy: 'Honor' | 'Ignore';
  readonly nodeTaintsPolicy: 'Honor' | 'Ignore';
}

/** The system default constraints (config.PodTopologySpreadArgs defaults, `List` defaulting). */
export const SYSTEM_DEFAULT_CONSTRAINTS: ReadonlyArray<{ topologyKey: string; maxSkew: number }> = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
];

/** The pod's constraints with the given whenUnsatisfiable, selectors compiled. */
export function podConstraints(pod: IPod, action: 'DoNotSchedule' | 'ScheduleAnyway'): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  const labels = pod.metadata?.labels ?? {};
  for (const c of pod.spec?.topologySpreadConstraints ?? []) {
    if (c.whenUnsatisfiable !== action) continue;
    const extra: Array<[string, string]> = [];
    for (const k of c.matchLabelKeys ?? []) {
      const v = labels[k];
      if (v !== undefined) extra.push([k, v]);
    }
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: compileLabelSelector(withRequirements(c.labelSelector, extra)),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
    });
  }
  return out;
}

/** System default constraints over the pod's owner selector; empty when it has no owner selector. */
export function defaultConstraints(pod: IPod, ctx: Pick<PluginContext, 'defaultSpreadSelector'>): SpreadConstraint[] {
  const ls = ctx.defaultSpreadSelector(pod);
  const selector = compileLabelSelector(ls);
  if (ls === undefined || selector.everything || selector.nothing) return [];
  return SYSTEM_DEFAULT_CONSTRAINTS.map((d) => ({
    maxSkew: d.maxSkew,
    topologyKey: d.topologyKey,
    selector,
    minDomains: 1,
    nodeAffinityPolicy: 'Honor' as const,
    nodeTaintsPolicy: 'Ignore' as const,
  }));
}

/** Whether the node has every constraint's topology key. */
export function nodeLabelsMatchSpreadConstraints(labels: Readonly<Record<string, string>>, constraints: readonly SpreadConstraint[]): boolean {
  for (const c of constraints) if (labels[c.topologyKey] === undefined) return false;
  return true;
}

/** nodeAffinityPolicy / nodeTaintsPolicy: whether the node counts for this constraint. */
export function matchNodeInclusionPolicies(c: SpreadConstraint, pod: PodInfo, node: NodeInfo, required: RequiredNodeAffinity): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !required.matchLabels(node.labels, node.name)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findMatchingUntoleratedTaint(node.taints, pod.pod.spec?.tolerations, doNotScheduleTaint)) {
    return false;
  }
  return true;
}

// Spreading counts matching pods on every node in every cycle (as upstream does): O(all pods) per pod
// scheduled. A node's count only changes when its pods do (its generation moves), and consecutive pods
// of one ReplicaSet share a selector, so counts are remembered per node generation and selector.
const countCache = new WeakMap<NodeInfo, { generation: number; counts: Map<string, Map<string, number>> }>();

/** countPodsMatchSelector over a node's pods, remembered until the node changes. */
export function countNodePodsMatchSelector(node: NodeInfo, selector: LabelMatcher, namespace: string): number {
  if (selector.key === undefined) return countPodsMatchSelector(node.pods, selector, namespace);
  let entry = countCache.get(node);
  if (!entry || entry.generation !== node.generation) countCache.set(node, (entry = { generation: node.generation, counts: new Map() }));
  let byNamespace = entry.counts.get(selector.key);
  if (!byNamespace) entry.counts.set(selector.key, (byNamespace = new Map()));
  let n = byNamespace.get(namespace);
  if (n === undefined) byNamespace.set(namespace, (n = countPodsMatchSelector(node.pods, selector, namespace)));
  return n;
}

/** Pods on the node in `namespace`, not terminating, matching `selector` (an empty selector counts none). */
export function countPodsMatchSelector(pods: readonly PodInfo[], selector: LabelMatcher, namespace: string): number {
  if (selector.everything || selector.nothing) return 0;
  let n = 0;
  for (const p of pods) {
    if (p.terminating || p.namespace !== namespace) continue;
    if (selector.matches(p.labels)) n++;
  }
  return n;
}

export type { INode };
