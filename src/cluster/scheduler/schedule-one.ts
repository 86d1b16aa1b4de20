/**
 * One scheduling cycle, as kube-scheduler's schedulingCycle/schedulePod (k/k pkg/scheduler/
 * schedule_one.go), over a Snapshot and without side effects:
 *
 *  1. PreFilter (may reject the pod outright, or narrow the candidate nodes);
 *  2. the nominated node (status.nominatedNodeName) first, when it still fits;
 *  3. Filter over the nodes in a rotating start order, stopping once numFeasibleNodesToFind nodes fit;
 *  4. one feasible node: chosen without scoring; several: PreScore, Score, NormalizeScore, weights;
 *  5. the top total wins, ties broken by reservoir sampling on the seeded Rng;
 *  6. nothing feasible: the FitError and PostFilter (DefaultPreemption), whose message is appended.
 *
 * The caller (the scheduler loop) assumes the pod in the SchedulerCache, posts the Binding and writes
 * events and conditions; scheduleOne only decides and explains.
 */
import type { IBinding } from 'kubernetes-models/v1/Binding';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { Rng } from '../sim/rng.ts';
import { CycleState } from './framework/cycle-state.ts';
import type { DecisionRecord } from './framework/decision-record.ts';
import { fitErrorMessage, type Diagnosis } from './framework/fit-error.ts';
import type { Framework, PodNominator } from './framework/framework.ts';
import type { PostFilterResult } from './framework/interfaces.ts';
import type { NodeInfo } from './framework/node-info.ts';
import { NodeToStatus } from './framework/node-to-status.ts';
import { PodInfo } from './framework/pod-info.ts';
import type { Snapshot } from './framework/snapshot.ts';
import { newStatus, statusMessage } from './framework/status.ts';

