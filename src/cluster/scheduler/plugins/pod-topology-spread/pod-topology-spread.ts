/**
 * PodTopologySpread: keeps matching pods spread across topology domains.
 *
 * Filter (DoNotSchedule constraints): for each constraint, with `matchNum` the matching pods in the
 * node's domain, `self` 1 when the pod matches its own selector, and `min` the smallest count over
 * eligible domains (0 when fewer than minDomains domains exist):
 *   skew = matchNum + self - min; skew > maxSkew -> `node(s) didn't match pod topology spread
 *   constraints`; a node without the topology key -> `... (missing required label)`.
 *
 * Score (ScheduleAnyway constraints, or the system defaults): per node
 *   sum over constraints of count * log(domains + 2) + (maxSkew - 1), rounded;
 * normalized so fewer matching pods score higher: 100 * (max + min - s) / max.
 */
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, PreFilterExtensions, PreFilterPlugin, PreFilterResult, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { RequiredNodeAffinity } from '../../framework/node-selector.ts';
import type { PluginContext } from '../../framework/plugin-context.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { newStatus, SKIP, type MaybeStatus } from '../../framework/status.ts';
import * as names from '../../names.ts';
import {
  countNodePodsMatchSelector,
  defaultConstraints,
  LABEL_HOSTNAME,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
  podConstraints,
  type SpreadConstraint,
} from './constraints.ts';

export const NAME = names.PodTopologySpread;
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)';

const PRE_FILTER_KEY = 'PreFilter' + NAME;
const PRE_SCORE_KEY = 'PreScore' + NAME;
const REJECT_SKEW = newStatus('Unschedulable', ERR_REASON_CONSTRAINTS_NOT_MATCH);
const REJECT_LABEL = newStatus('UnschedulableAndUnresolvable', ERR_REASON_NODE_LABEL_NOT_MATCH);

class PreFilterState {
  constructor(
    readonly constraints: readonly SpreadConstraint[],
    /** Per constraint: domain value -> matching pods. */
    readonly matchNum: Array<Map<string, number>>,
    /** Per constraint: the smallest count over its domains (Infinity with no domain). */
    readonly minNum: number[],
    readonly required: RequiredNodeAffinity,
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(this.constraints, this.matchNum.map((m) => new Map(m)), this.minNum.slice(), this.required);
  }

  recomputeMin(i: number): void {
    let min = Infinity;
    for (const v of this.matchNum[i]!.values()) if (v < min) min = v;
    this.minNum[i] = min;
  }

  /** Global minimum for constraint i, honouring minDomains. */
  minMatchNum(i: number): number {
    const c = this.constraints[i]!;
    if (this.matchNum[i]!.size < c.minDomains) return 0;
    return this.minNum[i]!;
  }
}

interface PreScoreState {
  constraints: readonly SpreadConstraint[];
  ignoredNodes: Set<string>;
  /** Per constraint: topology value -> matching pods (empty for hostname, counted per node at Score). */
  pairCounts: Map<string, number>[];
  weights: number[];
}

