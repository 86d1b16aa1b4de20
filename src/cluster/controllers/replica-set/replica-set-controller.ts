/**
 * kube-controller-manager's ReplicaSet controller (k/k pkg/controller/replicaset/replica_set.go), and the
 * ReplicationController manager built on the same logic with a plain-map selector.
 *
 * reconcile(`ns/name`): claim pods (adopt matching orphans, release owned pods that stopped matching),
 * then — if the expectations of the last sync have been observed and the ReplicaSet is not being
 * deleted — create missing pods in slow-start batches (1, 2, 4, ...; a failed batch stops the rest) or
 * delete surplus pods chosen by the deletion ranking, and always write the status. Pods being deleted
 * or finished do not count.
 *
 * Events: `SuccessfulCreate` `Created pod: <name>`, `SuccessfulDelete` `Deleted pod: <name>`, Warning
 * `FailedCreate` `Error creating: <API error>`, Warning `FailedDelete` `Error deleting: <API error>`.
 */
import type { KubeObject } from '../../api/types.ts';
import { isApiError } from '../../api/errors.ts';
import { clone } from '../../api/object-meta.ts';
import { selectorFromLabelSelector, selectorFromSet, type LabelSelectorLike, type Selector } from '../../api/labels/selector.ts';
import { BY_CONTROLLER_UID, keyOf, type Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { POD } from '../../client/client.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { ControllerExpectations } from './expectations.ts';
import { claimObjects } from './controller-ref-manager.ts';
import { OrphanIndex } from './orphan-index.ts';
import { podsToDelete } from './pod-ranking.ts';
import { controllerRefOf, isPodActive, isPodReady, newControllerRef, podFromTemplate } from './pod-utils.ts';
import { calculateReplicaSetStatus, replicaSetStatusChanged, type ManageError } from './replica-set-status.ts';
import type { Pod, ReplicaSet } from './workload-types.ts';

/** At most this many pods are created or deleted per sync (--replicaset-burst / BurstReplicas). */
export const BURST_REPLICAS = 500;
/** The first slow-start batch (controller.SlowStartInitialBatchSize). */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** What differs between a ReplicaSet and a ReplicationController. */
export interface ReplicaSetKind {
  apiVersion: string;
  kind: string;
  group: string;
  resource: string;
  controllerName: string;
  selectorOf(obj: ReplicaSet): Selector;
}

export const REPLICA_SET_KIND: ReplicaSetKind = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  group: 'apps',
  resource: 'replicasets',
  controllerName: 'replicaset-controller',
  selectorOf: (rs) => selectorFromLabelSelector(rs.spec.selector as LabelSelectorLike | undefined),
};

export const REPLICATION_CONTROLLER_KIND: ReplicaSetKind = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  group: '',
  resource: 'replicationcontrollers',
  controllerName: 'replication-controller',
  selectorOf: (rc) => selectorFromSet(rc.spec.selector as Record<string, string> | undefined),
};

/**
 * Calls `fn` `count` times in batches of 1, 2, 4, ... and stops after the first batch with a failure
 * (slowStartBatch). Returns the successes and the first error.
 */
export function slowStartBatch(count: number, initial: number, fn: () => void): { successes: number; error?: unknown } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initial); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error: unknown;
    let failed = false;
    // Upstream runs a batch concurrently; every call of a batch is attempted even after one fails.
    for (let i = 0; i < batch; i++) {
      try {
        fn();
        successes++;
      } catch (e) {
        if (!failed) error = e;
        failed = true;
      }
    }
    if (failed) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}

function isNamespaceTerminating(e: unknown): boolean {
  if (!isApiError(e)) return false;
  const causes = e.status.details?.causes ?? [];
  return causes.some((c) => c.reason === 'NamespaceTerminating') || (e.code === 403 && (e.status.message ?? '').includes('because it is being terminated'));
}

function errorMessage(e: unknown): string {
  return isApiError(e) ? (e.status.message ?? e.message) : e instanceof Error ? e.message : String(e);
}

export class ReplicaSetController extends Controller {
  readonly name: string;
  readonly expectations: ControllerExpectations;
  protected readonly kind: ReplicaSetKind;
  private rsInformer!: Informer<ReplicaSet>;
  private podInformer!: Informer<Pod>;
  private orphans!: OrphanIndex<Pod>;

  constructor(ctx: ControllerContext, kind: ReplicaSetKind = REPLICA_SET_KIND) {
    super(ctx, kind.controllerName);
    this.name = kind.controllerName;
    this.kind = kind;
    this.expectations = new ControllerExpectations(() => ctx.clock.now());
  }

