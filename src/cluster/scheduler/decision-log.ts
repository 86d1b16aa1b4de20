/**
 * The scheduler's memory of why: the last few decision records of each pod, within a fixed budget, so
 * the page can answer "why here / why Pending" without the log growing with the cluster's history.
 */
import type { DecisionRecord } from './framework/decision-record.ts';

export class DecisionLog {
  private byPod = new Map<string, DecisionRecord[]>();

  constructor(
    private readonly perPod = 3,
    private readonly maxPods = 5000,
  ) {}

  /** Records an attempt for `podKey` (`namespace/name`); the oldest pod is dropped past the budget. */
  add(podKey: string, record: DecisionRecord): void {
    const list = this.byPod.get(podKey) ?? [];
    this.byPod.delete(podKey); // re-inserted last: most recently scheduled pods survive
    list.push(record);
    if (list.length > this.perPod) list.shift();
    this.byPod.set(podKey, list);
    if (this.byPod.size > this.maxPods) this.byPod.delete(this.byPod.keys().next().value!);
  }

  get(podKey: string): readonly DecisionRecord[] {
    return this.byPod.get(podKey) ?? [];
  }

  get size(): number {
    return this.byPod.size;
  }
}
