/**
 * kube-controller-manager's DaemonSet controller (`daemonset-controller`, k/k
 * pkg/controller/daemon): one pod per node that should run it (daemon-pod.ts), created pinned to its
 * node by a required node affinity and placed by the scheduler; extra, misplaced and failed pods
 * deleted; RollingUpdate (rolling-update.ts) or OnDelete; ControllerRevisions `<ds>-<hash>` whose hash
 * is also the pods' `controller-revision-hash` label; status (daemon-set-status.ts).
 *
 * Events: `SuccessfulCreate` `Created pod: <name>`, `SuccessfulDelete` `Deleted pod: <name>`, Warning
 * `FailedCreate` `Error creating: <err>`, Warning `FailedDaemonPod`
 * `Found failed daemon pod <ns>/<name> on node <node>, will try to kill it`.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { KubeObject } from '../../api/types.ts';
import { clone, jsonEqual } from '../../api/object-meta.ts';
import { isApiError } from '../../api/errors.ts';
import { selectorFromLabelSelector, type Selector } from '../../api/labels/selector.ts';
import { POD } from '../../client/client.ts';
import { BY_CONTROLLER_UID, keyOf, type Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { claimObjects } from '../replica-set/controller-ref-manager.ts';
import { ControllerExpectations } from '../replica-set/expectations.ts';
import { OrphanIndex } from '../replica-set/orphan-index.ts';
import { controllerRefOf, isPodAvailable, isPodReady, newControllerRef } from '../replica-set/pod-utils.ts';
import { slowStartBatch, SLOW_START_INITIAL_BATCH_SIZE } from '../replica-set/replica-set-controller.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { computeHash } from '../deployment/pod-template-hash.ts';
import { CONTROLLER_REVISION, nextRevision, templatePatch, truncateHistory, type ControllerRevision } from '../history/controller-revision.ts';
import { newDaemonPod, nodeShouldRunDaemonPod, REVISION_HASH_LABEL, targetNodeName, templateGeneration, type DaemonSet } from './daemon-pod.ts';
import { byCreation, calculateDaemonSetStatus } from './daemon-set-status.ts';
import { rollingUpdateStep } from './rolling-update.ts';

export const DAEMON_SET_CONTROLLER = 'daemonset-controller';

function errText(e: unknown): string {
  return isApiError(e) ? (e.status.message ?? e.message) : e instanceof Error ? e.message : String(e);
}

export class DaemonSetController extends Controller {
  readonly name = DAEMON_SET_CONTROLLER;
  readonly expectations: ControllerExpectations;
  private sets!: Informer<DaemonSet>;
  private pods!: Informer<Pod>;
  private nodes!: Informer<KubeObject>;
  private revisions!: Informer<ControllerRevision>;
  private orphans!: OrphanIndex<Pod>;

  constructor(ctx: ControllerContext) {
    super(ctx, DAEMON_SET_CONTROLLER);
    this.expectations = new ControllerExpectations(() => ctx.clock.now());
  }

  start(): void {
    this.sets = this.ctx.informers.get<DaemonSet>('apps', 'daemonsets');
    this.pods = this.ctx.informers.pods<Pod>();
    this.nodes = this.ctx.informers.nodes();
    this.revisions = this.ctx.informers.get<ControllerRevision>('apps', 'controllerrevisions');
    this.orphans = new OrphanIndex(this.pods);
    this.sets.addHandler({
      onAdd: (ds) => this.enqueue(ds),
      onUpdate: (_o, ds) => this.enqueue(ds),
      onDelete: (ds) => {
        this.expectations.delete(keyOf(ds));
        this.enqueue(ds);
      },
    });
    this.pods.addHandler({
      onAdd: (p) => {
        const ds = this.ownerOf(p);
        if (ds && !p.metadata.deletionTimestamp) this.expectations.creationObserved(keyOf(ds));
        this.podChanged(p);
      },
      onUpdate: (old, p) => {
        if (old.metadata.resourceVersion === p.metadata.resourceVersion) return;
        const ds = this.ownerOf(p);
        if (ds && p.metadata.deletionTimestamp) this.expectations.deletionObserved(keyOf(ds), keyOf(p));
        if (controllerRefOf(old)?.uid !== controllerRefOf(p)?.uid) this.podChanged(old);
        this.podChanged(p);
        const minReady = ds?.spec.minReadySeconds ?? 0;
        if (ds && minReady > 0 && !isPodReady(old) && isPodReady(p)) this.queue.addAfter(keyOf(ds), minReady * 1000 + 1);
      },
      onDelete: (p) => {
        const ds = this.ownerOf(p);
        if (ds) this.expectations.deletionObserved(keyOf(ds), keyOf(p));
        this.podChanged(p);
      },
    });
    // A node joining, leaving or changing labels or taints can change where every DaemonSet runs.
    this.nodes.addHandler({
      onAdd: () => this.enqueueAll(),
      onUpdate: (o, n) => {
        if (!jsonEqual(o.metadata.labels ?? {}, n.metadata.labels ?? {}) || !jsonEqual(o.spec ?? {}, n.spec ?? {})) this.enqueueAll();
      },
      onDelete: () => this.enqueueAll(),
    });
  }

  private enqueueAll(): void {
    for (const ds of this.sets.list()) this.enqueue(ds);
  }

  private ownerOf(pod: Pod): DaemonSet | undefined {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== 'DaemonSet') return undefined;
    const ds = this.sets.getByName(pod.metadata.namespace, ref.name);
    return ds && ds.metadata.uid === ref.uid ? ds : undefined;
  }

  private podChanged(pod: Pod): void {
    const owner = this.ownerOf(pod);
    if (owner) return this.enqueue(owner);
    if (controllerRefOf(pod)) return;
    for (const ds of this.sets.listIn(pod.metadata.namespace ?? 'default')) {
      const sel = safeSelector(ds);
      if (sel && !sel.isEmpty() && sel.matches(pod.metadata.labels ?? {})) this.enqueue(ds);
    }
  }

  reconcile(key: string): ReconcileResult | void {
    const ds = this.sets.get(key);
    if (!ds) {
      this.expectations.delete(key);
      return;
    }
    const selector = safeSelector(ds);
    if (!selector || selector.isEmpty()) return;
    const namespace = ds.metadata.namespace ?? 'default';
    const pods = claimObjects<Pod>(
      {
        client: this.client,
        owner: ds,
        ownerApiVersion: 'apps/v1',
        ownerKind: 'DaemonSet',
        matches: (p) => selector.matches(p.metadata.labels ?? {}),
        canAdopt: () => {
          const fresh = this.client.get<DaemonSet>(ds, namespace, ds.metadata.name ?? '');
          return !!fresh && fresh.metadata.uid === ds.metadata.uid && !fresh.metadata.deletionTimestamp;
        },
      },
      [...this.pods.byIndex(BY_CONTROLLER_UID, ds.metadata.uid ?? ''), ...this.orphans.list(namespace)],
    );
    const nodes = this.nodes.list() as unknown as INode[];
    const nowMs = this.ctx.clock.now();
    const generation = templateGeneration(ds);
    const hash = ds.metadata.deletionTimestamp ? computeHash(ds.spec.template ?? {}, ds.status?.collisionCount) : this.constructHistory(ds);
    let thrown: unknown;
    if (!ds.metadata.deletionTimestamp && this.expectations.satisfied(key)) {
      try {
        this.manage(ds, key, nodes, pods, hash, generation, nowMs);
        this.cleanupHistory(ds, pods, hash);
      } catch (e) {
        thrown = e;
      }
    }
    const status = calculateDaemonSetStatus(ds, nodes, nodeToPods(pods), hash, generation, ds.status?.collisionCount, nowMs);
    if (!jsonEqual(ds.status ?? {}, status)) {
      const next = clone(ds);
      next.status = status;
      this.client.updateStatus(next);
    }
    if (thrown !== undefined) throw thrown;
    const minReady = ds.spec.minReadySeconds ?? 0;
    if (minReady > 0 && status.numberReady !== (status.numberAvailable ?? 0)) return { requeueAfter: minReady * 1000 + 1 };
  }

  /** Deletes extra and misplaced pods, creates missing ones, then takes one rolling update step. */
  private manage(ds: DaemonSet, key: string, nodes: readonly INode[], pods: readonly Pod[], hash: string, generation: string | undefined, nowMs: number): void {
    const byNode = nodeToPods(pods);
    const nodesNeeding: string[] = [];
    const toDelete: Pod[] = [];
    const surge = ds.spec.updateStrategy?.type === 'RollingUpdate' && rollingSurge(ds);
    for (const node of nodes) {
      const name = node.metadata?.name ?? '';
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
      const here = byNode.get(name) ?? [];
      if (shouldRun && here.length === 0) {
        nodesNeeding.push(name);
        continue;
      }
      if (!shouldContinueRunning) {
        for (const p of here) if (!p.metadata.deletionTimestamp) toDelete.push(p);
        continue;
      }
      const running: Pod[] = [];
      for (const p of here) {
        if (p.metadata.deletionTimestamp) continue;
        if (p.status?.phase === 'Failed') {
          this.recorder.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to kill it`);
          toDelete.push(p);
        } else if (p.status?.phase !== 'Succeeded') running.push(p);
      }
      running.sort(byCreation);
      if (!surge) {
        toDelete.push(...running.slice(1));
        if (running.length === 0 && shouldRun) nodesNeeding.push(name);
        continue;
      }
      if (running.length <= 1) {
        if (running.length === 0 && shouldRun) nodesNeeding.push(name);
        continue;
      }
      // Surge allows a new pod beside the oldest old one until the new one is available.
      let oldestNew: Pod | undefined;
      let oldestOld: Pod | undefined;
      for (const p of running) {
        const updated = p.metadata.labels?.[REVISION_HASH_LABEL] === hash;
        if (updated && !oldestNew) oldestNew = p;
        else if (!updated && !oldestOld) oldestOld = p;
        else toDelete.push(p);
      }
      if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, nowMs))) toDelete.push(oldestOld);
    }
    // A pod pinned to a node that no longer exists will never be scheduled: only this controller can remove it.
    const existing = new Set(nodes.map((n) => n.metadata?.name ?? ''));
    for (const p of pods) if (!p.spec?.nodeName && !p.metadata.deletionTimestamp && !existing.has(targetNodeName(p) ?? '')) toDelete.push(p);

    if (nodesNeeding.length === 0 && toDelete.length === 0 && ds.spec.updateStrategy?.type === 'RollingUpdate') {
      const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
      const step = rollingUpdateStep(ds, byNode, desired, hash, generation, nowMs);
      nodesNeeding.push(...step.nodesToCreate);
      toDelete.push(...step.oldPodsToDelete);
    }
    this.syncNodes(ds, key, toDelete, nodesNeeding, hash);
  }

  /** Creates pods (slow start) and deletes pods, with expectations (syncNodes). */
  private syncNodes(ds: DaemonSet, key: string, toDelete: readonly Pod[], nodesNeeding: readonly string[], hash: string): void {
    if (toDelete.length === 0 && nodesNeeding.length === 0) return;
    this.expectations.expectCreations(key, nodesNeeding.length);
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    let i = 0;
    let firstError: unknown;
    const { successes, error } = slowStartBatch(nodesNeeding.length, SLOW_START_INITIAL_BATCH_SIZE, () => {
      const node = nodesNeeding[i++]!;
      const pod = newDaemonPod(ds, ds.spec.template ?? {}, node, hash, ref);
      try {
        const created = this.client.create(pod);
        this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      } catch (e) {
        this.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${errText(e)}`);
        throw e;
      }
    });
    for (let k = successes; k < nodesNeeding.length; k++) this.expectations.creationObserved(key);
    firstError = error;
    // Deletions are tracked separately so that create expectations are kept.
    const deleteKeys = toDelete.map((p) => keyOf(p));
    const pending = this.expectations.pending(key);
    if (deleteKeys.length > 0 && (pending?.add ?? 0) <= 0) this.expectations.expectDeletions(key, deleteKeys);
    for (const p of toDelete) {
      try {
        const res = this.client.delete(POD, p.metadata.namespace, p.metadata.name ?? '');
        if (res) this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
        else this.expectations.deletionObserved(key, keyOf(p));
      } catch (e) {
        this.expectations.deletionObserved(key, keyOf(p));
        this.recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${errText(e)}`);
        firstError ??= e;
      }
    }
    if (firstError !== undefined) throw firstError;
  }

  /**
   * The current revision's hash (constructHistory): the revision whose data is the template, made when
   * missing (`<ds>-<hash>`, labelled with the template's labels and the hash) and renumbered to be the
   * newest. A different revision under the same name is a hash collision: collisionCount goes up.
   */
  private constructHistory(ds: DaemonSet): string {
    const owned = this.revisions.byIndex(BY_CONTROLLER_UID, ds.metadata.uid ?? '');
    const data = templatePatch(ds.spec.template);
    const cur = owned.filter((r) => jsonEqual(r.data, data));
    const old = owned.filter((r) => !jsonEqual(r.data, data));
    const want = nextRevision(old);
    if (cur.length > 0) {
      const keep = cur.reduce((a, b) => (b.revision > a.revision ? b : a));
      for (const dup of cur) if (dup !== keep) this.client.delete(CONTROLLER_REVISION, dup.metadata.namespace, dup.metadata.name ?? '');
      if (keep.revision < want) {
        const next = clone(keep);
        next.revision = want;
        this.client.update(next);
      }
      return keep.metadata.labels?.[REVISION_HASH_LABEL] ?? computeHash(ds.spec.template ?? {}, ds.status?.collisionCount);
    }
    const hash = computeHash(ds.spec.template ?? {}, ds.status?.collisionCount);
    const rev: ControllerRevision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${ds.metadata.name}-${hash}`,
        namespace: ds.metadata.namespace ?? 'default',
        labels: { ...(ds.spec.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
        ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [newControllerRef(ds, 'apps/v1', 'DaemonSet')],
      },
      data,
      revision: want,
    };
    try {
      this.client.create(rev);
    } catch (e) {
      if (!(isApiError(e) && e.code === 409)) throw e;
      const existing = this.client.get<ControllerRevision>(CONTROLLER_REVISION, rev.metadata.namespace, rev.metadata.name ?? '');
      if (!existing || !jsonEqual(existing.data, data)) {
        const next = clone(ds);
        next.status = { ...(next.status ?? { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }), collisionCount: (ds.status?.collisionCount ?? 0) + 1 };
        this.client.updateStatus(next);
        throw new Error(`found a stale hash collision for DaemonSet ${ds.metadata.name}`, { cause: e });
      }
    }
    return hash;
  }

  /** Keeps revisionHistoryLimit revisions no pod runs (cleanupHistory). */
  private cleanupHistory(ds: DaemonSet, pods: readonly Pod[], hash: string): void {
    const owned = this.revisions.byIndex(BY_CONTROLLER_UID, ds.metadata.uid ?? '');
    const liveHashes = new Set([hash, ...pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL] ?? '')]);
    const live = new Set(owned.filter((r) => liveHashes.has(r.metadata.labels?.[REVISION_HASH_LABEL] ?? '')).map((r) => r.metadata.name ?? ''));
    truncateHistory(this.client, owned, live, ds.spec.revisionHistoryLimit ?? 10);
  }
}

function rollingSurge(ds: DaemonSet): boolean {
  const s = ds.spec.updateStrategy?.rollingUpdate?.maxSurge;
  return s !== undefined && s !== 0 && s !== '0%' && s !== '0';
}

/** Pods by the node they are on or meant for, finished pods being deleted left out (getNodesToDaemonPods). */
function nodeToPods(pods: readonly Pod[]): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  for (const p of pods) {
    const terminal = p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';
    if (terminal && p.metadata.deletionTimestamp) continue;
    const node = targetNodeName(p);
    if (!node) continue;
    let list = out.get(node);
    if (!list) out.set(node, (list = []));
    list.push(p);
  }
  return out;
}

function safeSelector(ds: DaemonSet): Selector | undefined {
  try {
    return selectorFromLabelSelector(ds.spec.selector);
  } catch {
    return undefined;
  }
}
