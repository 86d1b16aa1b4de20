/**
 * PodDisruptionBudgets in preemption (defaultpreemption filterPodsWithPDBViolation): walking the
 * candidates in the given order, each pod matched by a PDB (same namespace, non-empty selector, not
 * already in status.disruptedPods) uses one of that PDB's status.disruptionsAllowed; a pod that drives
 * any budget below zero "violates" it. The split is stable.
 */
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { compileLabelSelector } from '../framework/label-matcher.ts';
import type { PodInfo } from '../framework/pod-info.ts';

export function filterPodsWithPDBViolation(
  pods: readonly PodInfo[],
  pdbs: readonly IPodDisruptionBudget[],
): { violating: PodInfo[]; nonViolating: PodInfo[] } {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const selectors = pdbs.map((p) => compileLabelSelector(p.spec?.selector));
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const pod of pods) {
    let violated = false;
    if (Object.keys(pod.labels).length > 0) {
      for (let i = 0; i < pdbs.length; i++) {
        const pdb = pdbs[i]!;
        if ((pdb.metadata?.namespace ?? 'default') !== pod.namespace) continue;
        const sel = selectors[i]!;
        // A nil or empty selector matches nothing here.
        if (sel.everything || sel.nothing || !sel.matches(pod.labels)) continue;
        if (pdb.status?.disruptedPods && pod.name in pdb.status.disruptedPods) continue;
        allowed[i]!--;
        if (allowed[i]! < 0) violated = true;
      }
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}
