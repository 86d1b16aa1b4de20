/**
 * kube-controller-manager's taint eviction controller (k/k pkg/controller/tainteviction), on by default
 * since 1.29 as its own controller (SeparateTaintEvictionController).
 *
 * For every pod on a node with NoExecute taints: a taint the pod does not tolerate deletes it at once; if
 * it tolerates them all, it is deleted when the smallest tolerationSeconds of the tolerations it uses
 * runs out (counted from when this controller saw the taint); tolerating them forever keeps it. One
 * virtual-clock timer per pod pending eviction, cancelled (with a `Cancelling deletion` event) when the
 * taints go away, the pod goes away, or its tolerations change. When a timer fires the controller
 * records `Marking for deletion Pod <ns>/<name>`, sets the pod's DisruptionTarget condition
 * (`DeletionByTaintManager`) through pods/status, then deletes it gracefully — on a dead node it then
 * stays Terminating, since no kubelet confirms.
 */
import type { KubeObject } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { isApiError } from '../../api/errors.ts';
import { POD } from '../../client/client.ts';
import type { Informer } from '../../client/informer.ts';
import { BY_NODE, keyOf, splitKey } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import type { TimerHandle } from '../../sim/clock.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import type { PodCondition, Taint } from '../node-lifecycle/node-types.ts';
import { nodeTaints, podConditions, podNodeName, podTolerations } from '../node-lifecycle/node-types.ts';
import { matchingTolerations, minTolerationMs } from './tolerations.ts';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
export const DELETION_BY_TAINT_MANAGER = 'DeletionByTaintManager';
export const TAINT_MANAGER_MESSAGE = 'Taint manager: deleting due to NoExecute taint';
/** How many times one eviction is tried before it is given up (until the pod or node changes again). */
const RETRIES = 5;

/** One pod's pending (or done) eviction, as upstream's TimedWorkerQueue keeps it. */
export interface ScheduledEviction {
  /** Virtual ms the countdown started. */
  createdAt: number;
  /** Virtual ms the pod is (or was) deleted. */
  fireAt: number;
  /** True once the deletion ran; the entry then only stops a second eviction until it is cancelled. */
  fired: boolean;
}

export class TaintEvictionController extends Controller {
  readonly name = TAINT_EVICTION_CONTROLLER;
  private readonly nodes: Informer;
  private readonly pods: Informer;
  private readonly taintedNodes = new Map<string, Taint[]>();
  private readonly work = new Map<string, ScheduledEviction & { handle?: TimerHandle }>();
  private started = false;

  constructor(ctx: ControllerContext) {
    super(ctx, TAINT_EVICTION_CONTROLLER);
    this.nodes = ctx.informers.nodes();
    this.pods = ctx.informers.pods();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.nodes.addHandler({
      onAdd: (n) => this.queue.add(n.metadata.name ?? ''),
      onUpdate: (o, n) => {
        if (!sameTaints(noExecuteTaints(o), noExecuteTaints(n))) this.queue.add(n.metadata.name ?? '');
      },
      onDelete: (n) => this.queue.add(n.metadata.name ?? ''),
    });
    this.pods.addHandler({
      onAdd: (p) => this.queue.add(keyOf(p)),
      onUpdate: (o, p) => {
        if (
          podNodeName(o) !== podNodeName(p) ||
          JSON.stringify(podTolerations(o)) !== JSON.stringify(podTolerations(p))
        )
          this.queue.add(keyOf(p));
      },
      onDelete: (p) => this.queue.add(keyOf(p)),
    });
  }

  /** Cancels every pending eviction timer (no events: the controller is going away, not the taints). */
  stop(): void {
    for (const w of this.work.values()) this.ctx.clock.cancel(w.handle);
    this.work.clear();
  }

  /** A node name: re-evaluate every pod on it. A pod key (`ns/name`): re-evaluate that pod. */
  reconcile(key: string): ReconcileResult | void {
    if (key.includes('/')) this.handlePodUpdate(key);
    else this.handleNodeUpdate(key);
  }

  /** The eviction scheduled for a pod (`ns/name`), for the UI's countdown. Undefined when none. */
  scheduledEviction(podKey: string): ScheduledEviction | undefined {
    const w = this.work.get(podKey);
    return w ? { createdAt: w.createdAt, fireAt: w.fireAt, fired: w.fired } : undefined;
  }

