/**
 * pickOneNodeForPreemption: among candidate nodes, the one whose preemption hurts least, deciding by
 * each criterion in turn and moving on only on a tie:
 *  1. fewest PodDisruptionBudget violations;
 *  2. lowest priority among its highest-priority victim;
 *  3. smallest sum of victim priorities (each offset by 2^31 so negative priorities count right);
 *  4. fewest victims;
 *  5. latest start time of its highest-priority victims (disturb the youngest);
 *  6. the first remaining candidate.
 */
import type { PodInfo } from '../framework/pod-info.ts';
import { earliestStartOfHighestPriority } from './importance.ts';

export interface Candidate {
  readonly node: string;
  /** Victims, most important first. */
  readonly victims: readonly PodInfo[];
  readonly numPDBViolations: number;
}

export const PICK_CRITERIA = [
  'fewest PDB violations',
  'lowest highest-victim priority',
  'smallest sum of victim priorities',
  'fewest victims',
  'latest start time of highest-priority victims',
] as const;

export function pickOneNodeForPreemption(candidates: readonly Candidate[], now: number): { candidate: Candidate; criterion: string } | undefined {
  if (candidates.length === 0) return undefined;
  const scoreFuncs: Array<(c: Candidate) => number> = [
    (c) => -c.numPDBViolations,
    (c) => -(c.victims[0]?.priority ?? 0),
    (c) => -c.victims.reduce((sum, v) => sum + v.priority + 2 ** 31, 0),
    (c) => -c.victims.length,
    (c) => earliestStartOfHighestPriority(c.victims, now) ?? -Infinity,
  ];
  let all = candidates;
  if (all.length === 1) return { candidate: all[0]!, criterion: 'only candidate' };
  for (let k = 0; k < scoreFuncs.length; k++) {
    const f = scoreFuncs[k]!;
    let best = -Infinity;
    let selected: Candidate[] = [];
    for (const c of all) {
      const s = f(c);
      if (s > best) {
        best = s;
        selected = [c];
      } else if (s === best) {
        selected.push(c);
      }
    }
    if (selected.length === 1) return { candidate: selected[0]!, criterion: PICK_CRITERIA[k]! };
    all = selected;
  }
  return { candidate: all[0]!, criterion: 'first of the tied candidates' };
}
