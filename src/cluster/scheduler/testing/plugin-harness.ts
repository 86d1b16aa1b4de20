/**
 * Helpers for plugin tests: NodeInfos with pods already placed, a CycleState over them, and a way to
 * run a plugin's PreFilter + Filter or PreScore + Score + NormalizeScore the way the framework does.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { CycleState } from '../framework/cycle-state.ts';
import type { FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/interfaces.ts';
import { NodeInfo } from '../framework/node-info.ts';
import { PodInfo } from '../framework/pod-info.ts';
import { Snapshot } from '../framework/snapshot.ts';
import { isSkip, type MaybeStatus } from '../framework/status.ts';

export function nodeInfoOf(node: INode, pods: readonly IPod[] = []): NodeInfo {
  const ni = new NodeInfo(node);
  for (const p of pods) ni.addPod(new PodInfo(p));
  return ni;
}

export function stateFor(nodes: readonly NodeInfo[]): CycleState {
  return new CycleState(Snapshot.of(nodes));
}

/** PreFilter (if any) then Filter on every node; `skip` when PreFilter skipped the plugin. */
export function runFilter(
  plugin: FilterPlugin & Partial<PreFilterPlugin>,
  pod: IPod,
  nodes: readonly NodeInfo[],
): { preFilter: MaybeStatus; results: MaybeStatus[]; skipped: boolean } {
  const state = stateFor(nodes);
  const pi = new PodInfo(pod);
  let preFilter: MaybeStatus = null;
  if (plugin.preFilter) {
    preFilter = plugin.preFilter(state, pi).status;
    if (isSkip(preFilter)) return { preFilter, results: nodes.map(() => null), skipped: true };
    if (preFilter !== null) return { preFilter, results: [], skipped: false };
  }
  return { preFilter, results: nodes.map((n) => plugin.filter(state, pi, n)), skipped: false };
}

/** PreScore (if any), Score and NormalizeScore over `nodes` (all treated as feasible). */
export function runScore(
  plugin: ScorePlugin & Partial<PreScorePlugin>,
  pod: IPod,
  nodes: readonly NodeInfo[],
  allNodes: readonly NodeInfo[] = nodes,
): { raw: number[]; normalized: number[]; skipped: boolean } {
  const state = stateFor(allNodes);
  const pi = new PodInfo(pod);
  if (plugin.preScore) {
    const s = plugin.preScore(state, pi, nodes);
    if (isSkip(s)) return { raw: [], normalized: [], skipped: true };
  }
  const raw = new Float64Array(nodes.map((n) => plugin.score(state, pi, n)));
  const normalized = raw.slice();
  plugin.normalizeScore?.(state, pi, nodes, normalized);
  return { raw: [...raw], normalized: [...normalized], skipped: false };
}

/** Reasons of each status ([] for success). */
export function reasons(results: readonly MaybeStatus[]): string[][] {
  return results.map((r) => (r === null ? [] : [...r.reasons]));
}