  private handleNodeUpdate(nodeName: string): void {
    const node = this.nodes.getByName(undefined, nodeName);
    if (!node) {
      this.taintedNodes.delete(nodeName);
      return;
    }
    const taints = noExecuteTaints(node);
    if (taints.length === 0) this.taintedNodes.delete(nodeName);
    else this.taintedNodes.set(nodeName, taints);
    const pods = this.pods.byIndex(BY_NODE, nodeName);
    if (taints.length === 0) {
      for (const p of pods) this.cancelWithEvent(keyOf(p));
      return;
    }
    const now = this.ctx.clock.now();
    for (const p of pods) this.processPodOnNode(keyOf(p), p, taints, now);
  }

  private handlePodUpdate(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.pods.getByName(namespace, name);
    if (!pod) {
      this.cancelWithEvent(key);
      return;
    }
    const nodeName = podNodeName(pod);
    if (!nodeName) return;
    const taints = this.taintedNodes.get(nodeName);
    if (!taints) return;
    this.processPodOnNode(key, pod, taints, this.ctx.clock.now());
  }

  private processPodOnNode(key: string, pod: KubeObject, taints: readonly Taint[], now: number): void {
    if (taints.length === 0) this.cancelWithEvent(key);
    const { allTolerated, used } = matchingTolerations(taints, podTolerations(pod));
    if (!allTolerated) {
      this.cancelWithEvent(key);
      this.addWork(key, now, now);
      return;
    }
    const min = minTolerationMs(used);
    if (min < 0) {
      this.cancelWithEvent(key);
      return;
    }
    let start = now;
    const existing = this.work.get(key);
    if (existing && !existing.fired) {
      // A countdown already running keeps its start: a re-sync never postpones an eviction.
      start = existing.createdAt;
      if (start + min < now + min) return;
      this.cancelWithEvent(key);
    }
    this.addWork(key, start, start + min);
  }

  private addWork(key: string, createdAt: number, fireAt: number): void {
    if (this.work.has(key)) return;
    const entry: ScheduledEviction & { handle?: TimerHandle } = { createdAt, fireAt, fired: false };
    entry.handle = this.ctx.clock.at(fireAt, () => this.fire(key, entry));
    this.work.set(key, entry);
  }

  private cancelWithEvent(key: string): void {
    const w = this.work.get(key);
    if (!w) return;
    this.work.delete(key);
    if (w.fired) return;
    this.ctx.clock.cancel(w.handle);
    const { namespace, name } = splitKey(key);
    this.recorder.event(
      { apiVersion: 'v1', kind: 'Pod', name, ...(namespace ? { namespace } : {}) },
      'Normal',
      'TaintManagerEviction',
      `Cancelling deletion of Pod ${key}`,
    );
  }

  private fire(key: string, entry: ScheduledEviction & { handle?: TimerHandle }): void {
    if (this.work.get(key) !== entry) return;
    entry.fired = true;
    entry.handle = undefined;
    const { namespace, name } = splitKey(key);
    this.recorder.event(
      { apiVersion: 'v1', kind: 'Pod', name, ...(namespace ? { namespace } : {}) },
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${key}`,
    );
    for (let i = 0; i < RETRIES; i++) {
      try {
        this.addConditionAndDeletePod(namespace, name);
        return;
      } catch {
        // Conflicts and the like: read the pod again and retry, as upstream does.
      }
    }
    // Given up: forget the entry so the next change to the pod or node can schedule it again.
    this.work.delete(key);
  }

  private addConditionAndDeletePod(namespace: string | undefined, name: string): void {
    const pod = this.client.get(POD, namespace, name);
    if (!pod) return;
    const now = this.ctx.clock.nowRfc3339();
    const wanted: PodCondition = {
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: now,
      reason: DELETION_BY_TAINT_MANAGER,
      message: TAINT_MANAGER_MESSAGE,
    };
    const old = podConditions(pod).find((c) => c.type === 'DisruptionTarget');
    if (
      !old ||
      old.status !== wanted.status ||
      old.reason !== wanted.reason ||
      old.message !== wanted.message
    ) {
      const next = clone(pod);
      const status = (next.status ?? {}) as { conditions?: PodCondition[] };
      const conditions = (status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      if (old && old.status === wanted.status) wanted.lastTransitionTime = old.lastTransitionTime ?? now;
      status.conditions = old
        ? (status.conditions ?? []).map((c) => (c.type === 'DisruptionTarget' ? wanted : c))
        : [...conditions, wanted];
      next.status = status;
      try {
        this.client.updateStatus(next);
      } catch (e) {
        if (isApiError(e) && e.code === 404) return;
        throw e;
      }
    }
    this.client.delete(POD, namespace, name);
  }
}

function noExecuteTaints(node: KubeObject): Taint[] {
  return nodeTaints(node).filter((t) => t.effect === 'NoExecute');
}

function sameTaints(a: readonly Taint[], b: readonly Taint[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
