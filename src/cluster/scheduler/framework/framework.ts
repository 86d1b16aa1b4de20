/**
 * Framework: one scheduling profile's plugins, run extension point by extension point
 * (framework/runtime/framework.go). Plugins are listed once, in the default profile's order; each is
 * registered at every extension point it implements. Filter plugins run in that order and the first
 * rejection names the node's reason, so a tainted node short of cpu reports only the taint.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IBinding } from 'kubernetes-models/v1/Binding';
import type { Rng } from '../../sim/rng.ts';
import type { CycleState } from './cycle-state.ts';
import type {
  BindPlugin,
  EnqueueExtensions,
  FilterPlugin,
  PermitPlugin,
  Plugin,
  PostFilterPlugin,
  PostFilterResult,
  PreBindPlugin,
  PreEnqueuePlugin,
  PreFilterPlugin,
  PreScorePlugin,
  QueuedPodInfo,
  QueueSortPlugin,
  ReservePlugin,
  ScorePlugin,
} from './interfaces.ts';
import { MAX_NODE_SCORE } from './interfaces.ts';
import type { NodeInfo } from './node-info.ts';
import type { NodeToStatus, PluginStatus } from './node-to-status.ts';
import type { PodInfo } from './pod-info.ts';
import { isRejected, isSkip, isSuccess, newStatus, type MaybeStatus, type Status } from './status.ts';

/** Gives the pods nominated to a node (status.nominatedNodeName), for filtering with nominated pods. */
export interface PodNominator {
  nominatedPodsForNode(nodeName: string): readonly PodInfo[];
}

export interface FrameworkOptions {
  /** Profile name, `default-scheduler` unless configured. */
  readonly schedulerName?: string;
  /** Score weight per plugin name; plugins not listed weigh 1. */
  readonly weights?: Readonly<Record<string, number>>;
  /** percentageOfNodesToScore: 0 (the default) means adaptive. */
  readonly percentageOfNodesToScore?: number;
}

export interface PreFilterOutcome {
  /** Nodes to consider when a PreFilter narrowed them; null means all. */
  readonly nodeNames: ReadonlySet<string> | null;
  readonly status: MaybeStatus;
  /** Plugin that rejected the pod, or '' */
  readonly plugin: string;
  /** Plugins that returned node-name results (for the "didn't satisfy plugin(s)" status). */
  readonly pluginsWithNodes: readonly string[];
}

/** Per score plugin: raw and normalized scores, parallel to the scored nodes. */
export interface PluginScores {
  readonly plugin: string;
  readonly weight: number;
  readonly raw: Float64Array;
  readonly normalized: Float64Array;
}

export class Framework {
  readonly schedulerName: string;
  readonly percentageOfNodesToScore: number;
  readonly plugins: readonly Plugin[];
  readonly preEnqueuePlugins: PreEnqueuePlugin[] = [];
  readonly queueSortPlugin: QueueSortPlugin | undefined;
  readonly preFilterPlugins: PreFilterPlugin[] = [];
  readonly filterPlugins: FilterPlugin[] = [];
  readonly postFilterPlugins: PostFilterPlugin[] = [];
  readonly preScorePlugins: PreScorePlugin[] = [];
  readonly scorePlugins: ScorePlugin[] = [];
  readonly reservePlugins: ReservePlugin[] = [];
  readonly permitPlugins: PermitPlugin[] = [];
  readonly preBindPlugins: PreBindPlugin[] = [];
  readonly bindPlugins: BindPlugin[] = [];
  readonly enqueueExtensions: EnqueueExtensions[] = [];
  readonly weights: ReadonlyMap<string, number>;
  /** Where the next cycle starts filtering (rotates so every node gets its turn). */
  nextStartNodeIndex = 0;

  constructor(plugins: readonly Plugin[], opts: FrameworkOptions = {}) {
    this.schedulerName = opts.schedulerName ?? 'default-scheduler';
    this.percentageOfNodesToScore = opts.percentageOfNodesToScore ?? 0;
    this.plugins = plugins;
    const w = new Map<string, number>();
    let sort: QueueSortPlugin | undefined;
    for (const p of plugins) {
      const a = p as unknown as Record<string, unknown>;
      if (typeof a['preEnqueue'] === 'function') this.preEnqueuePlugins.push(p as PreEnqueuePlugin);
      if (typeof a['less'] === 'function') sort ??= p as QueueSortPlugin;
      if (typeof a['preFilter'] === 'function') this.preFilterPlugins.push(p as PreFilterPlugin);
      if (typeof a['filter'] === 'function') this.filterPlugins.push(p as FilterPlugin);
      if (typeof a['postFilter'] === 'function') this.postFilterPlugins.push(p as PostFilterPlugin);
      if (typeof a['preScore'] === 'function') this.preScorePlugins.push(p as PreScorePlugin);
      if (typeof a['score'] === 'function') {
        this.scorePlugins.push(p as ScorePlugin);
        w.set(p.name, opts.weights?.[p.name] ?? 1);
      }
      if (typeof a['reserve'] === 'function') this.reservePlugins.push(p as ReservePlugin);
      if (typeof a['permit'] === 'function') this.permitPlugins.push(p as PermitPlugin);
      if (typeof a['preBind'] === 'function') this.preBindPlugins.push(p as PreBindPlugin);
      if (typeof a['bind'] === 'function') this.bindPlugins.push(p as BindPlugin);
      if (typeof a['eventsToRegister'] === 'function') this.enqueueExtensions.push(p as EnqueueExtensions);
    }
    this.queueSortPlugin = sort;
    this.weights = w;
  }

