/**
 * TaintToleration: filters out nodes with a NoSchedule/NoExecute taint the pod does not tolerate, and
 * scores nodes by their untolerated PreferNoSchedule taints (fewer is better: normalized in reverse).
 *
 * Wording of the rejection: 1.32.x/1.33.x (and 1.34.0-1.34.1) print
 * `node(s) had untolerated taint {key: value}` (the first untolerated taint, in node order); from
 * kubernetes/kubernetes#134740 (1.35, back-ported to 1.34.2) the key and value are hidden:
 * `node(s) had untolerated taint(s)`. PluginContext.taintMessageStyle picks one; the default is
 * `detailed`, what the 1.32 clusters we model print.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { defaultNormalizeScore } from '../../framework/normalize-score.ts';
import type { PluginContext, TaintMessageStyle } from '../../framework/plugin-context.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { newStatus, type MaybeStatus, type Status } from '../../framework/status.ts';
import { doNotScheduleTaint, findMatchingUntoleratedTaint, tolerationsTolerateTaint } from '../../framework/taints.ts';
import * as names from '../../names.ts';

export const NAME = names.TaintToleration;
/** The 1.35+ wording (and 1.34.2+). */
export const ERR_REASON_GENERIC = 'node(s) had untolerated taint(s)';

/** The 1.32-1.34.1 wording: the first untolerated taint, `{key: value}`. */
export function detailedTaintReason(key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`;
}

const PRE_SCORE_KEY = 'PreScore' + NAME;
const GENERIC = newStatus('UnschedulableAndUnresolvable', ERR_REASON_GENERIC);

interface PreScoreState {
  tolerationsPreferNoSchedule: IToleration[];
}

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME;
  private readonly style: TaintMessageStyle;
  // Detailed reasons are few distinct strings: keep one frozen Status per text.
  private readonly detailed = new Map<string, Status>();

  constructor(ctx?: Pick<PluginContext, 'taintMessageStyle'>) {
    this.style = ctx?.taintMessageStyle ?? 'detailed';
  }

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    if (nodeInfo.taints.length === 0) return null;
    const taint = findMatchingUntoleratedTaint(nodeInfo.taints, pod.pod.spec?.tolerations, doNotScheduleTaint);
    if (!taint) return null;
    if (this.style === 'generic') return GENERIC;
    const reason = detailedTaintReason(taint.key, taint.value);
    let s = this.detailed.get(reason);
    if (!s) this.detailed.set(reason, (s = newStatus('UnschedulableAndUnresolvable', reason)));
    return s;
  }

  preScore(state: CycleState, pod: PodInfo): MaybeStatus {
    const tolerations = (pod.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    state.write(PRE_SCORE_KEY, { tolerationsPreferNoSchedule: tolerations } satisfies PreScoreState);
    return null;
  }

  /** Raw score: the number of PreferNoSchedule taints the pod does not tolerate. */
  score(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): number {
    if (nodeInfo.taints.length === 0) return 0;
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    let n = 0;
    for (const t of nodeInfo.taints) {
      if (t.effect !== 'PreferNoSchedule') continue;
      if (!tolerationsTolerateTaint(s?.tolerationsPreferNoSchedule, t)) n++;
    }
    return n;
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, _nodes: readonly NodeInfo[], scores: Float64Array): void {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      {
        event: { resource: 'Node', actions: ['Add', 'UpdateNodeTaint'] },
        hint: (pod: IPod, _old, newObj) => {
          const node = newObj as INode | undefined;
          const bad = findMatchingUntoleratedTaint(node?.spec?.taints, pod.spec?.tolerations, doNotScheduleTaint);
          return bad ? 'QueueSkip' : 'Queue';
        },
      },
      { event: { resource: 'UnscheduledPod', actions: ['UpdatePodTolerations'] } },
    ];
  }
}

new TaintToleration() satisfies FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions;
