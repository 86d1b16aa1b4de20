/**
 * kube-controller-manager's Deployment controller (k/k pkg/controller/deployment/deployment_controller.go).
 *
 * reconcile(`ns/name`) on a working copy of the Deployment: claim ReplicaSets by selector (adopt
 * orphans, release those that stopped matching); then, in upstream's order — being deleted: status
 * only; paused: scale and status only (the Progressing condition says `DeploymentPaused`); a scaling
 * event: proportional scaling; otherwise roll out by the strategy (RollingUpdate or Recreate).
 *
 * Rollback is `kubectl rollout undo`'s: the old ReplicaSet's template is copied back into the
 * Deployment (see `rollbackTo`), after which that ReplicaSet is the "new" one again and gets the next
 * revision. The deprecated `deprecated.deployment.rollback.to` annotation is not acted on.
 */
import { clone } from '../../api/object-meta.ts';
import { selectorFromLabelSelector, type Selector } from '../../api/labels/selector.ts';
import { BY_CONTROLLER_UID, keyOf, type Informer } from '../../client/informer.ts';
import { DEPLOYMENT } from '../../client/client.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { claimObjects } from '../replica-set/controller-ref-manager.ts';
import { OrphanIndex } from '../replica-set/orphan-index.ts';
import { controllerRefOf } from '../replica-set/pod-utils.ts';
import type { Deployment, Pod, ReplicaSet } from '../replica-set/workload-types.ts';
import * as u from './deployment-util.ts';
import { isScalingEvent, sync, syncDeploymentStatus, getAllReplicaSetsAndSyncRevision, writeStatus } from './deployment-sync.ts';
import { rolloutRecreate, rolloutRolling } from './rollout.ts';
import type { PodMap, SyncContext } from './sync-context.ts';

export class DeploymentController extends Controller {
  readonly name = 'deployment-controller';
  private dInformer!: Informer<Deployment>;
  private rsInformer!: Informer<ReplicaSet>;
  private podInformer!: Informer<Pod>;
  private rsOrphans!: OrphanIndex<ReplicaSet>;
  private readonly syncCtx: SyncContext;

  constructor(ctx: ControllerContext) {
    super(ctx, 'deployment-controller');
    this.syncCtx = {
      client: this.client,
      recorder: this.recorder,
      now: () => ctx.clock.now(),
      cachedReplicaSet: (ns, name) => this.rsInformer.getByName(ns, name),
      enqueueAfter: (d, ms) => this.queue.addAfter(keyOf(d), ms),
      enqueueRateLimited: (d) => this.queue.addRateLimited(keyOf(d)),
    };
  }

  start(): void {
    this.dInformer = this.ctx.informers.get<Deployment>('apps', 'deployments');
    this.rsInformer = this.ctx.informers.get<ReplicaSet>('apps', 'replicasets');
    this.podInformer = this.ctx.informers.pods<Pod>();
    this.rsOrphans = new OrphanIndex(this.rsInformer);
    this.dInformer.addHandler({
      onAdd: (d) => this.enqueue(d),
      onUpdate: (_old, d) => this.enqueue(d),
      onDelete: (d) => this.enqueue(d),
    });
    this.rsInformer.addHandler({
      onAdd: (rs) => this.replicaSetChanged(undefined, rs),
      onUpdate: (old, rs) => this.replicaSetChanged(old, rs),
      onDelete: (rs) => this.replicaSetChanged(undefined, rs),
    });
    this.podInformer.addHandler({ onDelete: (pod) => this.podDeleted(pod) });
  }

  // ------------------------------------------------------------------ event handlers

