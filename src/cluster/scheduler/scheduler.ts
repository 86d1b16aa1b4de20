/**
 * kube-scheduler as a running component: informers feed the cache (nodes, assigned pods) and the
 * scheduling queue (unassigned pods, cluster events); a loop on the virtual clock pops pods, runs
 * `scheduleOne`, and binds through `pods/binding` — or records why not, exactly as kube-scheduler
 * words it (FailedScheduling event, PodScheduled=False condition), and preempts when that helps.
 *
 * Like kube-scheduler's informer (`status.phase!=Succeeded,status.phase!=Failed`), terminal pods leave
 * the cache: they no longer take room on their node.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { INode } from 'kubernetes-models/v1/Node';
import type { ApiServer } from '../api/api-server.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import type { VirtualClock } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import { Client, POD } from '../client/client.ts';
import { EventRecorder } from '../client/event-recorder.ts';
import { SharedInformers } from '../client/shared-informers.ts';
import { isApiError } from '../api/errors.ts';
import { SchedulerCache } from './framework/scheduler-cache.ts';
import { Snapshot } from './framework/snapshot.ts';
import { newDefaultFramework } from './registry.ts';
import type { Framework } from './framework/framework.ts';
import { scheduleOne, type ScheduleResult } from './schedule-one.ts';
import { SchedulingQueue } from './queue/scheduling-queue.ts';
import { ASSIGNED_POD_ADD, ASSIGNED_POD_DELETE, NODE_ADD, NODE_DELETE, assignedPodUpdateEvents, nodeUpdateEvents } from './framework/cluster-events.ts';
import { DecisionLog } from './decision-log.ts';
import type { DecisionRecord } from './framework/decision-record.ts';
import { selectorFromSet } from '../api/labels/selector.ts';

export const SCHEDULER_NAME = 'default-scheduler';
const ACTOR: Actor = { name: SCHEDULER_NAME, component: 'kube-scheduler' };

function isTerminal(pod: IPod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function assigned(pod: IPod): boolean {
  return !!pod.spec?.nodeName;
}

export class Scheduler {
  readonly cache = new SchedulerCache();
  readonly snapshot = new Snapshot();
  readonly fw: Framework;
  readonly queue: SchedulingQueue;
  readonly decisions = new DecisionLog();
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly informers: SharedInformers;
  private loopScheduled = false;
  private stopped = true;
  /** Attempts made, for activity figures. */
  attempts = 0;

  constructor(
    private readonly ctx: { api: ApiServer; clock: VirtualClock; rng: Rng },
  ) {
    this.client = new Client(ctx.api, ACTOR);
    this.recorder = new EventRecorder(ctx.api, { component: SCHEDULER_NAME }, ACTOR);
    this.informers = new SharedInformers(ctx.api, ACTOR);
    this.fw = newDefaultFramework({
      now: () => ctx.clock.now(),
      namespaceLabels: (ns) => this.informers.get('', 'namespaces').getByName(undefined, ns)?.metadata.labels,
      getPVC: (ns, name) => this.informers.get('', 'persistentvolumeclaims').getByName(ns, name) as never,
      getStorageClass: (name) => this.informers.get('storage.k8s.io', 'storageclasses').getByName(undefined, name) as never,
      listPDBs: () => this.informers.get('policy', 'poddisruptionbudgets').list() as never,
      defaultSpreadSelector: (pod) => this.defaultSpreadSelector(pod),
    });
    this.queue = new SchedulingQueue({ clock: ctx.clock, framework: this.fw, onActive: () => this.scheduleLoop() });
  }

  /** Starts watching and scheduling. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.informers.nodes<INode & KubeObject>().addHandler({
      onAdd: (n) => {
        this.cache.addNode(n);
        this.queue.moveAllToActiveOrBackoffQueue(NODE_ADD, undefined, n);
      },
      onUpdate: (o, n) => {
        this.cache.updateNode(n);
        for (const ev of nodeUpdateEvents(o, n)) this.queue.moveAllToActiveOrBackoffQueue(ev, o, n);
      },
      onDelete: (n) => {
        this.cache.removeNode(n.metadata.name ?? '');
        this.queue.moveAllToActiveOrBackoffQueue(NODE_DELETE, n, undefined);
      },
    });
    this.informers.pods<IPod & KubeObject>().addHandler({
      onAdd: (p) => this.podAdded(p),
      onUpdate: (o, n) => this.podUpdated(o, n),
      onDelete: (p) => this.podDeleted(p),
    });
    // Informers other plugins read, started now so their caches are warm.
    for (const [g, r] of [['', 'namespaces'], ['', 'persistentvolumeclaims'], ['storage.k8s.io', 'storageclasses'], ['policy', 'poddisruptionbudgets'], ['', 'services'], ['apps', 'replicasets'], ['apps', 'statefulsets'], ['', 'replicationcontrollers']] as const) {
      this.informers.get(g, r);
    }
    this.scheduleLoop();
  }

  /** Stops the component (chaos: "stop kube-scheduler"). Pending pods wait. */
  stop(): void {
    this.stopped = true;
    this.informers.stop();
  }

  /** The last decisions about a pod, newest last. */
  decisionsFor(namespace: string, name: string): readonly DecisionRecord[] {
    return this.decisions.get(`${namespace}/${name}`);
  }

  queueLengths(): { active: number; backoff: number; unschedulable: number; gated: number } {
    const out = { active: 0, backoff: 0, unschedulable: 0, gated: 0 };
    for (const p of this.queue.pendingPods()) {
      if (p.queue === 'active' || p.queue === 'inFlight') out.active++;
      else if (p.queue === 'backoff') out.backoff++;
      else if (p.queue === 'unschedulable') out.unschedulable++;
      else if (p.queue === 'gated') out.gated++;
    }
    return out;
  }

  private podAdded(p: IPod & KubeObject): void {
    if (assigned(p)) {
      if (isTerminal(p)) return;
      this.cache.addPod(p);
      this.queue.moveAllToActiveOrBackoffQueue(ASSIGNED_POD_ADD, undefined, p);
    } else if (!p.metadata.deletionTimestamp && !isTerminal(p)) {
      this.queue.add(p);
    }
  }

  private podUpdated(o: IPod & KubeObject, n: IPod & KubeObject): void {
    if (assigned(n)) {
      if (!assigned(o)) this.queue.delete(o);
      if (isTerminal(n)) {
        this.cache.removePod(n);
        this.queue.moveAllToActiveOrBackoffQueue(ASSIGNED_POD_DELETE, n, undefined);
        return;
      }
      this.cache.updatePod(o, n);
      if (assigned(o)) for (const ev of assignedPodUpdateEvents(o, n)) this.queue.moveAllToActiveOrBackoffQueue(ev, o, n);
      else this.queue.moveAllToActiveOrBackoffQueue(ASSIGNED_POD_ADD, undefined, n);
    } else if (n.metadata.deletionTimestamp || isTerminal(n)) {
      this.queue.delete(n);
    } else {
      this.queue.update(o, n);
    }
  }

  private podDeleted(p: IPod & KubeObject): void {
    if (assigned(p)) {
      this.cache.removePod(p);
      this.queue.moveAllToActiveOrBackoffQueue(ASSIGNED_POD_DELETE, p, undefined);
    } else {
      this.queue.delete(p);
    }
  }

  private scheduleLoop(): void {
    if (this.loopScheduled || this.stopped) return;
    this.loopScheduled = true;
    this.ctx.clock.setTimeout(() => {
      this.loopScheduled = false;
      this.drain();
    }, 0);
  }

  private drain(): void {
    for (;;) {
      if (this.stopped) return;
      const qpi = this.queue.pop();
      if (!qpi) return;
      const live = this.informers.pods<IPod & KubeObject>().get(qpi.podInfo.key);
      if (!live || assigned(live) || live.metadata.deletionTimestamp || live.metadata.uid !== qpi.podInfo.uid) {
        this.queue.done(qpi.podInfo.uid);
        continue;
      }
      this.attempts++;
      this.cache.updateSnapshot(this.snapshot);
      const result = scheduleOne(qpi.podInfo, this.snapshot, this.fw, this.ctx.rng, {
        nominator: this.queue,
        attempt: qpi.attempts,
        now: this.ctx.clock.now(),
      });
      this.decisions.add(qpi.podInfo.key, result.record);
      if (result.outcome === 'Scheduled' && result.nodeName) this.bind(qpi, result, result.nodeName, live);
      else this.unschedulable(qpi, result, live);
    }
  }

  private bind(qpi: ReturnType<SchedulingQueue['pop']> & object, result: ScheduleResult, nodeName: string, pod: IPod & KubeObject): void {
    this.cache.assumePod(result.podInfo, nodeName);
    const ns = pod.metadata.namespace ?? 'default';
    const name = pod.metadata.name ?? '';
    try {
      this.client.bind(ns, name, nodeName);
      this.queue.deleteNominatedPodIfExists(qpi.podInfo.uid);
      this.queue.done(qpi.podInfo.uid);
      this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${nodeName}`);
    } catch (e) {
      this.cache.forgetPod(qpi.podInfo.uid);
      this.queue.addUnschedulableIfNotPresent(qpi, new Set());
      this.queue.done(qpi.podInfo.uid);
      if (!(isApiError(e) && (e.code === 404 || e.code === 409))) throw e;
    }
  }

  private unschedulable(qpi: ReturnType<SchedulingQueue['pop']> & object, result: ScheduleResult, pod: IPod & KubeObject): void {
    const message = result.message ?? result.record.error ?? 'scheduling failed';
    const pf = result.postFilter;
    if (pf?.nominatedNodeName) this.preempt(pod, pf.nominatedNodeName, pf.victims ?? [], pf.clearNominationOf ?? []);
    this.recorder.event(pod, 'Warning', 'FailedScheduling', message);
    this.setUnschedulableCondition(pod, message, pf?.nominatedNodeName);
    if (pf?.nominatedNodeName) this.queue.addNominatedPod(result.podInfo, pf.nominatedNodeName);
    this.queue.addUnschedulableIfNotPresent(qpi, result.diagnosis?.unschedulablePlugins ?? new Set());
    this.queue.done(qpi.podInfo.uid);
  }

  private setUnschedulableCondition(pod: IPod & KubeObject, message: string, nominatedNodeName: string | undefined): void {
    const status = pod.status ?? {};
    const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    const old = status.conditions?.find((c) => c.type === 'PodScheduled');
    const unchanged = old?.status === 'False' && old.reason === 'Unschedulable' && old.message === message && (!nominatedNodeName || status.nominatedNodeName === nominatedNodeName);
    if (unchanged) return;
    conditions.push({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message,
      lastProbeTime: null as never,
      lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime! : this.ctx.clock.nowRfc3339(),
    });
    const next = { ...pod, status: { ...status, conditions, ...(nominatedNodeName ? { nominatedNodeName } : {}) } };
    try {
      this.client.updateStatus(next as KubeObject);
    } catch (e) {
      if (!(isApiError(e) && (e.code === 404 || e.code === 409))) throw e;
    }
  }

  /** The API side of preemption: mark victims, evict them, clear lower nominations. */
  private preempt(preemptor: IPod & KubeObject, nodeName: string, victims: readonly { pod: IPod; uid: string }[], clear: readonly { pod: IPod }[]): void {
    for (const v of victims) {
      const victim = this.informers.pods<IPod & KubeObject>().get(`${v.pod.metadata?.namespace}/${v.pod.metadata?.name}`);
      if (!victim || victim.metadata.deletionTimestamp) continue;
      try {
        const conditions = (victim.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
        conditions.push({
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'PreemptionByScheduler',
          message: `${SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
          lastTransitionTime: this.ctx.clock.nowRfc3339(),
        });
        this.client.updateStatus({ ...victim, status: { ...victim.status, conditions } } as KubeObject);
        this.client.delete(POD, victim.metadata.namespace, victim.metadata.name ?? '');
        this.recorder.event(victim, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${nodeName}`);
      } catch (e) {
        if (!(isApiError(e) && (e.code === 404 || e.code === 409))) throw e;
      }
    }
    for (const c of clear) {
      const p = this.informers.pods<IPod & KubeObject>().get(`${c.pod.metadata?.namespace}/${c.pod.metadata?.name}`);
      if (!p?.status?.nominatedNodeName) continue;
      const status = { ...p.status };
      delete status.nominatedNodeName;
      try {
        this.client.updateStatus({ ...p, status } as KubeObject);
      } catch (e) {
        if (!(isApiError(e) && (e.code === 404 || e.code === 409))) throw e;
      }
    }
  }

  /** helper.DefaultSelector: the selectors of Services, ReplicaSets, StatefulSets and RCs owning the pod. */
  private defaultSpreadSelector(pod: IPod) {
    const labels = pod.metadata?.labels ?? {};
    const ns = pod.metadata?.namespace ?? 'default';
    const matchLabels: Record<string, string> = {};
    let found = false;
    for (const svc of this.informers.get('', 'services').listIn(ns)) {
      const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
      if (sel && Object.keys(sel).length > 0 && selectorFromSet(sel).matches(labels)) {
        Object.assign(matchLabels, sel);
        found = true;
      }
    }
    for (const ref of pod.metadata?.ownerReferences ?? []) {
      if (!ref.controller) continue;
      const kind = ref.kind === 'ReplicaSet' ? ['apps', 'replicasets'] : ref.kind === 'StatefulSet' ? ['apps', 'statefulsets'] : ref.kind === 'ReplicationController' ? ['', 'replicationcontrollers'] : undefined;
      if (!kind) continue;
      const owner = this.informers.get(kind[0]!, kind[1]!).getByName(ns, ref.name);
      const sel = (owner?.spec as { selector?: { matchLabels?: Record<string, string> } | Record<string, string> } | undefined)?.selector;
      const ml = ref.kind === 'ReplicationController' ? (sel as Record<string, string> | undefined) : (sel as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
      if (ml) {
        Object.assign(matchLabels, ml);
        found = true;
      }
    }
    return found ? { matchLabels } : undefined;
  }
}
