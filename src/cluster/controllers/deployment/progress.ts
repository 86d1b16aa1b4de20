/**
 * The Progressing condition during a rollout (k/k pkg/controller/deployment/progress.go
 * syncRolloutStatus): `NewReplicaSetAvailable` once complete, `ReplicaSetUpdated` whenever pods move
 * forward (refreshing lastUpdateTime, keeping lastTransitionTime), `ProgressDeadlineExceeded` after
 * progressDeadlineSeconds without progress; a ReplicaFailure of a ReplicaSet is surfaced on the
 * Deployment. A stuck rollout is looked at again when its deadline passes.
 */
import { jsonEqual } from '../../api/object-meta.ts';
import { parseTime } from '../../sim/clock.ts';
import type { Deployment, DeploymentCondition, ReplicaSet } from '../replica-set/workload-types.ts';
import * as u from './deployment-util.ts';
import { calculateStatus, writeStatus } from './deployment-sync.ts';
import type { SyncContext } from './sync-context.ts';

/** The first ReplicaFailure among the new then the old ReplicaSets, as a Deployment condition. */
function replicaFailure(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition | undefined {
  const ordered = newRS ? [newRS, ...allRSs.filter((rs) => rs && rs !== newRS)] : allRSs;
  for (const rs of ordered) {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    if (c) {
      const out: DeploymentCondition = { type: 'ReplicaFailure', status: c.status };
      if (c.lastTransitionTime) {
        out.lastUpdateTime = c.lastTransitionTime;
        out.lastTransitionTime = c.lastTransitionTime;
      }
      if (c.reason) out.reason = c.reason;
      if (c.message) out.message = c.message;
      return out;
    }
  }
  return undefined;
}

export function syncRolloutStatus(ctx: SyncContext, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const now = ctx.now();
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!u.hasProgressDeadline(d)) u.removeCondition(status, 'Progressing');
  const current = u.getCondition(d.status, 'Progressing');
  const complete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === u.NEW_RS_AVAILABLE_REASON;
  if (u.hasProgressDeadline(d) && !complete) {
    const name = newRS?.metadata.name;
    if (u.deploymentComplete(d, status)) {
      const msg = name ? `ReplicaSet "${name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      u.setCondition(status, u.newCondition('Progressing', 'True', u.NEW_RS_AVAILABLE_REASON, msg, now));
    } else if (u.deploymentProgressing(d, status)) {
      const msg = name ? `ReplicaSet "${name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const cond = u.newCondition('Progressing', 'True', u.REPLICA_SET_UPDATED_REASON, msg, now);
      // Progress refreshes lastUpdateTime even when the reason stays the same.
      if (current) {
        if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
        u.removeCondition(status, 'Progressing');
      }
      u.setCondition(status, cond);
    } else if (u.deploymentTimedOut(d, status, now)) {
      const msg = name ? `ReplicaSet "${name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      u.setCondition(status, u.newCondition('Progressing', 'False', u.TIMED_OUT_REASON, msg, now));
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) u.setCondition(status, failure);
  else u.removeCondition(status, 'ReplicaFailure');

  if (jsonEqual(d.status ?? {}, status)) {
    requeueStuckDeployment(ctx, d, status);
    return;
  }
  d.status = status;
  writeStatus(ctx, d);
}

/** Looks at a rollout again when its progress deadline would pass (requeueStuckDeployment). */
function requeueStuckDeployment(ctx: SyncContext, d: Deployment, status: NonNullable<Deployment['status']>): void {
  const current = u.getCondition(d.status, 'Progressing');
  if (!u.hasProgressDeadline(d) || !current) return;
  if (u.deploymentComplete(d, status) || current.reason === u.TIMED_OUT_REASON) return;
  const after = parseTime(current.lastUpdateTime ?? '') + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - ctx.now();
  if (after < 1000) ctx.enqueueRateLimited(d);
  else ctx.enqueueAfter(d, after + 1000);
}