export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME;
  readonly preFilterExtensions: PreFilterExtensions;

  constructor(private readonly ctx: Pick<PluginContext, 'defaultSpreadSelector'> = { defaultSpreadSelector: () => undefined }) {
    this.preFilterExtensions = {
      addPod: (state, pod, toAdd, nodeInfo) => this.updateWithPod(state, pod, toAdd, nodeInfo, 1),
      removePod: (state, pod, toRemove, nodeInfo) => this.updateWithPod(state, pod, toRemove, nodeInfo, -1),
    };
  }

  preFilter(state: CycleState, pod: PodInfo): { result?: PreFilterResult; status: MaybeStatus } {
    const constraints = podConstraints(pod.pod, 'DoNotSchedule');
    if (constraints.length === 0) return { status: SKIP };
    const required = new RequiredNodeAffinity(pod.pod);
    const matchNum = constraints.map(() => new Map<string, number>());
    for (const node of state.snapshot.nodeInfoList) {
      if (!nodeLabelsMatchSpreadConstraints(node.labels, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        if (!matchNodeInclusionPolicies(c, pod, node, required)) continue;
        const v = node.labels[c.topologyKey]!;
        const m = matchNum[i]!;
        m.set(v, (m.get(v) ?? 0) + countNodePodsMatchSelector(node, c.selector, pod.namespace));
      }
    }
    const s = new PreFilterState(constraints, matchNum, constraints.map(() => Infinity), required);
    for (let i = 0; i < constraints.length; i++) s.recomputeMin(i);
    state.write(PRE_FILTER_KEY, s);
    return { status: null };
  }

  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s) return null;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const v = nodeInfo.labels[c.topologyKey];
      if (v === undefined) return REJECT_LABEL;
      const self = c.selector.matches(pod.labels) ? 1 : 0;
      const matchNum = s.matchNum[i]!.get(v) ?? 0;
      const skew = matchNum + self - s.minMatchNum(i);
      if (skew > c.maxSkew) return REJECT_SKEW;
    }
    return null;
  }

  private updateWithPod(state: CycleState, pod: PodInfo, other: PodInfo, node: NodeInfo, delta: number): MaybeStatus {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    if (!s || other.namespace !== pod.namespace) return null;
    if (!nodeLabelsMatchSpreadConstraints(node.labels, s.constraints)) return null;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      if (!c.selector.matches(other.labels)) continue;
      if (!matchNodeInclusionPolicies(c, pod, node, s.required)) continue;
      const v = node.labels[c.topologyKey]!;
      const m = s.matchNum[i]!;
      m.set(v, (m.get(v) ?? 0) + delta);
      s.recomputeMin(i);
    }
    return null;
  }

  preScore(state: CycleState, pod: PodInfo, filteredNodes: readonly NodeInfo[]): MaybeStatus {
    const own = pod.pod.spec?.topologySpreadConstraints ?? [];
    const systemDefaulted = own.length === 0;
    const constraints = systemDefaulted ? defaultConstraints(pod.pod, this.ctx) : podConstraints(pod.pod, 'ScheduleAnyway');
    if (constraints.length === 0) return SKIP;
    const requireAllTopologies = !systemDefaulted;
    const ignoredNodes = new Set<string>();
    // One map per constraint, so the hot loops below (every node, every pod scheduled) build no keys.
    const pairCounts = constraints.map(() => new Map<string, number>());
    const topoSize = constraints.map(() => 0);
    for (const n of filteredNodes) {
      if (requireAllTopologies && !nodeLabelsMatchSpreadConstraints(n.labels, constraints)) {
        ignoredNodes.add(n.name);
        continue;
      }
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        if (c.topologyKey === LABEL_HOSTNAME) continue;
        const value = n.labels[c.topologyKey] ?? '';
        const counts = pairCounts[i]!;
        if (!counts.has(value)) {
          counts.set(value, 0);
          topoSize[i]!++;
        }
      }
    }
    const weights = constraints.map((c, i) => {
      const size = c.topologyKey === LABEL_HOSTNAME ? filteredNodes.length - ignoredNodes.size : topoSize[i]!;
      return Math.log(size + 2);
    });
    const required = new RequiredNodeAffinity(pod.pod);
    for (const n of state.snapshot.nodeInfoList) {
      if (requireAllTopologies && !nodeLabelsMatchSpreadConstraints(n.labels, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        // Hostname pairs are never in pairCounts (counted per node at Score): skip before any work.
        if (c.topologyKey === LABEL_HOSTNAME) continue;
        const counts = pairCounts[i]!;
        const value = n.labels[c.topologyKey] ?? '';
        const cur = counts.get(value);
        if (cur === undefined) continue;
        if (!matchNodeInclusionPolicies(c, pod, n, required)) continue;
        counts.set(value, cur + countNodePodsMatchSelector(n, c.selector, pod.namespace));
      }
    }
    state.write(PRE_SCORE_KEY, { constraints, ignoredNodes, pairCounts, weights } satisfies PreScoreState);
    return null;
  }

  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    if (!s || s.ignoredNodes.has(nodeInfo.name)) return 0;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const v = nodeInfo.labels[c.topologyKey];
      if (v === undefined) continue;
      const cnt =
        c.topologyKey === LABEL_HOSTNAME
          ? countNodePodsMatchSelector(nodeInfo, c.selector, pod.namespace)
          : (s.pairCounts[i]!.get(v) ?? 0);
      score += cnt * s.weights[i]! + (c.maxSkew - 1);
    }
    return Math.round(score);
  }

  normalizeScore(state: CycleState, _pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): void {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    if (!s) return;
    let min = Infinity;
    let max = 0;
    for (let i = 0; i < scores.length; i++) {
      if (s.ignoredNodes.has(nodes[i]!.name)) continue;
      const v = scores[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    for (let i = 0; i < scores.length; i++) {
      if (s.ignoredNodes.has(nodes[i]!.name)) {
        scores[i] = 0;
        continue;
      }
      if (max === 0) {
        scores[i] = MAX_NODE_SCORE;
        continue;
      }
      scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
    }
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      { event: { resource: 'AssignedPod', actions: ['Add', 'UpdatePodLabel', 'Delete'] } },
      { event: { resource: 'Node', actions: ['Add', 'Delete', 'UpdateNodeLabel', 'UpdateNodeTaint'] } },
      { event: { resource: 'UnscheduledPod', actions: ['Update'] } },
    ];
  }
}

new PodTopologySpread() satisfies PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions;