  plugin<T extends Plugin>(name: string): T | undefined {
    return this.plugins.find((p) => p.name === name) as T | undefined;
  }

  /** PreEnqueue: the first plugin that keeps the pod out of activeQ, or null. */
  runPreEnqueuePlugins(pod: IPod): PluginStatus | null {
    for (const p of this.preEnqueuePlugins) {
      const s = p.preEnqueue(pod);
      if (!isSuccess(s)) return { plugin: p.name, status: s! };
    }
    return null;
  }

  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
    if (this.queueSortPlugin) return this.queueSortPlugin.less(a, b);
    return a.timestamp < b.timestamp;
  }

  runPreFilterPlugins(state: CycleState, pod: PodInfo): PreFilterOutcome {
    let nodeNames: Set<string> | null = null;
    const pluginsWithNodes: string[] = [];
    for (const p of this.preFilterPlugins) {
      const { result, status } = p.preFilter(state, pod);
      if (isSkip(status)) {
        state.skipFilterPlugins.add(p.name);
        state.activeFilters = null;
        continue;
      }
      if (!isSuccess(status)) {
        const s = isRejected(status) ? status! : newStatus('Error', ...status!.reasons);
        return { nodeNames: null, status: s, plugin: p.name, pluginsWithNodes };
      }
      if (result?.nodeNames) {
        pluginsWithNodes.push(p.name);
        if (nodeNames === null) nodeNames = new Set(result.nodeNames);
        else for (const n of [...nodeNames]) if (!result.nodeNames.has(n)) nodeNames.delete(n);
        if (nodeNames.size === 0) {
          const msg =
            pluginsWithNodes.length === 1
              ? `node(s) didn't satisfy plugin ${pluginsWithNodes[0]}`
              : `node(s) didn't satisfy plugin(s) [${pluginsWithNodes.join(' ')}] simultaneously`;
          return { nodeNames, status: newStatus('UnschedulableAndUnresolvable', msg), plugin: p.name, pluginsWithNodes };
        }
      }
    }
    return { nodeNames, status: null, plugin: '', pluginsWithNodes };
  }

  /** Runs Filter plugins in order; the first rejection (with its plugin) or null when the node fits. */
  runFilterPlugins(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): PluginStatus | null {
    // The list without PreFilter-skipped plugins is built once per cycle, not per node.
    let plugins = state.activeFilters as FilterPlugin[] | null;
    if (plugins === null) {
      const skip = state.skipFilterPlugins;
      plugins = this.filterPlugins.filter((p) => !skip.has(p.name));
      state.activeFilters = plugins;
    }
    for (let i = 0; i < plugins.length; i++) {
      const p = plugins[i]!;
      const s = p.filter(state, pod, nodeInfo);
      if (s !== null && s.code !== 'Success') {
        return { plugin: p.name, status: isRejected(s) ? s : newStatus('Error', ...s.reasons) };
      }
    }
    return null;
  }

  /**
   * RunFilterPluginsWithNominatedPods: when pods of equal or higher priority are nominated to this node,
   * the node must fit the pod both with them (first pass) and without them (second pass), so a
   * preemptor's freed space is not taken by others and pod affinity to nominated pods is not assumed.
   */
  runFilterPluginsWithNominatedPods(
    state: CycleState,
    pod: PodInfo,
    nodeInfo: NodeInfo,
    nominator: PodNominator | undefined,
  ): PluginStatus | null {
    const nominated = nominator?.nominatedPodsForNode(nodeInfo.name);
    if (!nominated || nominated.length === 0) return this.runFilterPlugins(state, pod, nodeInfo);
    let added: { state: CycleState; nodeInfo: NodeInfo } | null = null;
    for (const np of nominated) {
      if (np.uid === pod.uid || np.priority < pod.priority) continue;
      if (added === null) added = { state: state.clone(), nodeInfo: nodeInfo.clone() };
      added.nodeInfo.addPod(np);
      const s = this.runPreFilterExtensionAddPod(added.state, pod, np, added.nodeInfo);
      if (!isSuccess(s)) return { plugin: '', status: s! };
    }
    if (added === null) return this.runFilterPlugins(state, pod, nodeInfo);
    const first = this.runFilterPlugins(added.state, pod, added.nodeInfo);
    if (first !== null) return first;
    return this.runFilterPlugins(state, pod, nodeInfo);
  }

  runPreFilterExtensionAddPod(state: CycleState, pod: PodInfo, toAdd: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    for (const p of this.preFilterPlugins) {
      if (!p.preFilterExtensions || state.skipFilterPlugins.has(p.name)) continue;
      const s = p.preFilterExtensions.addPod(state, pod, toAdd, nodeInfo);
      if (!isSuccess(s)) return s;
    }
    return null;
  }

  runPreFilterExtensionRemovePod(state: CycleState, pod: PodInfo, toRemove: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    for (const p of this.preFilterPlugins) {
      if (!p.preFilterExtensions || state.skipFilterPlugins.has(p.name)) continue;
      const s = p.preFilterExtensions.removePod(state, pod, toRemove, nodeInfo);
      if (!isSuccess(s)) return s;
    }
    return null;
  }

  /** PostFilter plugins in order; the first success wins (RunPostFilterPlugins). */
  runPostFilterPlugins(
    state: CycleState,
    pod: PodInfo,
    filtered: NodeToStatus,
    nominator: PodNominator | undefined,
    rng: Rng,
  ): { result?: PostFilterResult; status: Status; plugin: string } {
    const reasons: string[] = [];
    let result: PostFilterResult | undefined;
    let rejector = '';
    for (const p of this.postFilterPlugins) {
      const r = p.postFilter(state, pod, filtered, { fw: this, nominator, rng });
      if (r.status.code === 'Success') return { result: r.result, status: r.status, plugin: p.name };
      if (r.status.code === 'UnschedulableAndUnresolvable') return { result: r.result, status: r.status, plugin: p.name };
      if (!isRejected(r.status)) return { status: newStatus('Error', ...r.status.reasons), plugin: p.name };
      if (r.result) result = r.result;
      reasons.push(...r.status.reasons);
      if (rejector === '') rejector = p.name;
    }
    return { result, status: newStatus('Unschedulable', ...reasons), plugin: rejector };
  }

  runPreScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PluginStatus | null {
    for (const p of this.preScorePlugins) {
      const s = p.preScore(state, pod, nodes);
      if (isSkip(s)) {
        state.skipScorePlugins.add(p.name);
        continue;
      }
      if (!isSuccess(s)) return { plugin: p.name, status: s! };
    }
    return null;
  }

  /**
   * Score, NormalizeScore and weighting. Returns every plugin's raw and normalized scores and the
   * weighted totals, all parallel to `nodes`.
   */
  runScorePlugins(
    state: CycleState,
    pod: PodInfo,
    nodes: readonly NodeInfo[],
  ): { plugins: PluginScores[]; totals: Float64Array; error?: PluginStatus } {
    const totals = new Float64Array(nodes.length);
    const out: PluginScores[] = [];
    for (const p of this.scorePlugins) {
      if (state.skipScorePlugins.has(p.name)) continue;
      const raw = new Float64Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) raw[i] = p.score(state, pod, nodes[i]!);
      const normalized = raw.slice();
      if (p.normalizeScore) p.normalizeScore(state, pod, nodes, normalized);
      const weight = this.weights.get(p.name) ?? 1;
      for (let i = 0; i < nodes.length; i++) {
        const v = normalized[i]!;
        if (v > MAX_NODE_SCORE || v < 0) {
          const msg = `plugin "${p.name}" returns an invalid score ${v}, it should in the range of [0, ${MAX_NODE_SCORE}] after normalizing`;
          return { plugins: out, totals, error: { plugin: p.name, status: newStatus('Error', msg) } };
        }
        totals[i] = totals[i]! + v * weight;
      }
      out.push({ plugin: p.name, weight, raw, normalized });
    }
    return { plugins: out, totals };
  }

  runReservePluginsReserve(state: CycleState, pod: PodInfo, nodeName: string): PluginStatus | null {
    for (const p of this.reservePlugins) {
      const s = p.reserve(state, pod, nodeName);
      if (!isSuccess(s)) return { plugin: p.name, status: s! };
    }
    return null;
  }

  runReservePluginsUnreserve(state: CycleState, pod: PodInfo, nodeName: string): void {
    // Unreserve runs in reverse order, as upstream.
    for (let i = this.reservePlugins.length - 1; i >= 0; i--) this.reservePlugins[i]!.unreserve(state, pod, nodeName);
  }

  runPermitPlugins(state: CycleState, pod: PodInfo, nodeName: string): PluginStatus | null {
    for (const p of this.permitPlugins) {
      const { status } = p.permit(state, pod, nodeName);
      if (!isSuccess(status)) return { plugin: p.name, status: status! };
    }
    return null;
  }

  runPreBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): PluginStatus | null {
    for (const p of this.preBindPlugins) {
      const s = p.preBind(state, pod, nodeName);
      if (!isSuccess(s)) return { plugin: p.name, status: s! };
    }
    return null;
  }

  /** The first bind plugin that does not Skip produces the Binding. */
  runBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): { binding?: IBinding; status: PluginStatus | null } {
    for (const p of this.bindPlugins) {
      const r = p.bind(state, pod, nodeName);
      if (isSkip(r.status)) continue;
      if (!isSuccess(r.status)) return { status: { plugin: p.name, status: r.status! } };
      return { binding: r.binding, status: null };
    }
    return { status: { plugin: '', status: newStatus('Error', 'no bind plugin bound the pod') } };
  }
}