  start(): void {
    this.rsInformer = this.ctx.informers.get<ReplicaSet>(this.kind.group, this.kind.resource);
    this.podInformer = this.ctx.informers.pods<Pod>();
    this.orphans = new OrphanIndex(this.podInformer);
    this.rsInformer.addHandler({
      onAdd: (rs) => this.enqueue(rs),
      onUpdate: (_old, rs) => this.enqueue(rs),
      onDelete: (rs) => {
        this.expectations.delete(keyOf(rs));
        this.enqueue(rs);
      },
    });
    this.podInformer.addHandler({
      onAdd: (pod) => this.addPod(pod),
      onUpdate: (old, pod) => this.updatePod(old, pod),
      onDelete: (pod) => this.deletePod(pod),
    });
  }

  // ------------------------------------------------------------------ event handlers

  private resolveControllerRef(namespace: string | undefined, pod: Pod): ReplicaSet | undefined {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== this.kind.kind) return undefined;
    const rs = this.rsInformer.getByName(namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** ReplicaSets in the pod's namespace whose selector matches it (for orphans). */
  private matchingReplicaSets(pod: Pod): ReplicaSet[] {
    const labels = pod.metadata.labels ?? {};
    if (Object.keys(labels).length === 0) return [];
    const out: ReplicaSet[] = [];
    for (const rs of this.rsInformer.listIn(pod.metadata.namespace ?? 'default')) {
      try {
        const sel = this.kind.selectorOf(rs);
        if (!sel.isEmpty() && sel.matches(labels)) out.push(rs);
      } catch {
        // An invalid selector matches nothing.
      }
    }
    return out;
  }

  private addPod(pod: Pod): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    if (controllerRefOf(pod)) {
      const rs = this.resolveControllerRef(pod.metadata.namespace, pod);
      if (!rs) return;
      this.expectations.creationObserved(keyOf(rs));
      this.enqueue(rs);
      return;
    }
    for (const rs of this.matchingReplicaSets(pod)) this.enqueue(rs);
  }

