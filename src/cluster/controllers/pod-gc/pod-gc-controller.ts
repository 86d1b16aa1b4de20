/**
 * PodGC (pkg/controller/podgc): every 20 s it force-deletes what nobody else will — pods bound to a node
 * that no longer exists (after a 40 s quarantine, in case the node object is only late), unscheduled
 * pods that are terminating, and the oldest terminated pods past the 12,500 threshold. An orphaned pod
 * is first marked Failed with the DisruptionTarget condition `DeletionByPodGC`.
 */
import type { KubeObject } from '../../api/types.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import type { Informer } from '../../client/informer.ts';
import { POD } from '../../client/client.ts';
import { isApiError } from '../../api/errors.ts';
import { rfc3339, type TimerHandle } from '../../sim/clock.ts';

export const POD_GC_CONTROLLER = 'pod-garbage-collector';
export const GC_CHECK_PERIOD_MS = 20_000;
export const QUARANTINE_MS = 40_000;
export const TERMINATED_POD_THRESHOLD = 12_500;

interface PodLike extends KubeObject {
  spec?: { nodeName?: string };
  status?: { phase?: string; conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] };
}

export class PodGCController extends Controller {
  readonly name = POD_GC_CONTROLLER;
  private pods!: Informer<PodLike>;
  private nodes!: Informer;
  /** Node names first seen missing, with when. */
  private missingSince = new Map<string, number>();
  private timer: TimerHandle | undefined;

  constructor(ctx: ControllerContext) {
    super(ctx, POD_GC_CONTROLLER);
  }

  start(): void {
    this.pods = this.ctx.informers.pods<PodLike>();
    this.nodes = this.ctx.informers.nodes();
    this.nodes.addHandler({ onDelete: () => this.queue.add('gc') });
    this.tick();
  }

  stop(): void {
    this.ctx.clock.cancel(this.timer);
  }

  private tick(): void {
    this.queue.add('gc');
    this.timer = this.ctx.clock.setTimeout(() => this.tick(), GC_CHECK_PERIOD_MS);
  }

  reconcile(): void {
    const now = this.ctx.clock.now();
    const terminated: PodLike[] = [];
    const stillMissing = new Set<string>();
    for (const pod of this.pods.list()) {
      const node = pod.spec?.nodeName;
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') terminated.push(pod);
      if (!node) {
        if (pod.metadata.deletionTimestamp) this.forceDelete(pod);
        continue;
      }
      if (this.nodes.getByName(undefined, node)) continue;
      stillMissing.add(node);
      const since = this.missingSince.get(node) ?? now;
      this.missingSince.set(node, since);
      if (now - since >= QUARANTINE_MS) this.deleteOrphan(pod, now);
    }
    for (const n of [...this.missingSince.keys()]) if (!stillMissing.has(n)) this.missingSince.delete(n);
    if (this.missingSince.size > 0) this.queue.addAfter('gc', QUARANTINE_MS);
    if (terminated.length > TERMINATED_POD_THRESHOLD) {
      terminated.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
      for (const pod of terminated.slice(0, terminated.length - TERMINATED_POD_THRESHOLD)) this.forceDelete(pod);
    }
  }

  private deleteOrphan(pod: PodLike, now: number): void {
    const phase = pod.status?.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') {
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      conditions.push({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionTime: rfc3339(now) });
      try {
        this.client.updateStatus({ ...pod, status: { ...pod.status, phase: 'Failed', conditions } });
      } catch (e) {
        if (!(isApiError(e) && (e.code === 404 || e.code === 409))) throw e;
      }
    }
    this.forceDelete(pod);
  }

  private forceDelete(pod: PodLike): void {
    this.client.delete(POD, pod.metadata.namespace, pod.metadata.name ?? '', { gracePeriodSeconds: 0 });
  }
}
