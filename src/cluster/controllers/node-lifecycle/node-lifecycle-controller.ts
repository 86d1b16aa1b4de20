/**
 * kube-controller-manager's node lifecycle controller (k/k pkg/controller/nodelifecycle).
 *
 * Every node-monitor-period (5 s) it reads each node's Lease (kube-node-lease) and Ready heartbeat;
 * a node silent for node-monitor-grace-period (50 s; 60 s for one that never posted Ready) gets Ready,
 * MemoryPressure, DiskPressure and PIDPressure `Unknown` / `NodeStatusUnknown`, a `NodeNotReady` event
 * (source `node-controller`), and its pods Ready=False. Node updates drive the NoSchedule condition
 * taints at once; the NoExecute `unreachable` / `not-ready` taints that make the taint eviction
 * controller evict pods go through a per-zone rate-limited queue (0.1 node/s), slowed or stopped when
 * a zone is disrupted (see zone-state.ts), and stopped everywhere when every zone is fully disrupted.
 * A node that is Ready again loses its NoExecute taints on the next pass and its NoSchedule ones at once.
 */
import type { KubeObject } from '../../api/types.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { Informer } from '../../client/informer.ts';
import { BY_NODE, keyOf, splitKey } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import type { TimerHandle } from '../../sim/clock.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { markPodsNotReady } from './mark-pods-not-ready.ts';
import { assessNodeHealth, type NodeHealth } from './node-health.ts';
import {
  CONDITION_TAINTS,
  CONDITION_TAINT_KEYS,
  NOT_READY_NO_EXECUTE,
  TAINT_UNSCHEDULABLE,
  UNREACHABLE_NO_EXECUTE,
  matchTaint,
  swapNodeTaints,
  taintExists,
} from './node-taints.ts';
import type { Taint } from './node-types.ts';
import { nodeCondition, nodeConditions, nodeTaints, podNodeName } from './node-types.ts';
import { ZoneTainters } from './zone-tainters.ts';
import { LABEL_EXCLUDE_DISRUPTION, zoneKeyOf, type ZoneState } from './zone-state.ts';
import type { ZoneRules } from './zone-tainters.ts';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
/** The event source the node lifecycle controller writes under (its recorder's component). */
export const NODE_CONTROLLER_SOURCE = 'node-controller';
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** kube-controller-manager's flags for this controller, in virtual ms and nodes per second. */
export interface NodeLifecycleOptions extends ZoneRules {
  nodeMonitorPeriodMs: number;
  nodeMonitorGracePeriodMs: number;
  nodeStartupGracePeriodMs: number;
}

/** The 1.32 defaults. */
export const NODE_LIFECYCLE_DEFAULTS: Readonly<NodeLifecycleOptions> = {
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGracePeriodMs: 50_000,
  nodeStartupGracePeriodMs: 60_000,
  evictionQps: 0.1,
  secondaryEvictionQps: 0.01,
  largeClusterThreshold: 50,
  unhealthyZoneThreshold: 0.55,
};

export class NodeLifecycleController extends Controller {
  readonly name = NODE_LIFECYCLE_CONTROLLER;
  /** Writes node and pod events as `node-controller`, as upstream's recorder does. */
  readonly nodeEvents: EventRecorder;
  readonly options: Readonly<NodeLifecycleOptions>;
  private readonly nodes: Informer;
  private readonly pods: Informer;
  private readonly leases: Informer;
  private readonly known = new Map<string, KubeObject>();
  private readonly health = new Map<string, NodeHealth>();
  private readonly zones: ZoneTainters;
  private readonly nodesToRetry = new Set<string>();
  private monitorTimer: TimerHandle | undefined;
  private taintTimer: { handle: TimerHandle; at: number } | undefined;
  private started = false;