  private updatePod(old: Pod, pod: Pod): void {
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    const labelsChanged = JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {});
    if (pod.metadata.deletionTimestamp) {
      // A pod being deleted counts as gone at once, so its replacement is made without waiting out the
      // grace period.
      this.deletePod(pod);
      if (labelsChanged) this.deletePod(old);
      return;
    }
    const oldRef = controllerRefOf(old);
    const ref = controllerRefOf(pod);
    const refChanged = oldRef?.uid !== ref?.uid;
    if (refChanged && oldRef) {
      const oldRs = this.resolveControllerRef(old.metadata.namespace, old);
      if (oldRs) this.enqueue(oldRs);
    }
    if (ref) {
      const rs = this.resolveControllerRef(pod.metadata.namespace, pod);
      if (!rs) return;
      this.enqueue(rs);
      const minReady = rs.spec.minReadySeconds ?? 0;
      // A pod that just became ready becomes available minReadySeconds later: look again then.
      if (!isPodReady(old) && isPodReady(pod) && minReady > 0) this.queue.addAfter(keyOf(rs), minReady * 1000 + 1000);
      return;
    }
    if (labelsChanged || refChanged) for (const rs of this.matchingReplicaSets(pod)) this.enqueue(rs);
  }

  private deletePod(pod: Pod): void {
    const rs = this.resolveControllerRef(pod.metadata.namespace, pod);
    if (!rs) return;
    const key = keyOf(rs);
    this.expectations.deletionObserved(key, keyOf(pod));
    this.enqueue(rs);
  }

  // ------------------------------------------------------------------ sync

  reconcile(key: string): ReconcileResult | void {
    const rs = this.rsInformer.get(key);
    if (!rs) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    let selector: Selector;
    try {
      selector = this.kind.selectorOf(rs);
    } catch {
      return; // an invalid selector: nothing to do until the object changes
    }
    const namespace = rs.metadata.namespace ?? 'default';
    const candidates: Pod[] = [];
    for (const p of this.podInformer.byIndex(BY_CONTROLLER_UID, rs.metadata.uid ?? '')) if (isPodActive(p)) candidates.push(p);
    for (const p of this.orphans.list(namespace)) if (isPodActive(p)) candidates.push(p);
    const pods = claimObjects<Pod>(
      {
        client: this.client,
        owner: rs,
        ownerApiVersion: this.kind.apiVersion,
        ownerKind: this.kind.kind,
        matches: (p) => selector.matches(p.metadata.labels ?? {}),
        canAdopt: () => {
          const fresh = this.client.get<ReplicaSet>(rs, namespace, rs.metadata.name ?? '');
          return !!fresh && fresh.metadata.uid === rs.metadata.uid && !fresh.metadata.deletionTimestamp;
        },
      },
      candidates,
    );

    let manageError: ManageError | undefined;
    let thrown: unknown;
    if (needsSync && !rs.metadata.deletionTimestamp) {
      try {
        this.manageReplicas(key, pods, rs);
      } catch (e) {
        thrown = e;
        manageError = { message: errorMessage(e) };
      }
    }
    const now = this.ctx.clock.now();
    const status = calculateReplicaSetStatus(rs, pods, manageError, now);
    status.observedGeneration = rs.metadata.generation ?? status.observedGeneration;
    if (status.observedGeneration === 0) delete status.observedGeneration;
    let updated = rs;
    if (replicaSetStatusChanged(rs, status)) {
      const next = clone(rs) as ReplicaSet;
      next.status = status;
      updated = this.client.updateStatus(next);
    }
    if (thrown !== undefined) throw thrown;
    const replicas = updated.spec.replicas ?? 1;
    const minReady = updated.spec.minReadySeconds ?? 0;
    // Upstream's last line of defence against clock skew: look again once pods can be available. Virtual
    // time is exact, so a pod ready at a whole second is available only strictly after the interval:
    // one more millisecond makes this look land after it rather than on it.
    if (minReady > 0 && (updated.status?.readyReplicas ?? 0) === replicas && (updated.status?.availableReplicas ?? 0) !== replicas) {
      return { requeueAfter: minReady * 1000 + 1 };
    }
  }

  private manageReplicas(key: string, pods: readonly Pod[], rs: ReplicaSet): void {
    const want = rs.spec.replicas ?? 1;
    let diff = pods.length - want;
    const namespace = rs.metadata.namespace ?? 'default';
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, diff);
      const ref = newControllerRef(rs, this.kind.apiVersion, this.kind.kind);
      const { successes, error } = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => this.createPod(rs, namespace, ref));
      // Pods never attempted (or that failed) will not be observed: stop expecting them.
      for (let i = successes; i < diff; i++) this.expectations.creationObserved(key);
      if (error !== undefined) throw error;
      return;
    }
    if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      const victims = podsToDelete(pods, this.relatedPods(rs), diff, this.ctx.clock.now());
      this.expectations.expectDeletions(key, victims.map((p) => keyOf(p)));
      let firstError: unknown;
      for (const pod of victims) {
        try {
          if (!this.deletePodOf(rs, pod)) this.expectations.deletionObserved(key, keyOf(pod));
        } catch (e) {
          // The informer will not see this deletion: stop expecting it.
          this.expectations.deletionObserved(key, keyOf(pod));
          firstError ??= e;
        }
      }
      if (firstError !== undefined) throw firstError;
    }
  }

  private createPod(rs: ReplicaSet, namespace: string, ref: ReturnType<typeof newControllerRef>): void {
    const template = rs.spec.template ?? {};
    if (Object.keys(template.metadata?.labels ?? {}).length === 0) throw new Error('unable to create pods, no labels');
    const pod = podFromTemplate(template, namespace, rs.metadata.name ?? '', ref);
    let created: KubeObject;
    try {
      created = this.client.create(pod);
    } catch (e) {
      // In a terminating namespace every create fails; there is nothing to report.
      if (isNamespaceTerminating(e)) return;
      this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(e)}`);
      throw e;
    }
    this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }

  /** Deletes one pod; false when it was already gone (no event, as upstream). */
  private deletePodOf(rs: ReplicaSet, pod: Pod): boolean {
    const name = pod.metadata.name ?? '';
    let res: KubeObject | undefined;
    try {
      res = this.client.delete(POD, pod.metadata.namespace, name);
    } catch (e) {
      this.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(e)}`);
      throw new Error(`unable to delete pods: ${errorMessage(e)}`, { cause: e });
    }
    if (!res) return false;
    this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
    return true;
  }

  /** Pods of every ReplicaSet controlled by the same owner as `rs` (getIndirectlyRelatedPods). */
  private relatedPods(rs: ReplicaSet): Pod[] {
    const owner = controllerRefOf(rs);
    const siblings = owner ? this.rsInformer.byIndex(BY_CONTROLLER_UID, owner.uid) : [rs];
    const out: Pod[] = [];
    const seen = new Set<string>();
    for (const s of siblings) {
      for (const p of this.podInformer.byIndex(BY_CONTROLLER_UID, s.metadata.uid ?? '')) {
        const uid = p.metadata.uid ?? '';
        if (seen.has(uid)) continue;
        seen.add(uid);
        out.push(p);
      }
    }
    return out;
  }
}

/** kube-controller-manager's ReplicationController manager: the ReplicaSet logic over core/v1. */
export class ReplicationManager extends ReplicaSetController {
  constructor(ctx: ControllerContext) {
    super(ctx, REPLICATION_CONTROLLER_KIND);
  }
}
