/**
 * The preemption evaluator (framework/preemption Evaluator.Preempt), minus the API calls: it decides
 * the node to nominate and the victims; the caller marks victims with the DisruptionTarget condition,
 * deletes them, and sets the preemptor's status.nominatedNodeName.
 *
 *  1. Eligibility: preemptionPolicy Never, or victims of an earlier preemption still terminating on the
 *     nominated node, stop here (`not eligible due to ...`).
 *  2. Potential nodes: those a filter rejected with plain Unschedulable (UnschedulableAndUnresolvable
 *     means removing pods cannot help).
 *  3. Dry run from a random offset over them, until enough candidates are found
 *     (max(10% of potential nodes, 100), with at least one not violating a PDB).
 *  4. No candidate: a FitError over all nodes, where nodes not dry-run say
 *     `Preemption is not helpful for scheduling`.
 *  5. Otherwise the least harmful candidate (pickOneNodeForPreemption).
 */
import type { CycleState } from '../framework/cycle-state.ts';
import type { NodeFilterRecord, PreemptionCandidateRecord, PreemptionRecord } from '../framework/decision-record.ts';
import { fitErrorMessage } from '../framework/fit-error.ts';
import type { PostFilterContext, PostFilterResult } from '../framework/interfaces.ts';
import { NodeToStatus } from '../framework/node-to-status.ts';
import type { PluginContext } from '../framework/plugin-context.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { newStatus, type Status } from '../framework/status.ts';
import { pickOneNodeForPreemption, type Candidate } from './pick-one-node.ts';
import { selectVictimsOnNode } from './select-victims.ts';

export const NOT_HELPFUL_REASON = 'Preemption is not helpful for scheduling';
export const POLICY_NEVER_MESSAGE = 'not eligible due to preemptionPolicy=Never.';
export const TERMINATING_ON_NOMINATED_MESSAGE = 'not eligible due to a terminating pod on the nominated node.';

/** DefaultPreemptionArgs defaults. */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

export function calculateNumCandidates(numNodes: number): number {
  let n = Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
  if (n < MIN_CANDIDATE_NODES_ABSOLUTE) n = MIN_CANDIDATE_NODES_ABSOLUTE;
  return Math.min(n, numNodes);
}

/** Whether a pod is terminating because the scheduler preempted it. */
export function podTerminatingByPreemption(p: PodInfo): boolean {
  if (!p.terminating) return false;
  const c = p.pod.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
  return c?.status === 'True' && c.reason === 'PreemptionByScheduler';
}

export interface PreemptOutcome {
  readonly result?: PostFilterResult;
  readonly status: Status;
}

export function preempt(
  state: CycleState,
  pod: PodInfo,
  filtered: NodeToStatus,
  pctx: PostFilterContext,
  ctx: Pick<PluginContext, 'listPDBs' | 'now'>,
): PreemptOutcome {
  const { fw, nominator, rng } = pctx;
  const now = ctx.now();
  const snapshot = state.snapshot;
  const record = (over: Partial<PreemptionRecord> & { message: string }): PreemptionRecord => ({
    ineligible: '',
    potentialNodes: 0,
    candidates: [],
    rejected: [],
    ...over,
  });

  // 1. Eligibility.
  const ineligible = eligibility(pod, filtered, state);
  if (ineligible) {
    return { status: newStatus('Unschedulable', ineligible), result: { record: record({ ineligible, message: ineligible }) } };
  }

  // 2. Potential nodes.
  const all = snapshot.nodeInfoList;
  const potential = all.filter((n) => filtered.get(n.name)?.status.code === 'Unschedulable');
  const dryRunStatuses = new NodeToStatus();
  dryRunStatuses.absent = { plugin: '', status: newStatus('UnschedulableAndUnresolvable', NOT_HELPFUL_REASON) };
  const rejected: NodeFilterRecord[] = [];
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  const violatingByNode = new Map<string, ReadonlySet<string>>();

  if (potential.length > 0) {
    // 3. Dry run.
    const pdbs = ctx.listPDBs();
    const offset = rng.int(potential.length);
    const wanted = calculateNumCandidates(potential.length);
    for (let i = 0; i < potential.length; i++) {
      const ni = potential[(offset + i) % potential.length]!;
      const sel = selectVictimsOnNode(fw, state.clone(), pod, ni.clone(), pdbs, nominator, now);
      if (sel.failure === null && sel.victims.length > 0) {
        const c: Candidate = { node: ni.name, victims: sel.victims, numPDBViolations: sel.numPDBViolations };
        (sel.numPDBViolations === 0 ? nonViolating : violating).push(c);
        violatingByNode.set(ni.name, sel.violatingUids);
        if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
        continue;
      }
      const failure = sel.failure ?? { plugin: '', status: newStatus('Error', `expected at least one victim pod on node "${ni.name}"`) };
      dryRunStatuses.set(ni.name, failure);
      rejected.push({ node: ni.name, plugin: failure.plugin, code: failure.status.code, reasons: failure.status.reasons });
    }
  }
  const candidates = [...nonViolating, ...violating];
  const candidateRecords: PreemptionCandidateRecord[] = candidates.map((c) => ({
    node: c.node,
    numPDBViolations: c.numPDBViolations,
    victims: c.victims.map((v) => ({
      pod: v.key,
      uid: v.uid,
      priority: v.priority,
      violatesPDB: violatingByNode.get(c.node)?.has(v.uid) ?? false,
    })),
  }));

  // 4. No candidate.
  if (candidates.length === 0) {
    const message = fitErrorMessage(all.length, { nodeToStatus: dryRunStatuses, unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' });
    return {
      status: newStatus('Unschedulable', message),
      result: { nominatedNodeName: '', record: record({ potentialNodes: potential.length, rejected, message }) },
    };
  }

  // 5. Best candidate.
  const pick = pickOneNodeForPreemption(candidates, now)!;
  const chosen = pick.candidate;
  const clearNominationOf = (nominator?.nominatedPodsForNode(chosen.node) ?? []).filter((p) => p.priority < pod.priority);
  return {
    status: newStatus('Success'),
    result: {
      nominatedNodeName: chosen.node,
      victims: chosen.victims,
      clearNominationOf,
      record: record({
        potentialNodes: potential.length,
        candidates: candidateRecords,
        rejected,
        chosen: chosen.node,
        chosenBy: pick.criterion,
        message: '',
      }),
    },
  };
}

function eligibility(pod: PodInfo, filtered: NodeToStatus, state: CycleState): string {
  if (pod.pod.spec?.preemptionPolicy === 'Never') return POLICY_NEVER_MESSAGE;
  const nominated = pod.pod.status?.nominatedNodeName;
  if (nominated) {
    // A nominated node that can no longer work at all: look for another.
    if (filtered.get(nominated)?.status.code === 'UnschedulableAndUnresolvable') return '';
    const ni = state.snapshot.get(nominated);
    if (ni) {
      for (const p of ni.pods) {
        if (p.priority < pod.priority && podTerminatingByPreemption(p)) return TERMINATING_ON_NOMINATED_MESSAGE;
      }
    }
  }
  return '';
}
