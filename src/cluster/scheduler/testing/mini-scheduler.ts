/**
 * A minimal scheduler loop for tests and benchmarks: cache -> snapshot -> scheduleOne -> assume, with
 * preemption's victims removed at once. It does what the real loop will do minus the API.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { Rng } from '../../sim/rng.ts';
import type { Framework } from '../framework/framework.ts';
import type { PluginContext } from '../framework/plugin-context.ts';
import { PodInfo } from '../framework/pod-info.ts';
import { SchedulerCache } from '../framework/scheduler-cache.ts';
import { Snapshot } from '../framework/snapshot.ts';
import { newDefaultFramework } from '../registry.ts';
import { scheduleOne, type ScheduleResult } from '../schedule-one.ts';

export class MiniScheduler {
  readonly cache = new SchedulerCache();
  readonly snapshot = new Snapshot();
  readonly fw: Framework;
  readonly rng: Rng;
  readonly placements = new Map<string, string>();
  readonly failures = new Map<string, string>();
  readonly results: ScheduleResult[] = [];

  constructor(nodes: readonly INode[] = [], opts: { seed?: number; ctx?: Partial<PluginContext>; fw?: Framework } = {}) {
    this.fw = opts.fw ?? newDefaultFramework(opts.ctx);
    this.rng = new Rng(opts.seed ?? 1);
    for (const n of nodes) this.cache.addNode(n);
  }

  /** Adds an already-running pod (assigned through spec.nodeName). */
  running(pod: IPod): this {
    this.cache.addPod(pod);
    return this;
  }

  /** Schedules one pod; on success assumes it on the chosen node. */
  schedule(pod: IPod): ScheduleResult {
    this.cache.updateSnapshot(this.snapshot);
    const pi = new PodInfo(pod);
    const r = scheduleOne(pi, this.snapshot, this.fw, this.rng);
    this.results.push(r);
    const name = pi.name;
    if (r.outcome === 'Scheduled' && r.nodeName) {
      this.cache.assumePod(pi, r.nodeName);
      this.placements.set(name, r.nodeName);
      this.failures.delete(name);
    } else {
      this.failures.set(name, r.message ?? r.record.error ?? '');
    }
    return r;
  }

  scheduleAll(pods: readonly IPod[]): this {
    for (const p of pods) this.schedule(p);
    return this;
  }

  /** Pods per node, by name. */
  podsOn(node: string): string[] {
    return [...this.placements].filter(([, n]) => n === node).map(([p]) => p);
  }
}