  constructor(ctx: ControllerContext, options: Partial<NodeLifecycleOptions> = {}) {
    super(ctx, NODE_LIFECYCLE_CONTROLLER);
    this.options = { ...NODE_LIFECYCLE_DEFAULTS, ...options };
    this.zones = new ZoneTainters(this.options);
    this.nodeEvents = new EventRecorder(ctx.api, { component: NODE_CONTROLLER_SOURCE }, this.client.actor);
    this.nodes = ctx.informers.nodes();
    this.pods = ctx.informers.pods();
    this.leases = ctx.informers.get('coordination.k8s.io', 'leases');
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.nodes.addHandler({
      onAdd: (n) => this.queue.add(n.metadata.name ?? ''),
      onUpdate: (_o, n) => this.queue.add(n.metadata.name ?? ''),
    });
    this.pods.addHandler({
      onAdd: (p) => {
        if (podNodeName(p)) this.queue.add(keyOf(p));
      },
      onUpdate: (o, p) => {
        if (podNodeName(p) && podNodeName(p) !== podNodeName(o)) this.queue.add(keyOf(p));
      },
    });
    // Upstream's wait.Until runs the first pass at once, then every period.
    this.monitorTimer = this.ctx.clock.setTimeout(() => this.tick(), 0);
  }

  /** Stops the periodic passes (the informers are shared and stay). */
  stop(): void {
    this.ctx.clock.cancel(this.monitorTimer);
    this.monitorTimer = undefined;
    if (this.taintTimer) this.ctx.clock.cancel(this.taintTimer.handle);
    this.taintTimer = undefined;
  }

  /** A node name: reconcile its NoSchedule condition taints. A pod key: mark it not ready on a sick node. */
  reconcile(key: string): ReconcileResult | void {
    if (key.includes('/')) return this.processPod(key);
    this.noScheduleTaintingPass(key);
  }

  /** The disruption state of the zone `zoneKey` ('' for nodes without zone labels). */
  zoneState(zoneKey: string): ZoneState | undefined {
    return this.zones.state(zoneKey);
  }

  /** The tainting rate currently applied in a zone (nodes per second). */
  zoneTaintingQps(zoneKey: string): number | undefined {
    return this.zones.qps(zoneKey);
  }

  private tick(): void {
    try {
      this.monitorNodeHealth();
    } finally {
      if (this.monitorTimer !== undefined)
        this.monitorTimer = this.ctx.clock.setTimeout(() => this.tick(), this.options.nodeMonitorPeriodMs);
    }
  }

  /** One monitor pass (monitorNodeHealth). Exposed for tests that step it by hand. */
  monitorNodeHealth(): void {
    const nodes = this.nodes.list();
    const present = new Set(nodes.map((n) => n.metadata.name ?? ''));
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      if (!this.known.has(name)) {
        this.nodeEvent(node, 'RegisteredNode', `Registered Node ${name} in Controller`);
        this.known.set(name, node);
        this.zones.addZone(zoneKeyOf(node), this.ctx.clock.now());
        this.markNodeAsReachable(node);
      } else if (!this.zones.has(zoneKeyOf(node))) {
        this.zones.addZone(zoneKeyOf(node), this.ctx.clock.now());
      }
    }
    for (const [name, node] of [...this.known]) {
      if (present.has(name)) continue;
      this.nodeEvent(node, 'RemovingNode', `Removing Node ${name} from Controller`);
      this.known.delete(name);
      this.health.delete(name);
      this.nodesToRetry.delete(name);
    }

