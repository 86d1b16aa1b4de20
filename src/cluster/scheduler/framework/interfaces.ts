/**
 * The extension points, one small interface each (framework/interface.go). A plugin object implements
 * the ones it needs and is checked with `satisfies` where it is defined. Filter and Score run once per
 * node per cycle, so they must not allocate on the success path.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IBinding } from 'kubernetes-models/v1/Binding';
import type { CycleState } from './cycle-state.ts';
import type { ClusterEventWithHint } from './events.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { MaybeStatus, Status } from './status.ts';
import type { NodeToStatus } from './node-to-status.ts';
import type { Framework, PodNominator } from './framework.ts';
import type { Rng } from '../../sim/rng.ts';
import type { PreemptionRecord } from './decision-record.ts';

export interface Plugin {
  readonly name: string;
}

/** Gatekeeper before a pod may enter activeQ (SchedulingGates). */
export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: IPod): MaybeStatus;
}

/** A pod as the queue holds it. */
export interface QueuedPodInfo {
  podInfo: PodInfo;
  /** When it was (re-)added to the queue, virtual ms. */
  timestamp: number;
  /** Scheduling attempts so far. */
  attempts: number;
  /** When it was first added, virtual ms. */
  readonly initialAttemptTimestamp: number;
  /** Plugins that rejected it in its last attempt. */
  unschedulablePlugins: Set<string>;
  /** Gated by a PreEnqueue plugin (e.g. scheduling gates). */
  gated: boolean;
  gatedBy?: string;
  gatedMessage?: string;
}

export interface QueueSortPlugin extends Plugin {
  /** Whether `a` should be scheduled before `b`. */
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
}

/** PreFilterResult: when set, only these nodes are worth filtering. */
export interface PreFilterResult {
  readonly nodeNames: ReadonlySet<string> | null;
}

export interface PreFilterExtensions {
  /** Updates the plugin's pre-computed state as if `toAdd` were on `nodeInfo`. */
  addPod(state: CycleState, podToSchedule: PodInfo, toAdd: PodInfo, nodeInfo: NodeInfo): MaybeStatus;
  removePod(state: CycleState, podToSchedule: PodInfo, toRemove: PodInfo, nodeInfo: NodeInfo): MaybeStatus;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo): { result?: PreFilterResult; status: MaybeStatus };
  readonly preFilterExtensions?: PreFilterExtensions;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): MaybeStatus;
}

export interface PostFilterResult {
  /** Node the pod is nominated to (preemption); '' clears a nomination. */
  readonly nominatedNodeName?: string;
  /** Pods to evict so the pod fits on the nominated node (the caller deletes them). */
  readonly victims?: readonly PodInfo[];
  /** Lower-priority pods nominated to that node, whose nomination must be cleared. */
  readonly clearNominationOf?: readonly PodInfo[];
  /** What preemption considered, for the decision record. */
  readonly record?: PreemptionRecord;
}

/** What a PostFilter plugin may use: the framework (to re-run filters), nominations and the RNG. */
export interface PostFilterContext {
  readonly fw: Framework;
  readonly nominator: PodNominator | undefined;
  readonly rng: Rng;
}

export interface PostFilterPlugin extends Plugin {
  postFilter(
    state: CycleState,
    pod: PodInfo,
    filtered: NodeToStatus,
    ctx: PostFilterContext,
  ): { result?: PostFilterResult; status: Status };
}

export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): MaybeStatus;
}

export interface ScorePlugin extends Plugin {
  /** Raw score for one node; NormalizeScore (if any) then maps raw scores to 0..100. */
  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number;
  /** Rewrites `scores` (parallel to `nodes`) in place to the 0..MaxNodeScore range. */
  normalizeScore?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): void;
}

export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: PodInfo, nodeName: string): MaybeStatus;
  unreserve(state: CycleState, pod: PodInfo, nodeName: string): void;
}

export interface PermitPlugin extends Plugin {
  permit(state: CycleState, pod: PodInfo, nodeName: string): { status: MaybeStatus; timeoutMs?: number };
}

export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: PodInfo, nodeName: string): MaybeStatus;
}

export interface BindPlugin extends Plugin {
  /** Produces the Binding to POST to `pods/binding`; the caller performs the request. */
  bind(state: CycleState, pod: PodInfo, nodeName: string): { binding?: IBinding; status: MaybeStatus };
}

export interface EnqueueExtensions extends Plugin {
  eventsToRegister(): readonly ClusterEventWithHint[];
}

/** MaxNodeScore: every normalized score lies in 0..100. */
export const MAX_NODE_SCORE = 100;
