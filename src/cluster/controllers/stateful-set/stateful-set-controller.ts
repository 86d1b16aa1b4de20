/**
 * kube-controller-manager's StatefulSet controller (`statefulset-controller`, k/k
 * pkg/controller/statefulset/stateful_set.go): claims member pods (name `<set>-<n>` and selector),
 * keeps the ControllerRevision history (`<set>-<hash>`), runs one sync (stateful-set-sync.ts) and
 * writes the status. Like upstream it keeps no expectations: pod names are fixed, so a second create
 * is an AlreadyExists that is silently ignored.
 */
import { clone, jsonEqual } from '../../api/object-meta.ts';
import { selectorFromLabelSelector, type Selector } from '../../api/labels/selector.ts';
import { BY_CONTROLLER_UID, keyOf, type Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { claimObjects } from '../replica-set/controller-ref-manager.ts';
import { OrphanIndex } from '../replica-set/orphan-index.ts';
import { controllerRefOf, isPodReady, newControllerRef } from '../replica-set/pod-utils.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import {
  createControllerRevision,
  equalRevision,
  newControllerRevision,
  nextRevision,
  revisionTemplate,
  sortRevisions,
  templatePatch,
  truncateHistory,
  updateRevisionNumber,
  type ControllerRevision,
} from '../history/controller-revision.ts';
import { StatefulPodControl } from './stateful-pod-control.ts';
import { isMemberOf, podRevision, type PersistentVolumeClaim, type StatefulSet } from './stateful-pod.ts';
import { syncStatefulSet } from './stateful-set-sync.ts';

export const STATEFUL_SET_CONTROLLER = 'statefulset-controller';

export class StatefulSetController extends Controller {
  readonly name = STATEFUL_SET_CONTROLLER;
  private sets!: Informer<StatefulSet>;
  private pods!: Informer<Pod>;
  private revisions!: Informer<ControllerRevision>;
  private orphans!: OrphanIndex<Pod>;
  private control!: StatefulPodControl;

  constructor(ctx: ControllerContext) {
    super(ctx, STATEFUL_SET_CONTROLLER);
  }

  start(): void {
    this.sets = this.ctx.informers.get<StatefulSet>('apps', 'statefulsets');
    this.pods = this.ctx.informers.pods<Pod>();
    this.revisions = this.ctx.informers.get<ControllerRevision>('apps', 'controllerrevisions');
    const pvcs = this.ctx.informers.get<PersistentVolumeClaim>('', 'persistentvolumeclaims');
    this.orphans = new OrphanIndex(this.pods);
    this.control = new StatefulPodControl(this.client, this.recorder, pvcs);
    this.sets.addHandler({ onAdd: (s) => this.enqueue(s), onUpdate: (_o, s) => this.enqueue(s), onDelete: (s) => this.enqueue(s) });
    this.pods.addHandler({
      onAdd: (p) => this.podChanged(p),
      onUpdate: (old, p) => {
        if (old.metadata.resourceVersion === p.metadata.resourceVersion) return;
        if (controllerRefOf(old)?.uid !== controllerRefOf(p)?.uid) this.podChanged(old);
        this.podChanged(p);
        const set = this.ownerOf(p);
        const minReady = set?.spec.minReadySeconds ?? 0;
        // A pod that just became ready becomes available minReadySeconds later: look again then.
        if (set && minReady > 0 && !isPodReady(old) && isPodReady(p)) this.queue.addAfter(keyOf(set), minReady * 1000 + 1);
      },
      onDelete: (p) => this.podChanged(p),
    });
  }

