/**
 * NodeAffinity: spec.nodeSelector and required node affinity filter nodes; preferred terms score them
 * (sum of the weights of matching terms, normalized so the best node gets 100). PreFilter narrows the
 * node set when every required term pins `metadata.name` (DaemonSet pods do), which is why a
 * DaemonSet pod's message reads `N node(s) didn't satisfy plugin(s) [NodeAffinity]`.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { INodeSelectorTerm } from 'kubernetes-models/v1/NodeSelectorTerm';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, PreFilterPlugin, PreFilterResult, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { matchTerm, RequiredNodeAffinity } from '../../framework/node-selector.ts';
import { defaultNormalizeScore } from '../../framework/normalize-score.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { newStatus, SKIP, type MaybeStatus } from '../../framework/status.ts';
import * as names from '../../names.ts';

export const NAME = names.NodeAffinity;
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

const PRE_FILTER_KEY = 'PreFilter' + NAME;
const PRE_SCORE_KEY = 'PreScore' + NAME;
const REJECT = newStatus('UnschedulableAndUnresolvable', ERR_REASON_POD);

interface PreFilterState {
  required: RequiredNodeAffinity;
}
interface PreScoreState {
  preferred: ReadonlyArray<{ weight: number; term: INodeSelectorTerm }>;
}

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME;

  preFilter(state: CycleState, pod: PodInfo): { result?: PreFilterResult; status: MaybeStatus } {
    const spec = pod.pod.spec;
    const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!required && (!spec?.nodeSelector || Object.keys(spec.nodeSelector).length === 0)) return { status: SKIP };
    state.write(PRE_FILTER_KEY, { required: new RequiredNodeAffinity(pod.pod) } satisfies PreFilterState);
    const terms = required?.nodeSelectorTerms ?? [];
    if (terms.length === 0) return { status: null };
    // Nodes pinned by name: a union over ORed terms of the intersection of `metadata.name In` fields.
    let nodeNames: Set<string> | null = null;
    for (const t of terms) {
      let termNames = null as Set<string> | null;
      for (const r of t.matchFields ?? []) {
        if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
        const s = new Set<string>(r.values ?? []);
        termNames = termNames === null ? s : new Set<string>([...termNames].filter((n) => s.has(n)));
      }
      // A term without a name pin lets every node through (terms are ORed).
      if (termNames === null) return { status: null };
      nodeNames ??= new Set();
      for (const n of termNames) nodeNames.add(n);
    }
    if (nodeNames !== null && nodeNames.size === 0) {
      return { status: newStatus('UnschedulableAndUnresolvable', ERR_REASON_CONFLICT) };
    }
    return { result: { nodeNames }, status: null };
  }

  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY);
    const required = s?.required ?? new RequiredNodeAffinity(pod.pod);
    return required.matchLabels(nodeInfo.labels, nodeInfo.name) ? null : REJECT;
  }

  preScore(state: CycleState, pod: PodInfo): MaybeStatus {
    const preferred = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    if (preferred.length === 0) return SKIP;
    state.write(PRE_SCORE_KEY, {
      preferred: preferred.filter((p) => p.weight !== 0).map((p) => ({ weight: p.weight, term: p.preference })),
    } satisfies PreScoreState);
    return null;
  }

  /** Raw score: the sum of the weights of the preferred terms the node matches. */
  score(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): number {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    let count = 0;
    for (const p of s?.preferred ?? []) if (matchTerm(p.term, nodeInfo.labels, nodeInfo.name)) count += p.weight;
    return count;
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, _nodes: readonly NodeInfo[], scores: Float64Array): void {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      {
        event: { resource: 'Node', actions: ['Add', 'UpdateNodeLabel'] },
        hint: (pod: IPod, _old, newObj) => (new RequiredNodeAffinity(pod).matches(newObj as INode) ? 'Queue' : 'QueueSkip'),
      },
      { event: { resource: 'UnscheduledPod', actions: ['Update'] } },
    ];
  }
}

new NodeAffinity() satisfies PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions;
