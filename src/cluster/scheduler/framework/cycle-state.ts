/**
 * CycleState: per-cycle scratch space shared by the plugins of one scheduling attempt (framework.
 * CycleState). Plugins write what they pre-compute at PreFilter/PreScore and read it per node.
 */
import type { Snapshot } from './snapshot.ts';

/**
 * State a plugin stores. When it has a `clone()` method, preemption's dry runs call it to get a copy
 * they may mutate; otherwise the value is shared (it must then be read-only).
 */
export type StateData = object;

function cloneData(v: StateData): StateData {
  const c = (v as { clone?: () => StateData }).clone;
  return typeof c === 'function' ? c.call(v) : v;
}

export class CycleState {
  private readonly data = new Map<string, StateData>();
  /** Plugins whose PreFilter returned Skip: their Filter is not run this cycle. */
  readonly skipFilterPlugins = new Set<string>();
  /** Plugins whose PreScore returned Skip: their Score is not run this cycle. */
  readonly skipScorePlugins = new Set<string>();
  /** The Filter plugins left after PreFilter skips (cached by the framework; internal). */
  activeFilters: readonly unknown[] | null = null;

  constructor(readonly snapshot: Snapshot) {}

  read<T extends StateData>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: StateData): void {
    this.data.set(key, value);
  }

  /** A copy whose plugin data is cloned where the data knows how (preemption dry runs). */
  clone(): CycleState {
    const c = new CycleState(this.snapshot);
    for (const [k, v] of this.data) c.data.set(k, cloneData(v));
    for (const p of this.skipFilterPlugins) c.skipFilterPlugins.add(p);
    for (const p of this.skipScorePlugins) c.skipScorePlugins.add(p);
    c.activeFilters = this.activeFilters;
    return c;
  }
}
