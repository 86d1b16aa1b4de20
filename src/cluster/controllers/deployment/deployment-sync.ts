/**
 * The shared steps of a Deployment sync (k/k pkg/controller/deployment/sync.go): find or create the new
 * ReplicaSet and keep revisions in step, scale proportionally on a scaling event or while paused, clean
 * up old ReplicaSets beyond revisionHistoryLimit, and compute and write the status.
 *
 * `d` is the controller's working copy of the Deployment: steps update its status and annotations in
 * place and keep its resourceVersion current after each write.
 */
import { clone, jsonEqual } from '../../api/object-meta.ts';
import { isApiError } from '../../api/errors.ts';
import { REPLICA_SET } from '../../client/client.ts';
import { newControllerRef } from '../replica-set/pod-utils.ts';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../replica-set/workload-types.ts';
import * as u from './deployment-util.ts';
import { computeHash, POD_TEMPLATE_HASH_LABEL } from './pod-template-hash.ts';
import type { SyncContext } from './sync-context.ts';

/** Writes the working copy's status (and annotations) and keeps its resourceVersion current. */
export function writeStatus(ctx: SyncContext, d: Deployment): void {
  const res = ctx.client.updateStatus(d);
  d.metadata.resourceVersion = res.metadata.resourceVersion;
}

/**
 * The new ReplicaSet (created when `create` and missing) and all the old ones, with the new one's
 * revision raised above every old one and copied to the Deployment (getAllReplicaSetsAndSyncRevision).
 */
export function getAllReplicaSetsAndSyncRevision(ctx: SyncContext, d: Deployment, rsList: readonly ReplicaSet[], create: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const oldRSs = u.findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(ctx, d, rsList, oldRSs, create);
  return { newRS, oldRSs };
}

