/**
 * SelectVictimsOnNode (defaultpreemption): the smallest set of lower-priority pods whose removal lets
 * the preemptor fit on one node.
 *
 *  1. Remove every pod with lower priority than the preemptor; if none, the node is no candidate
 *     (`No preemption victims found for incoming pod`). If the preemptor still does not fit, the
 *     filter's own status is the node's answer.
 *  2. Reprieve as many as possible, most important first, PDB-violating pods before the others: add a
 *     pod back; if the preemptor no longer fits, it is a victim after all.
 *
 * Works on a cloned NodeInfo and CycleState; never touches the snapshot.
 */
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { CycleState } from '../framework/cycle-state.ts';
import type { Framework, PodNominator } from '../framework/framework.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PluginStatus } from '../framework/node-to-status.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { newStatus } from '../framework/status.ts';
import { sortByImportance, moreImportantPod } from './importance.ts';
import { filterPodsWithPDBViolation } from './pdb.ts';

export const NO_VICTIMS_REASON = 'No preemption victims found for incoming pod';

export interface VictimSelection {
  readonly victims: PodInfo[];
  readonly numPDBViolations: number;
  /** Why the node is no candidate (null when victims were found). */
  readonly failure: PluginStatus | null;
  /** Victims that violate a PDB (uids). */
  readonly violatingUids: ReadonlySet<string>;
}

export function selectVictimsOnNode(
  fw: Framework,
  state: CycleState,
  pod: PodInfo,
  nodeInfo: NodeInfo,
  pdbs: readonly IPodDisruptionBudget[],
  nominator: PodNominator | undefined,
  now: number,
): VictimSelection {
  const potential = nodeInfo.pods.filter((p) => p.priority < pod.priority);
  const remove = (p: PodInfo): void => {
    nodeInfo.removePod(p.uid);
    fw.runPreFilterExtensionRemovePod(state, pod, p, nodeInfo);
  };
  const add = (p: PodInfo): void => {
    nodeInfo.addPod(p);
    fw.runPreFilterExtensionAddPod(state, pod, p, nodeInfo);
  };
  for (const p of potential) remove(p);
  if (potential.length === 0) {
    return {
      victims: [],
      numPDBViolations: 0,
      failure: { plugin: '', status: newStatus('UnschedulableAndUnresolvable', NO_VICTIMS_REASON) },
      violatingUids: new Set(),
    };
  }
  const fits = fw.runFilterPluginsWithNominatedPods(state, pod, nodeInfo, nominator);
  if (fits !== null) return { victims: [], numPDBViolations: 0, failure: fits, violatingUids: new Set() };

  sortByImportance(potential, now);
  const { violating, nonViolating } = filterPodsWithPDBViolation(potential, pdbs);
  const victims: PodInfo[] = [];
  const reprieve = (p: PodInfo): boolean => {
    add(p);
    const ok = fw.runFilterPluginsWithNominatedPods(state, pod, nodeInfo, nominator) === null;
    if (!ok) {
      remove(p);
      victims.push(p);
    }
    return ok;
  };
  let numViolating = 0;
  const violatingUids = new Set<string>();
  for (const p of violating) {
    if (!reprieve(p)) {
      numViolating++;
      violatingUids.add(p.uid);
    }
  }
  for (const p of nonViolating) reprieve(p);
  if (violating.length > 0 && nonViolating.length > 0) {
    victims.sort((a, b) => (moreImportantPod(a, b, now) ? -1 : moreImportantPod(b, a, now) ? 1 : 0));
  }
  return { victims, numPDBViolations: numViolating, failure: null, violatingUids };
}