    const zoneReady = new Map<string, (string | undefined)[]>();
    const nowRfc3339 = this.ctx.clock.nowRfc3339();
    for (const node of nodes) this.updateNode(node, zoneReady, nowRfc3339);
    this.handleDisruption(zoneReady, nodes);
    this.scheduleTaintingPass();
  }

  private updateNode(
    cached: KubeObject,
    zoneReady: Map<string, (string | undefined)[]>,
    nowRfc3339: string,
  ): void {
    const name = cached.metadata.name ?? '';
    const now = this.ctx.clock.now();
    const lease = this.leases.getByName(NODE_LEASE_NAMESPACE, name);
    const verdict = assessNodeHealth(cached, lease, this.health.get(name), now, nowRfc3339, {
      gracePeriodMs: this.options.nodeMonitorGracePeriodMs,
      startupGracePeriodMs: this.options.nodeStartupGracePeriodMs,
    });
    let node = cached;
    if (verdict.statusUpdate) {
      try {
        node = this.client.updateStatus(verdict.statusUpdate);
      } catch {
        // Upstream skips the node for this pass ("no pods will be evicted") and tries again next time.
        return;
      }
    }
    this.health.set(name, verdict.health);
    if (!(LABEL_EXCLUDE_DISRUPTION in (node.metadata.labels ?? {}))) {
      const zone = zoneKeyOf(node);
      let list = zoneReady.get(zone);
      if (!list) zoneReady.set(zone, (list = []));
      list.push(verdict.currentReady?.status);
    }
    const current = verdict.currentReady;
    if (!current) return;
    this.processTaintBasedEviction(node, verdict.observedReady.status);
    const observed = verdict.observedReady.status;
    const needsRetry = this.nodesToRetry.has(name);
    if ((current.status !== 'True' && observed === 'True') || (needsRetry && observed !== 'True')) {
      if (current.status !== 'True' && observed === 'True') this.nodeStatusChange(node, 'NodeNotReady');
      const failed = markPodsNotReady(
        this.client,
        this.nodeEvents,
        this.pods.byIndex(BY_NODE, name),
        name,
        this.ctx.clock.nowRfc3339(),
      );
      if (failed > 0) {
        this.nodesToRetry.add(name);
        return;
      }
    }
    this.nodesToRetry.delete(name);
  }

  private processTaintBasedEviction(node: KubeObject, observed: string): void {
    const taints = nodeTaints(node);
    const now = this.ctx.clock.nowRfc3339();
    switch (observed) {
      case 'False':
        // Ready flipped from Unknown to False: swap the taint at once, no rate limit.
        if (taintExists(taints, UNREACHABLE_NO_EXECUTE))
          swapNodeTaints(
            this.client,
            node.metadata.name ?? '',
            [NOT_READY_NO_EXECUTE],
            [UNREACHABLE_NO_EXECUTE],
            now,
          );
        else this.markNodeForTainting(node, 'False');
        break;
      case 'Unknown':
        if (taintExists(taints, NOT_READY_NO_EXECUTE))
          swapNodeTaints(
            this.client,
            node.metadata.name ?? '',
            [UNREACHABLE_NO_EXECUTE],
            [NOT_READY_NO_EXECUTE],
            now,
          );
        else this.markNodeForTainting(node, 'Unknown');
        break;
      case 'True':
        this.markNodeAsReachable(node);
        break;
    }
  }

  private markNodeForTainting(node: KubeObject, status: 'False' | 'Unknown'): void {
    const wanted = status === 'False' ? NOT_READY_NO_EXECUTE : UNREACHABLE_NO_EXECUTE;
    // Not tainted yet (or the taint was removed by hand): allow it to be queued again.
    const requeue = !taintExists(nodeTaints(node), wanted);
    this.zones.add(
      zoneKeyOf(node),
      node.metadata.name ?? '',
      node.metadata.uid ?? '',
      this.ctx.clock.now(),
      requeue,
    );
  }

  private markNodeAsReachable(node: KubeObject): void {
    const name = node.metadata.name ?? '';
    const taints = nodeTaints(node);
    if (taintExists(taints, UNREACHABLE_NO_EXECUTE) || taintExists(taints, NOT_READY_NO_EXECUTE)) {
      swapNodeTaints(
        this.client,
        name,
        [],
        [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE],
        this.ctx.clock.nowRfc3339(),
      );
    }
    this.zones.remove(zoneKeyOf(node), name);
  }

  /** doNoExecuteTaintingPass: taints queued nodes as each zone's rate allows. */
  private noExecuteTaintingPass(): void {
    this.taintTimer = undefined;
    const now = this.ctx.clock.now();
    this.zones.tryAll(now, (v) => {
      const node = this.nodes.getByName(undefined, v.value);
      if (!node) return { done: true };
      const ready = nodeCondition(node, 'Ready');
      if (!ready) return { done: false, retryMs: 50 };
      // unreachable and not-ready mirror Ready's status, so they exclude each other.
      let add: Taint;
      let opposite: Taint;
      if (ready.status === 'False') [add, opposite] = [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE];
      else if (ready.status === 'Unknown') [add, opposite] = [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE];
      else return { done: true };
      try {
        return {
          done: swapNodeTaints(this.client, v.value, [add], [opposite], this.ctx.clock.nowRfc3339()),
        };
      } catch {
        return { done: false };
      }
    });
    this.scheduleTaintingPass();
  }

  /** Upstream polls every 100 ms; here the pass runs exactly when a queue can next make progress. */
  private scheduleTaintingPass(): void {
    const now = this.ctx.clock.now();
    const at = this.zones.nextRunAt(now);
    if (at === Infinity) return;
    if (this.taintTimer && this.taintTimer.at <= at) return;
    if (this.taintTimer) this.ctx.clock.cancel(this.taintTimer.handle);
    this.taintTimer = { at, handle: this.ctx.clock.at(at, () => this.noExecuteTaintingPass()) };
  }

  private handleDisruption(
    zoneReady: Map<string, (string | undefined)[]>,
    nodes: readonly KubeObject[],
  ): void {
    const now = this.ctx.clock.now();
    const change = this.zones.update(zoneReady, now);
    if (change === 'enteredFullDisruption') {
      for (const node of nodes) this.markNodeAsReachable(node);
    } else if (change === 'leftFullDisruption') {
      // Every node gets a fresh grace period before anything is tainted again.
      for (const node of nodes) {
        const name = node.metadata.name ?? '';
        const h = this.health.get(name);
        if (h) this.health.set(name, { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
      }
    }
  }

  /** processPod: a pod newly bound to a node that is not Ready is marked not ready too. */
  private processPod(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const pod = this.pods.getByName(namespace, name);
    if (!pod) return;
    const nodeName = podNodeName(pod);
    const health = this.health.get(nodeName);
    if (!health || !this.nodes.getByName(undefined, nodeName)) return;
    const ready = health.savedReady;
    if (!ready || ready.status === 'True') return;
    if (markPodsNotReady(this.client, this.nodeEvents, [pod], nodeName, this.ctx.clock.nowRfc3339()) > 0)
      throw new Error(`unable to mark pod ${key} NotReady`);
  }

  /** doNoScheduleTaintingPass: NoSchedule taints mirror the node's conditions and spec.unschedulable. */
  private noScheduleTaintingPass(nodeName: string): void {
    const node = this.nodes.getByName(undefined, nodeName);
    if (!node) return;
    const wanted: Taint[] = [];
    for (const c of nodeConditions(node)) {
      const key = CONDITION_TAINTS[c.type]?.[c.status];
      if (key) wanted.push({ key, effect: 'NoSchedule' });
    }
    if ((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable)
      wanted.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
    const existing = nodeTaints(node).filter(
      (t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)),
    );
    const add = wanted.filter((w) => !existing.some((e) => matchTaint(e, w)));
    const remove = existing.filter((e) => !wanted.some((w) => matchTaint(e, w)));
    if (add.length === 0 && remove.length === 0) return;
    swapNodeTaints(this.client, nodeName, add, remove, this.ctx.clock.nowRfc3339());
  }

  private nodeEvent(node: KubeObject, reason: string, event: string): void {
    const name = node.metadata.name ?? '';
    this.nodeEvents.event(
      { kind: 'Node', apiVersion: 'v1', name, ...(node.metadata.uid ? { uid: node.metadata.uid } : {}) },
      'Normal',
      reason,
      `Node ${name} event: ${event}`,
    );
  }

  private nodeStatusChange(node: KubeObject, status: string): void {
    const name = node.metadata.name ?? '';
    this.nodeEvents.event(
      { kind: 'Node', apiVersion: 'v1', name, ...(node.metadata.uid ? { uid: node.metadata.uid } : {}) },
      'Normal',
      status,
      `Node ${name} status is now: ${status}`,
    );
  }
}
