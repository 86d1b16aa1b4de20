/**
 * Counting helpers for InterPodAffinity: how many (anti-)affinity matches each topology pair
 * (`topologyKey`, node's value) holds (interpodaffinity topologyToMatchedTermCount).
 */
import type { Labels } from '../../framework/label-matcher.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { termMatches, type AffinityTerm, type PodInfo } from '../../framework/pod-info.ts';

/** `key\u0000value` -> count; entries dropping to 0 are removed. */
export class TopologyCounts extends Map<string, number> {
  static pair(key: string, value: string): string {
    return `${key}\u0000${value}`;
  }

  bump(node: NodeInfo, topologyKey: string, delta: number): void {
    const v = node.labels[topologyKey];
    if (v === undefined) return;
    const k = TopologyCounts.pair(topologyKey, v);
    const n = (this.get(k) ?? 0) + delta;
    if (n === 0) this.delete(k);
    else this.set(k, n);
  }

  countAt(topologyKey: string, value: string): number {
    return this.get(TopologyCounts.pair(topologyKey, value)) ?? 0;
  }

  copy(): TopologyCounts {
    const c = new TopologyCounts();
    for (const [k, v] of this) c.set(k, v);
    return c;
  }
}

/** podMatchesAllAffinityTerms: an empty term list matches nothing. */
export function podMatchesAllAffinityTerms(terms: readonly AffinityTerm[], pod: PodInfo, nsLabels: (ns: string) => Labels): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, nsLabels)) return false;
  return true;
}

/** Adds `delta` for every term when `pod` matches all of them (affinity). */
export function updateWithAffinityTerms(
  m: TopologyCounts,
  terms: readonly AffinityTerm[],
  pod: PodInfo,
  node: NodeInfo,
  delta: number,
  nsLabels: (ns: string) => Labels,
): void {
  if (podMatchesAllAffinityTerms(terms, pod, nsLabels)) for (const t of terms) m.bump(node, t.topologyKey, delta);
}

/** Adds `delta` for each term `pod` matches (anti-affinity). */
export function updateWithAntiAffinityTerms(
  m: TopologyCounts,
  terms: readonly AffinityTerm[],
  pod: PodInfo,
  node: NodeInfo,
  delta: number,
  nsLabels: (ns: string) => Labels,
): void {
  for (const t of terms) if (termMatches(t, pod, nsLabels)) m.bump(node, t.topologyKey, delta);
}
