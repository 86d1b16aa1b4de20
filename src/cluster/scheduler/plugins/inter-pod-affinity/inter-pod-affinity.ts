/**
 * InterPodAffinity: required pod affinity and anti-affinity (the pod's own and, symmetrically, existing
 * pods' required anti-affinity) filter nodes; preferred terms (both directions, plus existing pods'
 * required affinity at hardPodAffinityWeight 1) score them.
 *
 * Filter, in this order:
 *  - affinity: every required term's topology pair must hold a matching pod -- unless no pod in the
 *    cluster matches and the pod matches its own terms (the first of a group) ->
 *    UnschedulableAndUnresolvable `node(s) didn't match pod affinity rules`;
 *  - anti-affinity: no matching pod in the term's topology pair -> Unschedulable
 *    `node(s) didn't match pod anti-affinity rules`;
 *  - existing pods' anti-affinity against this pod -> Unschedulable
 *    `node(s) didn't satisfy existing pods anti-affinity rules`.
 * Score: sum of the weights landing on the node's topology pairs, normalized min..max to 0..100.
 */
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, PreFilterExtensions, PreFilterPlugin, PreFilterResult, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { Labels } from '../../framework/label-matcher.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PluginContext } from '../../framework/plugin-context.ts';
import { termMatches, type PodInfo, type WeightedAffinityTerm, type AffinityTerm } from '../../framework/pod-info.ts';
import { newStatus, SKIP, type MaybeStatus } from '../../framework/status.ts';
import * as names from '../../names.ts';
import { podMatchesAllAffinityTerms, TopologyCounts, updateWithAffinityTerms, updateWithAntiAffinityTerms } from './topology-counts.ts';