  private resolve(namespace: string | undefined, obj: ReplicaSet | undefined): Deployment | undefined {
    const ref = obj && controllerRefOf(obj);
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.dInformer.getByName(namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  /** Deployments in the ReplicaSet's namespace whose selector matches its labels (for orphans). */
  private matchingDeployments(rs: ReplicaSet): Deployment[] {
    const labels = rs.metadata.labels ?? {};
    if (Object.keys(labels).length === 0) return [];
    return this.dInformer.listIn(rs.metadata.namespace ?? 'default').filter((d) => {
      const sel = selectorOrUndefined(d);
      return !!sel && !sel.isEmpty() && sel.matches(labels);
    });
  }

  private replicaSetChanged(old: ReplicaSet | undefined, rs: ReplicaSet): void {
    const oldOwner = this.resolve(old?.metadata.namespace, old);
    if (oldOwner && controllerRefOf(old!)?.uid !== controllerRefOf(rs)?.uid) this.enqueue(oldOwner);
    const owner = this.resolve(rs.metadata.namespace, rs);
    if (owner) return this.enqueue(owner);
    if (!controllerRefOf(rs)) for (const d of this.matchingDeployments(rs)) this.enqueue(d);
  }

  /** Recreate waits for old pods to be gone entirely: each pod deletion may let it proceed. */
  private podDeleted(pod: Pod): void {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.rsInformer.getByName(pod.metadata.namespace, ref.name);
    const d = rs && rs.metadata.uid === ref.uid ? this.resolve(rs.metadata.namespace, rs) : undefined;
    if (d && d.spec.strategy?.type === 'Recreate') this.enqueue(d);
  }

  // ------------------------------------------------------------------ sync

  reconcile(key: string): ReconcileResult | void {
    const cached = this.dInformer.get(key);
    if (!cached) return;
    const d = clone(cached);
    const ctx = this.syncCtx;
    const selector = selectorOrUndefined(d);
    if (!selector || selector.isEmpty()) {
      this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation! };
        writeStatus(ctx, d);
      }
      return;
    }
    const rsList = this.claimReplicaSets(d, selector);
    const podMap = this.podMap(rsList, selector);
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
      return syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
    }
    this.checkPausedConditions(d);
    if (d.spec.paused) return sync(ctx, d, rsList);
    if (isScalingEvent(ctx, d, rsList)) return sync(ctx, d, rsList);
    if (d.spec.strategy?.type === 'Recreate') return rolloutRecreate(ctx, d, rsList, podMap);
    if (d.spec.strategy?.type === 'RollingUpdate') return rolloutRolling(ctx, d, rsList);
  }

  private claimReplicaSets(d: Deployment, selector: Selector): ReplicaSet[] {
    const namespace = d.metadata.namespace ?? 'default';
    const candidates = [...this.rsInformer.byIndex(BY_CONTROLLER_UID, d.metadata.uid ?? ''), ...this.rsOrphans.list(namespace)];
    return claimObjects<ReplicaSet>(
      {
        client: this.client,
        owner: d,
        ownerApiVersion: 'apps/v1',
        ownerKind: 'Deployment',
        matches: (rs) => selector.matches(rs.metadata.labels ?? {}),
        canAdopt: () => {
          const fresh = this.client.get<Deployment>(DEPLOYMENT, namespace, d.metadata.name ?? '');
          return !!fresh && fresh.metadata.uid === d.metadata.uid && !fresh.metadata.deletionTimestamp;
        },
      },
      candidates,
    );
  }

  private podMap(rsList: readonly ReplicaSet[], selector: Selector): PodMap {
    const map: PodMap = new Map();
    for (const rs of rsList) {
      const uid = rs.metadata.uid ?? '';
      map.set(
        uid,
        this.podInformer.byIndex(BY_CONTROLLER_UID, uid).filter((p) => selector.matches(p.metadata.labels ?? {})),
      );
    }
    return map;
  }

  /** Progressing=Unknown `DeploymentPaused` / `DeploymentResumed`, unless it already timed out. */
  private checkPausedConditions(d: Deployment): void {
    if (!u.hasProgressDeadline(d)) return;
    const cond = u.getCondition(d.status, 'Progressing');
    if (cond?.reason === u.TIMED_OUT_REASON) return;
    const pausedCond = cond?.reason === u.PAUSED_DEPLOY_REASON;
    const now = this.ctx.clock.now();
    const status = (d.status ??= {});
    if (d.spec.paused && !pausedCond) {
      u.setCondition(status, u.newCondition('Progressing', 'Unknown', u.PAUSED_DEPLOY_REASON, 'Deployment is paused', now));
    } else if (!d.spec.paused && pausedCond) {
      u.setCondition(status, u.newCondition('Progressing', 'Unknown', u.RESUMED_DEPLOY_REASON, 'Deployment is resumed', now));
    } else return;
    writeStatus(this.syncCtx, d);
  }
}

function selectorOrUndefined(d: Deployment): Selector | undefined {
  try {
    return selectorFromLabelSelector(d.spec.selector);
  } catch {
    return undefined;
  }
}