/** minFeasibleNodesToFind: below this many nodes every node is evaluated. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** minFeasibleNodesPercentageToFind. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * numFeasibleNodesToFind: how many feasible nodes are enough. Fewer than 100 nodes: all. Otherwise
 * percentage (adaptive when 0: 50 - nodes/125, at least 5) of the nodes, at least 100.
 * 500 nodes -> 230, 5,000 -> 500.
 */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentageOfNodesToScore;
  if (pct <= 0) {
    pct = 50 - Math.trunc(numAllNodes / 125);
    if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  if (pct >= 100) return numAllNodes;
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

export interface ScheduleOptions {
  /** Pods nominated to nodes (the queue); considered when filtering. */
  readonly nominator?: PodNominator;
  /** Attempt number, for the record. */
  readonly attempt?: number;
  /** Virtual time, for the record. */
  readonly now?: number;
}

export interface ScheduleResult {
  /** `Scheduled`: bind to nodeName. `Unschedulable`: see fitError. `Error`: see record.error. */
  readonly outcome: 'Scheduled' | 'Unschedulable' | 'Error';
  readonly nodeName: string | null;
  /** The Binding DefaultBinder produced (Scheduled only). */
  readonly binding: IBinding | null;
  /** FailedScheduling message (Unschedulable only). */
  readonly message: string | null;
  readonly diagnosis: Diagnosis | null;
  /** Preemption's outcome: nominate, evict victims, clear lower-priority nominations. */
  readonly postFilter: PostFilterResult | null;
  readonly podInfo: PodInfo;
  readonly state: CycleState;
  readonly record: DecisionRecord;
}

/** Runs one scheduling cycle for `pod`. Reads the snapshot, never mutates it or the pod. */
export function scheduleOne(
  pod: IPod | PodInfo,
  snapshot: Snapshot,
  fw: Framework,
  rng: Rng,
  opts: ScheduleOptions = {},
): ScheduleResult {
  const pi = pod instanceof PodInfo ? pod : new PodInfo(pod);
  const state = new CycleState(snapshot);
  const allNodes = snapshot.nodeInfoList;
  const record: DecisionRecord = {
    pod: pi.key,
    uid: pi.uid,
    attempt: opts.attempt ?? 1,
    time: opts.now ?? 0,
    schedulerName: fw.schedulerName,
    numAllNodes: allNodes.length,
    numNodesToFind: 0,
    startIndex: 0,
    evaluatedNodes: 0,
    preFilter: null,
    preFilterNodeNames: null,
    skippedFilterPlugins: [],
    skippedScorePlugins: [],
    rejected: [],
    feasible: [],
    scores: [],
    totals: null,
    chosen: null,
    tiedNodes: [],
    topScore: null,
    fitError: null,
    preemption: null,
    error: null,
  };
  const diagnosis: Diagnosis = { nodeToStatus: new NodeToStatus(), unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
  const result = (over: Partial<ScheduleResult>): ScheduleResult => ({
    outcome: 'Error',
    nodeName: null,
    binding: null,
    message: null,
    diagnosis: null,
    postFilter: null,
    podInfo: pi,
    state,
    record,
    ...over,
  });

  if (allNodes.length === 0) {
    record.error = 'no nodes available to schedule pods';
    return unschedulable(pi, state, fw, rng, opts, diagnosis, record, 0, result);
  }

  // 1. PreFilter.
  const pre = fw.runPreFilterPlugins(state, pi);
  record.skippedFilterPlugins = [...state.skipFilterPlugins];
  if (pre.status !== null) {
    if (pre.status.code === 'Error') {
      record.error = statusMessage(pre.status);
      return result({ outcome: 'Error' });
    }
    for (const p of pre.pluginsWithNodes) diagnosis.unschedulablePlugins.add(p);
    diagnosis.unschedulablePlugins.add(pre.plugin);
    diagnosis.nodeToStatus.absent = { plugin: pre.plugin, status: pre.status };
    diagnosis.preFilterMsg = statusMessage(pre.status);
    record.preFilter = { plugin: pre.plugin, code: pre.status.code, message: diagnosis.preFilterMsg };
    return unschedulable(pi, state, fw, rng, opts, diagnosis, record, allNodes.length, result);
  }

  // 2. The nominated node first.
  const feasible: NodeInfo[] = [];
  const nominatedName = pi.pod.status?.nominatedNodeName;
  if (nominatedName) {
    const ni = snapshot.get(nominatedName);
    if (ni && (pre.nodeNames === null || pre.nodeNames.has(nominatedName))) {
      const st = fw.runFilterPluginsWithNominatedPods(state, pi, ni, opts.nominator);
      if (st === null) feasible.push(ni);
    }
  }

  if (feasible.length === 0) {
    // 3. Filter in rotating order.
    let nodes = allNodes;
    if (pre.nodeNames !== null) {
      nodes = allNodes.filter((n) => pre.nodeNames!.has(n.name));
      record.preFilterNodeNames = [...pre.nodeNames];
      diagnosis.nodeToStatus.absent = {
        plugin: pre.pluginsWithNodes.join(','),
        status: newStatus('UnschedulableAndUnresolvable', `node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`),
      };
      for (const p of pre.pluginsWithNodes) diagnosis.unschedulablePlugins.add(p);
    }
    const n = nodes.length;
    const numToFind = fw.filterPlugins.length === 0 ? n : numFeasibleNodesToFind(fw.percentageOfNodesToScore, n);
    record.numNodesToFind = numToFind;
    const start = n === 0 ? 0 : fw.nextStartNodeIndex % n;
    record.startIndex = start;
    let evaluated = 0;
    const nominator = opts.nominator;
    for (let i = 0; i < n && feasible.length < numToFind; i++) {
      const ni = nodes[(start + i) % n]!;
      evaluated++;
      const st = nominator ? fw.runFilterPluginsWithNominatedPods(state, pi, ni, nominator) : fw.runFilterPlugins(state, pi, ni);
      if (st === null) {
        feasible.push(ni);
      } else {
        if (st.status.code === 'Error') {
          record.error = `running filter plugin "${st.plugin}": ${statusMessage(st.status)}`;
          return result({ outcome: 'Error' });
        }
        diagnosis.nodeToStatus.set(ni.name, st);
        diagnosis.unschedulablePlugins.add(st.plugin);
        record.rejected.push({ node: ni.name, plugin: st.plugin, code: st.status.code, reasons: st.status.reasons });
      }
    }
    record.evaluatedNodes = evaluated;
    const processed = feasible.length + diagnosis.nodeToStatus.size;
    fw.nextStartNodeIndex = (fw.nextStartNodeIndex + processed) % allNodes.length;
  } else {
    record.evaluatedNodes = 1;
  }

  for (const f of feasible) record.feasible.push(f.name);
  if (feasible.length === 0) return unschedulable(pi, state, fw, rng, opts, diagnosis, record, allNodes.length, result);

  // 4-5. Score and pick.
  let chosen: NodeInfo;
  if (feasible.length === 1) {
    chosen = feasible[0]!;
    record.tiedNodes = [chosen.name];
  } else {
    const pre2 = fw.runPreScorePlugins(state, pi, feasible);
    record.skippedScorePlugins = [...state.skipScorePlugins];
    if (pre2 !== null) {
      record.error = `running PreScore plugin "${pre2.plugin}": ${statusMessage(pre2.status)}`;
      return result({ outcome: 'Error' });
    }
    const scored = fw.runScorePlugins(state, pi, feasible);
    record.scores = scored.plugins;
    record.totals = scored.totals;
    if (scored.error) {
      record.error = statusMessage(scored.error.status);
      return result({ outcome: 'Error' });
    }
    const pick = selectHost(scored.totals, rng);
    chosen = feasible[pick.index]!;
    record.topScore = pick.top;
    record.tiedNodes = pick.tied.map((i) => feasible[i]!.name);
  }
  record.chosen = chosen.name;
  const bound = fw.runBindPlugins(state, pi, chosen.name);
  return result({ outcome: 'Scheduled', nodeName: chosen.name, binding: bound.binding ?? null });
}

/**
 * selectHost: the highest total wins; among equal totals each is equally likely (reservoir sampling:
 * the k-th tied node replaces the pick with probability 1/k).
 */
export function selectHost(totals: Float64Array, rng: Rng): { index: number; top: number; tied: number[] } {
  let best = 0;
  let top = totals[0]!;
  let count = 1;
  for (let i = 1; i < totals.length; i++) {
    const t = totals[i]!;
    if (t > top) {
      top = t;
      best = i;
      count = 1;
    } else if (t === top) {
      count++;
      if (rng.int(count) === 0) best = i;
    }
  }
  const tied: number[] = [];
  for (let i = 0; i < totals.length; i++) if (totals[i] === top) tied.push(i);
  return { index: best, top, tied };
}

function unschedulable(
  pi: PodInfo,
  state: CycleState,
  fw: Framework,
  rng: Rng,
  opts: ScheduleOptions,
  diagnosis: Diagnosis,
  record: DecisionRecord,
  numAllNodes: number,
  result: (over: Partial<ScheduleResult>) => ScheduleResult,
): ScheduleResult {
  let postFilter: PostFilterResult | null = null;
  if (fw.postFilterPlugins.length > 0 && numAllNodes > 0) {
    const pf = fw.runPostFilterPlugins(state, pi, diagnosis.nodeToStatus, opts.nominator, rng);
    diagnosis.postFilterMsg = statusMessage(pf.status);
    postFilter = pf.result ?? null;
    record.preemption = pf.result?.record ?? null;
  }
  const message = numAllNodes === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(numAllNodes, diagnosis);
  record.fitError = message;
  return result({ outcome: 'Unschedulable', message, diagnosis, postFilter });
}