export const NAME = names.InterPodAffinity;
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
/** InterPodAffinityArgs.hardPodAffinityWeight default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

const PRE_FILTER_KEY = 'PreFilter' + NAME;
const PRE_SCORE_KEY = 'PreScore' + NAME;
const REJECT_AFFINITY = newStatus('UnschedulableAndUnresolvable', ERR_REASON_AFFINITY_RULES_NOT_MATCH);
const REJECT_ANTI_AFFINITY = newStatus('Unschedulable', ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
const REJECT_EXISTING = newStatus('Unschedulable', ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);

class PreFilterState {
  constructor(
    readonly existingAntiAffinityCounts: TopologyCounts,
    readonly affinityCounts: TopologyCounts,
    readonly antiAffinityCounts: TopologyCounts,
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(this.existingAntiAffinityCounts.copy(), this.affinityCounts.copy(), this.antiAffinityCounts.copy());
  }
}

interface PreScoreState {
  /** topologyKey -> value -> score. */
  topologyScore: Map<string, Map<string, number>>;
}

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME;
  readonly preFilterExtensions: PreFilterExtensions;
  private readonly nsLabels: (ns: string) => Labels;

  constructor(ctx: Pick<PluginContext, 'namespaceLabels'> = { namespaceLabels: () => undefined }) {
    this.nsLabels = (ns) => ctx.namespaceLabels(ns);
    this.preFilterExtensions = {
      addPod: (state, pod, toAdd, nodeInfo) => this.updateWithPod(state, pod, toAdd, nodeInfo, 1),
      removePod: (state, pod, toRemove, nodeInfo) => this.updateWithPod(state, pod, toRemove, nodeInfo, -1),
    };
  }

  preFilter(state: CycleState, pod: PodInfo): { result?: PreFilterResult; status: MaybeStatus } {
    const snapshot = state.snapshot;
    const existing = new TopologyCounts();
    for (const node of snapshot.havePodsWithRequiredAntiAffinityList) {
      for (const ep of node.podsWithRequiredAntiAffinity) {
        updateWithAntiAffinityTerms(existing, ep.requiredAntiAffinityTerms, pod, node, 1, this.nsLabels);
      }
    }
    const affinity = new TopologyCounts();
    const anti = new TopologyCounts();
    if (pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0) {
      for (const node of snapshot.nodeInfoList) {
        for (const ep of node.pods) {
          updateWithAffinityTerms(affinity, pod.requiredAffinityTerms, ep, node, 1, this.nsLabels);
          updateWithAntiAffinityTerms(anti, pod.requiredAntiAffinityTerms, ep, node, 1, this.nsLabels);
        }
      }
    }
    if (existing.size === 0 && pod.requiredAffinityTerms.length === 0 && pod.requiredAntiAffinityTerms.length === 0) {
      return { status: SKIP };
    }
    state.write(PRE_FILTER_KEY, new PreFilterState(existing, affinity, anti));
    return { status: null };
  }

  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s) return null;
    if (!this.satisfyPodAffinity(s, pod, nodeInfo)) return REJECT_AFFINITY;
    if (!satisfyPodAntiAffinity(s, pod.requiredAntiAffinityTerms, nodeInfo)) return REJECT_ANTI_AFFINITY;
    if (!satisfyExistingPodsAntiAffinity(s, nodeInfo)) return REJECT_EXISTING;
    return null;
  }

  private satisfyPodAffinity(s: PreFilterState, pod: PodInfo, nodeInfo: NodeInfo): boolean {
    let podsExist = true;
    for (const term of pod.requiredAffinityTerms) {
      const v = nodeInfo.labels[term.topologyKey];
      // Every topology key must exist on the node.
      if (v === undefined) return false;
      if (s.affinityCounts.countAt(term.topologyKey, v) <= 0) podsExist = false;
    }
    if (!podsExist) {
      // The first pod of a group with affinity to itself: allowed when nothing else matches anywhere.
      return s.affinityCounts.size === 0 && podMatchesAllAffinityTerms(pod.requiredAffinityTerms, pod, this.nsLabels);
    }
    return true;
  }

  private updateWithPod(state: CycleState, pod: PodInfo, other: PodInfo, node: NodeInfo, delta: number): MaybeStatus {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s) return null;
    updateWithAntiAffinityTerms(s.existingAntiAffinityCounts, other.requiredAntiAffinityTerms, pod, node, delta, this.nsLabels);
    updateWithAffinityTerms(s.affinityCounts, pod.requiredAffinityTerms, other, node, delta, this.nsLabels);
    updateWithAntiAffinityTerms(s.antiAffinityCounts, pod.requiredAntiAffinityTerms, other, node, delta, this.nsLabels);
    return null;
  }

  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): MaybeStatus {
    if (nodes.length === 0) return null;
    const hasConstraints = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
    const snapshot = state.snapshot;
    const candidates = hasConstraints ? snapshot.nodeInfoList : snapshot.havePodsWithAffinityList;
    const topologyScore = new Map<string, Map<string, number>>();
    const add = (term: AffinityTerm, weight: number, target: PodInfo, node: NodeInfo): void => {
      if (!termMatches(term, target, this.nsLabels)) return;
      const v = node.labels[term.topologyKey];
      if (v === undefined) return;
      let m = topologyScore.get(term.topologyKey);
      if (!m) topologyScore.set(term.topologyKey, (m = new Map()));
      m.set(v, (m.get(v) ?? 0) + weight);
    };
    const addAll = (terms: readonly WeightedAffinityTerm[], sign: number, target: PodInfo, node: NodeInfo): void => {
      for (const t of terms) add(t, t.weight * sign, target, node);
    };
    for (const node of candidates) {
      if (Object.keys(node.labels).length === 0) continue;
      const pods = hasConstraints ? node.pods : node.podsWithAffinity;
      for (const ep of pods) {
        addAll(pod.preferredAffinityTerms, 1, ep, node);
        addAll(pod.preferredAntiAffinityTerms, -1, ep, node);
        for (const t of ep.requiredAffinityTerms) add(t, HARD_POD_AFFINITY_WEIGHT, pod, node);
        addAll(ep.preferredAffinityTerms, 1, pod, node);
        addAll(ep.preferredAntiAffinityTerms, -1, pod, node);
      }
    }
    if (topologyScore.size === 0) return SKIP;
    state.write(PRE_SCORE_KEY, { topologyScore } satisfies PreScoreState);
    return null;
  }

  score(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): number {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    if (!s) return 0;
    let score = 0;
    for (const [key, values] of s.topologyScore) {
      const v = nodeInfo.labels[key];
      if (v !== undefined) score += values.get(v) ?? 0;
    }
    return score;
  }

  /** Min..max scaling to 0..100 (all equal: 0). */
  normalizeScore(_state: CycleState, _pod: PodInfo, _nodes: readonly NodeInfo[], scores: Float64Array): void {
    let min = Infinity;
    let max = -Infinity;
    for (const v of scores) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) {
      scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
    }
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      { event: { resource: 'AssignedPod', actions: ['Add', 'UpdatePodLabel', 'Delete'] } },
      { event: { resource: 'Node', actions: ['Add', 'UpdateNodeLabel'] } },
      { event: { resource: 'UnscheduledPod', actions: ['Update'] } },
    ];
  }
}

function satisfyPodAntiAffinity(s: PreFilterState, terms: readonly AffinityTerm[], nodeInfo: NodeInfo): boolean {
  if (s.antiAffinityCounts.size === 0) return true;
  for (const term of terms) {
    const v = nodeInfo.labels[term.topologyKey];
    if (v !== undefined && s.antiAffinityCounts.countAt(term.topologyKey, v) > 0) return false;
  }
  return true;
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, nodeInfo: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  for (const key of s.existingAntiAffinityCounts.keys()) {
    const v = nodeInfo.labels[key];
    if (v !== undefined && s.existingAntiAffinityCounts.countAt(key, v) > 0) return false;
  }
  return true;
}

new InterPodAffinity() satisfies PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions;