  private ownerOf(pod: Pod): StatefulSet | undefined {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== 'StatefulSet') return undefined;
    const set = this.sets.getByName(pod.metadata.namespace, ref.name);
    return set && set.metadata.uid === ref.uid ? set : undefined;
  }

  private podChanged(pod: Pod): void {
    const owner = this.ownerOf(pod);
    if (owner) return this.enqueue(owner);
    if (controllerRefOf(pod)) return;
    // An orphan: every set whose selector matches may adopt it (getPodStatefulSets).
    for (const set of this.sets.listIn(pod.metadata.namespace ?? 'default')) {
      const sel = safeSelector(set);
      if (sel && !sel.isEmpty() && sel.matches(pod.metadata.labels ?? {})) this.enqueue(set);
    }
  }

  reconcile(key: string): ReconcileResult | void {
    const set = this.sets.get(key);
    if (!set) return;
    const selector = safeSelector(set);
    if (!selector || selector.isEmpty()) return; // an invalid or empty selector selects nothing
    const namespace = set.metadata.namespace ?? 'default';
    const candidates = [...this.pods.byIndex(BY_CONTROLLER_UID, set.metadata.uid ?? ''), ...this.orphans.list(namespace)];
    const pods = claimObjects<Pod>(
      {
        client: this.client,
        owner: set,
        ownerApiVersion: 'apps/v1',
        ownerKind: 'StatefulSet',
        matches: (p) => isMemberOf(set, p) && selector.matches(p.metadata.labels ?? {}),
        canAdopt: () => {
          const fresh = this.client.get<StatefulSet>(set, namespace, set.metadata.name ?? '');
          return !!fresh && fresh.metadata.uid === set.metadata.uid && !fresh.metadata.deletionTimestamp;
        },
      },
      candidates,
    );
    const owned = this.revisions.byIndex(BY_CONTROLLER_UID, set.metadata.uid ?? '');
    const { current, update, collisionCount } = this.syncRevisions(set, owned);
    const controllerRef = newControllerRef(set, 'apps/v1', 'StatefulSet');
    let status;
    let thrown: unknown;
    try {
      status = syncStatefulSet(
        { set, pods, currentRevision: current.metadata.name ?? '', updateRevision: update.metadata.name ?? '', currentTemplate: revisionTemplate(current), collisionCount, controllerRef, nowMs: this.ctx.clock.now() },
        this.control,
        this.recorder,
      );
    } catch (e) {
      thrown = e;
    }
    if (status && !jsonEqual(set.status ?? {}, status)) {
      const next = clone(set);
      next.status = status;
      this.client.updateStatus(next);
    }
    if (thrown !== undefined) throw thrown;
    // truncateHistory: revisions in use by a pod, the current and the update revision stay.
    const live = new Set<string>([current.metadata.name ?? '', update.metadata.name ?? '', ...pods.map(podRevision)]);
    truncateHistory(this.client, this.revisions.byIndex(BY_CONTROLLER_UID, set.metadata.uid ?? ''), live, set.spec.revisionHistoryLimit ?? 10);
    const minReady = set.spec.minReadySeconds ?? 0;
    if (status && minReady > 0 && (status.readyReplicas ?? 0) !== (status.availableReplicas ?? 0)) return { requeueAfter: minReady * 1000 + 1 };
  }

  /**
   * The current and update revisions (getStatefulSetRevisions): the update revision is the set's
   * template — the newest revision when equal, an older equal one renumbered (a roll back), or a new
   * one; the current revision is the one status names, or the update revision for a new set.
   */
  private syncRevisions(set: StatefulSet, owned: readonly ControllerRevision[]): { current: ControllerRevision; update: ControllerRevision; collisionCount: number } {
    const revisions = sortRevisions(owned);
    let collisionCount = set.status?.collisionCount ?? 0;
    const ref = newControllerRef(set, 'apps/v1', 'StatefulSet');
    const candidate = newControllerRevision(set, ref, set.spec.template?.metadata?.labels, templatePatch(set.spec.template), nextRevision(revisions), collisionCount);
    const equal = revisions.filter((r) => equalRevision(r, candidate));
    const last = revisions[revisions.length - 1];
    let update: ControllerRevision;
    if (equal.length > 0 && equalRevision(last, equal[equal.length - 1])) update = last!;
    else if (equal.length > 0) update = updateRevisionNumber(this.client, equal[equal.length - 1]!, candidate.revision);
    else ({ revision: update, collisionCount } = createControllerRevision(this.client, set, candidate, collisionCount));
    const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
    return { current, update, collisionCount };
  }
}

function safeSelector(set: StatefulSet): Selector | undefined {
  try {
    return selectorFromLabelSelector(set.spec.selector);
  } catch {
    return undefined;
  }
}