function getNewReplicaSet(ctx: SyncContext, d: Deployment, rsList: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], create: boolean): ReplicaSet | undefined {
  const existing = u.findNewReplicaSet(d, rsList);
  const newRevision = u.maxRevision(oldRSs) + 1;
  const now = ctx.now();
  if (existing) {
    const rsCopy = clone(existing);
    const annotationsUpdated = u.setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReadyChanged = (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyChanged) {
      if (d.spec.minReadySeconds === undefined) delete rsCopy.spec.minReadySeconds;
      else rsCopy.spec.minReadySeconds = d.spec.minReadySeconds;
      return ctx.client.update(rsCopy);
    }
    let needsUpdate = u.setDeploymentRevision(d, rsCopy.metadata.annotations?.[u.REVISION_ANNOTATION] ?? '');
    const status = (d.status ??= {});
    if (u.hasProgressDeadline(d) && !u.getCondition(status, 'Progressing')) {
      u.setCondition(status, u.newCondition('Progressing', 'True', u.FOUND_NEW_RS_REASON, `Found new replica set "${rsCopy.metadata.name}"`, now));
      needsUpdate = true;
    }
    if (needsUpdate) writeStatus(ctx, d);
    return rsCopy;
  }
  if (!create) return undefined;

  const namespace = d.metadata.namespace ?? 'default';
  const template = clone(d.spec.template ?? {});
  const hash = computeHash(d.spec.template ?? {}, d.status?.collisionCount);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
  const selector = clone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
    },
    spec: { replicas: 0, ...(d.spec.minReadySeconds !== undefined ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template },
  };
  const replicas = u.newRSNewReplicas(d, [...oldRSs, rs], rs);
  rs.spec.replicas = replicas;
  u.setNewReplicaSetAnnotations(d, rs, newRevision, false);

  let createdRS: ReplicaSet;
  let alreadyExists = false;
  try {
    createdRS = ctx.client.create(rs);
  } catch (e) {
    if (isApiError(e) && e.code === 409 && e.reason === 'AlreadyExists') {
      const found = ctx.cachedReplicaSet(namespace, rs.metadata.name!) ?? ctx.client.get<ReplicaSet>(REPLICA_SET, namespace, rs.metadata.name!);
      if (!found) throw e;
      const ref = found.metadata.ownerReferences?.find((r) => r.controller);
      if (ref && ref.uid === d.metadata.uid && u.equalIgnoreHash(d.spec.template, found.spec.template)) {
        createdRS = found;
        alreadyExists = true;
      } else {
        // A hash collision: bump collisionCount so the next sync hashes differently.
        const status = (d.status ??= {});
        status.collisionCount = (status.collisionCount ?? 0) + 1;
        writeStatus(ctx, d);
        throw e;
      }
    } else {
      const terminating = isApiError(e) && e.code === 403 && (e.status.message ?? '').includes('because it is being terminated');
      if (terminating) throw e;
      const message = `Failed to create new replica set "${rs.metadata.name}": ${isApiError(e) ? e.status.message : String(e)}`;
      if (u.hasProgressDeadline(d)) {
        u.setCondition((d.status ??= {}), u.newCondition('Progressing', 'False', u.FAILED_RS_CREATE_REASON, message, now));
        try {
          writeStatus(ctx, d);
        } catch {
          // The bigger problem is reported below.
        }
      }
      ctx.recorder.event(d, 'Warning', u.FAILED_RS_CREATE_REASON, message);
      throw e;
    }
  }
  if (!alreadyExists && replicas > 0) {
    ctx.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${createdRS.metadata.name} from 0 to ${replicas}`);
  }
  let needsUpdate = u.setDeploymentRevision(d, String(newRevision));
  if (!alreadyExists && u.hasProgressDeadline(d)) {
    u.setCondition((d.status ??= {}), u.newCondition('Progressing', 'True', u.NEW_REPLICA_SET_REASON, `Created new replica set "${createdRS.metadata.name}"`, now));
    needsUpdate = true;
  }
  if (needsUpdate) writeStatus(ctx, d);
  return createdRS;
}

/**
 * Scales `rs` to `newScale` and refreshes its replica annotations, recording `ScalingReplicaSet`
 * `Scaled up|down replica set <rs> from <old> to <new>`. Returns the stored ReplicaSet.
 */
export function scaleReplicaSet(ctx: SyncContext, rs: ReplicaSet, newScale: number, d: Deployment, operation?: 'up' | 'down'): { scaled: boolean; rs: ReplicaSet } {
  const oldScale = rs.spec.replicas ?? 0;
  const sizeNeedsUpdate = oldScale !== newScale;
  const desired = u.replicasOf(d);
  const max = desired + u.maxSurge(d);
  if (!sizeNeedsUpdate && !u.replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const copy = clone(rs);
  copy.spec.replicas = newScale;
  u.setReplicasAnnotations(copy, desired, max);
  const updated = ctx.client.update(copy);
  if (sizeNeedsUpdate) {
    const op = operation ?? (oldScale < newScale ? 'up' : 'down');
    ctx.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`);
  }
  return { scaled: sizeNeedsUpdate, rs: updated };
}

