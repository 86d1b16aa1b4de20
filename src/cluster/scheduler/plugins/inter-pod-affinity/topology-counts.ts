/**
 * Counting helpers for InterPodAffinity: how many (anti-)affinity matches each topology pair
 * (`topologyKey`, node's value) holds (interpodaffinity topologyToMatchedTermCount).
 */
import type { Labels } from '../../framework/label-matcher.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import { termMatches, type AffinityTerm, type PodInfo } from '../../framework/pod-info.ts';

/** topologyKey -> value -> count; entries dropping to 0 are removed. */
export class TopologyCounts {
  private readonly byKey = new Map<string, Map<string, number>>();
  private pairs = 0;

  /** Number of (key, value) pairs with a non-zero count. */
  get size(): number {
    return this.pairs;
  }

  bump(node: NodeInfo, topologyKey: string, delta: number): void {
    const v = node.labels[topologyKey];
    if (v === undefined) return;
    let m = this.byKey.get(topologyKey);
    if (!m) this.byKey.set(topologyKey, (m = new Map()));
    const before = m.get(v) ?? 0;
    const n = before + delta;
    if (n === 0) {
      m.delete(v);
      if (before !== 0) this.pairs--;
    } else {
      m.set(v, n);
      if (before === 0) this.pairs++;
    }
  }

  countAt(topologyKey: string, value: string): number {
    return this.byKey.get(topologyKey)?.get(value) ?? 0;
  }

  /** The keys that have counts (for checking a node's labels against them). */
  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  copy(): TopologyCounts {
    const c = new TopologyCounts();
    for (const [k, m] of this.byKey) c.byKey.set(k, new Map(m));
    c.pairs = this.pairs;
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
