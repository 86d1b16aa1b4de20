/**
 * The decision record: everything one scheduling attempt considered, kept so the UI can answer
 * "why here?" and "why Pending?". Plain data (typed arrays for the score columns, which structured
 * clone carries cheaply); nothing here is needed to schedule.
 *
 * Filter results are recorded the way the framework produces them: plugins run in order and the first
 * rejection ends a node's evaluation, so a rejected node has exactly one (plugin, code, reasons), a
 * feasible node passed every plugin, and nodes after the search stopped (numFeasibleNodesToFind) were
 * not evaluated at all.
 */
import type { Code } from './status.ts';

export interface NodeFilterRecord {
  readonly node: string;
  /** The plugin that rejected the node ('' for a status not tied to one plugin). */
  readonly plugin: string;
  readonly code: Code;
  readonly reasons: readonly string[];
}

export interface ScoreRecord {
  readonly plugin: string;
  readonly weight: number;
  /** Raw scores, parallel to DecisionRecord.feasible. */
  readonly raw: Float64Array;
  /** After NormalizeScore (0..100); the weighted score is normalized * weight. */
  readonly normalized: Float64Array;
}

export interface VictimRecord {
  readonly pod: string;
  readonly uid: string;
  readonly priority: number;
  /** Whether evicting it violates a PodDisruptionBudget. */
  readonly violatesPDB: boolean;
}

export interface PreemptionCandidateRecord {
  readonly node: string;
  readonly victims: readonly VictimRecord[];
  readonly numPDBViolations: number;
}

export interface PreemptionRecord {
  /** Why preemption was not attempted (`not eligible due to preemptionPolicy=Never.`), else ''. */
  readonly ineligible: string;
  /** Nodes considered: those where removing pods might help (status Unschedulable). */
  readonly potentialNodes: number;
  readonly candidates: readonly PreemptionCandidateRecord[];
  /** Nodes where no victim set helps, with why (`No preemption victims found for incoming pod`, ...). */
  readonly rejected: readonly NodeFilterRecord[];
  /** The chosen candidate (nominated node), if any. */
  readonly chosen?: string;
  /** Which ranking criterion settled the choice among candidates. */
  readonly chosenBy?: string;
  readonly message: string;
}

export interface DecisionRecord {
  /** `namespace/name`. */
  readonly pod: string;
  readonly uid: string;
  readonly attempt: number;
  /** Virtual time of the attempt (ms). */
  readonly time: number;
  readonly schedulerName: string;
  readonly numAllNodes: number;
  /** numFeasibleNodesToFind for this cycle. */
  numNodesToFind: number;
  /** Index in the node list where filtering started. */
  startIndex: number;
  /** Nodes actually run through Filter. */
  evaluatedNodes: number;
  /** PreFilter's verdict when it rejected the pod. */
  preFilter: { readonly plugin: string; readonly code: Code; readonly message: string } | null;
  /** When PreFilter narrowed the candidates (e.g. DaemonSet pods pinned by name). */
  preFilterNodeNames: readonly string[] | null;
  skippedFilterPlugins: readonly string[];
  skippedScorePlugins: readonly string[];
  /** Rejected nodes, each with the plugin that rejected it. */
  readonly rejected: NodeFilterRecord[];
  /** Nodes that passed every filter, in evaluation order. */
  readonly feasible: string[];
  /** Per score plugin, parallel to `feasible`; empty when one node was feasible (no scoring). */
  scores: readonly ScoreRecord[];
  /** Weighted totals, parallel to `feasible`. */
  totals: Float64Array | null;
  /** The node chosen, if any. */
  chosen: string | null;
  /** Nodes that shared the top score (ties broken by reservoir sampling on the seeded RNG). */
  tiedNodes: readonly string[];
  topScore: number | null;
  /** The FailedScheduling message when unschedulable. */
  fitError: string | null;
  preemption: PreemptionRecord | null;
  /** An internal error, if the attempt failed for one. */
  error: string | null;
}

/** A record's weighted score for one plugin and node index. */
export function weightedScore(s: ScoreRecord, i: number): number {
  return (s.normalized[i] ?? 0) * s.weight;
}