/** scaleReplicaSetAndRecordEvent: nothing to do when the size is already right. */
export function scaleReplicaSetAndRecordEvent(ctx: SyncContext, rs: ReplicaSet, newScale: number, d: Deployment): { scaled: boolean; rs: ReplicaSet } {
  if ((rs.spec.replicas ?? 0) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(ctx, rs, newScale, d);
}

/**
 * Scaling on a resize or while paused (sync.go scale): one active ReplicaSet takes the whole count; a
 * saturated new ReplicaSet sends the old ones to 0; otherwise, in a rolling update, the extra (or
 * missing) replicas are shared out proportionally, the largest ReplicaSet taking the leftovers.
 */
export function scale(ctx: SyncContext, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): void {
  const replicas = u.replicasOf(d);
  const activeOrLatest = u.findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if ((activeOrLatest.spec.replicas ?? 0) === replicas) return;
    scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, replicas, d);
    return;
  }
  if (u.isSaturated(d, newRS)) {
    for (const old of u.activeReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(ctx, old, 0, d);
    return;
  }
  if (!u.isRollingUpdate(d)) return;
  const all = u.activeReplicaSets([...oldRSs, newRS]);
  const allReplicas = u.specReplicaCount(all);
  const allowed = replicas > 0 ? replicas + u.maxSurge(d) : 0;
  const toAdd = allowed - allReplicas;
  let operation: 'up' | 'down' | undefined;
  if (toAdd > 0) {
    all.sort(u.bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    all.sort(u.bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<ReplicaSet, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = u.proportion(rs, d, toAdd, added);
      sizes.set(rs, (rs.spec.replicas ?? 0) + p);
      added += p;
    } else sizes.set(rs, rs.spec.replicas ?? 0);
  }
  all.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) sizes.set(rs, Math.max(0, sizes.get(rs)! + toAdd - added));
    scaleReplicaSet(ctx, rs, sizes.get(rs)!, d, operation);
  });
}

/**
 * Deletes the oldest old ReplicaSets beyond revisionHistoryLimit that have no replicas, wanted or
 * running, and whose latest spec their controller has seen (cleanupDeployment).
 */
export function cleanupDeployment(ctx: SyncContext, oldRSs: readonly ReplicaSet[], d: Deployment): void {
  if (!u.hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - (d.spec.revisionHistoryLimit ?? 0);
  if (diff <= 0) return;
  cleanable.sort(u.byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i]!;
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec.replicas ?? 0) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    ctx.client.delete(REPLICA_SET, rs.metadata.namespace, rs.metadata.name ?? '');
  }
}

/** The Deployment's status from its ReplicaSets (calculateStatus), zero counts omitted as Go does. */
export function calculateStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, nowMs: number): DeploymentStatus {
  const available = u.availableReplicaCount(allRSs);
  const total = u.specReplicaCount(allRSs);
  const unavailable = Math.max(0, total - available);
  const fields: [keyof DeploymentStatus, number | undefined][] = [
    ['observedGeneration', d.metadata.generation],
    ['replicas', u.actualReplicaCount(allRSs)],
    ['updatedReplicas', u.actualReplicaCount([newRS])],
    ['readyReplicas', u.readyReplicaCount(allRSs)],
    ['availableReplicas', available],
    ['unavailableReplicas', unavailable],
  ];
  const status: DeploymentStatus = {};
  for (const [k, v] of fields) if (v) (status as Record<string, number>)[k] = v;
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= u.replicasOf(d) - u.maxUnavailable(d)) {
    u.setCondition(status, u.newCondition('Available', 'True', u.MINIMUM_REPLICAS_AVAILABLE, 'Deployment has minimum availability.', nowMs));
  } else {
    u.setCondition(status, u.newCondition('Available', 'False', u.MINIMUM_REPLICAS_UNAVAILABLE, 'Deployment does not have minimum availability.', nowMs));
  }
  return status;
}

/** Writes the status if it changed (syncDeploymentStatus). */
export function syncDeploymentStatus(ctx: SyncContext, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const status = calculateStatus(allRSs, newRS, d, ctx.now());
  if (jsonEqual(d.status ?? {}, status)) return;
  d.status = status;
  writeStatus(ctx, d);
}

/** sync: scale and, while paused, clean up; then the status (used on scaling events and when paused). */
export function sync(ctx: SyncContext, d: Deployment, rsList: readonly ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  scale(ctx, d, newRS, oldRSs);
  if (d.spec.paused) cleanupDeployment(ctx, oldRSs, d);
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/** A scaling event: some active ReplicaSet was sized for a different replica count (isScalingEvent). */
export function isScalingEvent(ctx: SyncContext, d: Deployment, rsList: readonly ReplicaSet[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  for (const rs of u.activeReplicaSets([...oldRSs, newRS])) {
    const desired = u.desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== u.replicasOf(d)) return true;
  }
  return false;
}
