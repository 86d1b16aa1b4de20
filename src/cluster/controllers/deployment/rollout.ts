/**
 * The two rollout strategies (k/k pkg/controller/deployment/rolling.go, recreate.go).
 *
 * RollingUpdate: grow the new ReplicaSet while the total stays within replicas + maxSurge; shrink old
 * ones — unhealthy replicas first — while availability stays at replicas - maxUnavailable or more.
 * Recreate: scale every old ReplicaSet to 0, wait until none of their pods exists at all (terminating
 * ones included), then create or scale up the new ReplicaSet.
 */
import type { Deployment, ReplicaSet } from '../replica-set/workload-types.ts';
import * as u from './deployment-util.ts';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './deployment-sync.ts';
import { syncRolloutStatus } from './progress.ts';
import type { PodMap, SyncContext } from './sync-context.ts';

export function rolloutRolling(ctx: SyncContext, d: Deployment, rsList: readonly ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(ctx, allRSs, newRS!, d)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (reconcileOldReplicaSets(ctx, allRSs, u.activeReplicaSets(oldRSs), newRS!, d)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (u.deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

function reconcileNewReplicaSet(ctx: SyncContext, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet, d: Deployment): boolean {
  const want = u.replicasOf(d);
  const have = newRS.spec.replicas ?? 0;
  if (have === want) return false;
  if (have > want) return scaleReplicaSetAndRecordEvent(ctx, newRS, want, d).scaled;
  return scaleReplicaSetAndRecordEvent(ctx, newRS, u.newRSNewReplicas(d, allRSs, newRS), d).scaled;
}

function reconcileOldReplicaSets(ctx: SyncContext, allRSs: readonly (ReplicaSet | undefined)[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (u.specReplicaCount(oldRSs) === 0) return false;
  const allPods = u.specReplicaCount(allRSs);
  const minAvailable = u.replicasOf(d) - u.maxUnavailable(d);
  const newUnavailable = (newRS.spec.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0);
  // Never scale down so far that, with the new ReplicaSet's unavailable pods, too few are available.
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const { oldRSs: cleaned, count: cleanedUp } = cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...cleaned, newRS], cleaned, d);
  return cleanedUp + scaledDown > 0;
}

/** Scales old ReplicaSets down by their unavailable replicas, oldest first, up to `maxCleanup`. */
function cleanupUnhealthyReplicas(ctx: SyncContext, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): { oldRSs: ReplicaSet[]; count: number } {
  const sorted = [...oldRSs].sort(u.byCreation);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanup) break;
    const rs = sorted[i]!;
    const replicas = rs.spec.replicas ?? 0;
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const down = Math.min(maxCleanup - total, replicas - available);
    sorted[i] = scaleReplicaSetAndRecordEvent(ctx, rs, replicas - down, d).rs;
    total += down;
  }
  return { oldRSs: sorted, count: total };
}

/** Scales old ReplicaSets down, oldest first, by what availability above the minimum allows. */
function scaleDownOldReplicaSetsForRollingUpdate(ctx: SyncContext, allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], d: Deployment): number {
  const minAvailable = u.replicasOf(d) - u.maxUnavailable(d);
  const available = u.availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(u.byCreation)) {
    if (total >= target) break;
    const replicas = rs.spec.replicas ?? 0;
    if (replicas === 0) continue;
    const down = Math.min(replicas, target - total);
    scaleReplicaSetAndRecordEvent(ctx, rs, replicas - down, d);
    total += down;
  }
  return total;
}

export function rolloutRecreate(ctx: SyncContext, d: Deployment, rsList: readonly ReplicaSet[], podMap: PodMap): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of u.activeReplicaSets(oldRSs)) {
    if (scaleReplicaSetAndRecordEvent(ctx, rs, 0, d).scaled) scaledDown = true;
  }
  if (scaledDown) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(ctx, allRSs, newRS, d);
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) scaleReplicaSetAndRecordEvent(ctx, newRS, u.replicasOf(d), d);
  if (u.deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

/** Any pod of an old ReplicaSet that is not finished — terminating ones count (oldPodsRunning). */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], podMap: PodMap): boolean {
  if (u.actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const p of pods) {
      const phase = p.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}
