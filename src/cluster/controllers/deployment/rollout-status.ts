/**
 * What kubectl's rollout subcommands compute from a Deployment and its ReplicaSets, for the kubectl
 * layer: `rollout status` (k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go
 * DeploymentStatusViewer), `rollout undo` (rollback.go DeploymentRollbacker) and `rollout history`
 * (history.go DeploymentHistoryViewer). Pure: nothing here writes.
 */
import { clone } from '../../api/object-meta.ts';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../replica-set/workload-types.ts';
import { ANNOTATIONS_TO_SKIP, equalIgnoreHash, getCondition, revisionOf, TIMED_OUT_REASON } from './deployment-util.ts';
import { POD_TEMPLATE_HASH_LABEL } from './pod-template-hash.ts';

export interface RolloutStatus {
  /** The rollout finished: kubectl exits 0. */
  done: boolean;
  /** The line kubectl prints (without the trailing newline). */
  message: string;
  /** Set when kubectl fails instead (`error: <this>`), e.g. the progress deadline was exceeded. */
  error?: string;
}

/**
 * kubectl rollout status for a Deployment, line for line: waiting for the spec to be observed, for new
 * replicas to be updated, for old replicas to terminate, for updated replicas to be available, then
 * `deployment "<d>" successfully rolled out`. `revision` (> 0) must match the Deployment's.
 */
export function rolloutStatus(deployment: Deployment, _replicaSets: readonly ReplicaSet[] = [], revision = 0): RolloutStatus {
  const name = deployment.metadata.name ?? '';
  if (revision > 0) {
    const current = revisionOf(deployment);
    if (revision !== current) return fail(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const status = deployment.status ?? {};
  if ((deployment.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return { done: false, message: 'Waiting for deployment spec update to be observed...' };
  }
  if (getCondition(status, 'Progressing')?.reason === TIMED_OUT_REASON) return fail(`deployment "${name}" exceeded its progress deadline`);
  const replicas = deployment.spec.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const total = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const waiting = (what: string): RolloutStatus => ({ done: false, message: `Waiting for deployment "${name}" rollout to finish: ${what}...` });
  if (deployment.spec.replicas !== undefined && updated < replicas) return waiting(`${updated} out of ${replicas} new replicas have been updated`);
  if (total > updated) return waiting(`${total - updated} old replicas are pending termination`);
  if (available < updated) return waiting(`${available} of ${updated} updated replicas are available`);
  return { done: true, message: `deployment "${name}" successfully rolled out` };
}

function fail(error: string): RolloutStatus {
  return { done: false, message: `error: ${error}`, error };
}

/** One JSON Patch operation, as kubectl sends `rollout undo`. */
export interface JsonPatchOp {
  op: 'replace';
  path: string;
  value: unknown;
}

export type RollbackResult =
  /** Send `patch` as a JSON patch to the Deployment; kubectl then prints `deployment.apps/<d> rolled back`. */
  | { kind: 'patch'; patch: JsonPatchOp[]; message: 'rolled back' }
  /** Nothing to do; kubectl prints `deployment.apps/<d> skipped rollback (<reason>)`. */
  | { kind: 'skipped'; message: string }
  /** kubectl fails with `error: <message>`. */
  | { kind: 'error'; message: string };

/**
 * kubectl rollout undo [--to-revision=N] to `rs` (found with `findRevision`): the ReplicaSet's template, without its
 * pod-template-hash label, and its annotations (but the Deployment's own revision bookkeeping) go back
 * into the Deployment. Refused on a paused Deployment; skipped when the template already matches.
 */
export function rollbackTo(deployment: Deployment, rs: ReplicaSet, toRevision = 0): RollbackResult {
  if (deployment.spec.paused) {
    return { kind: 'error', message: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${deployment.metadata.name}' and try again` };
  }
  if (equalIgnoreHash(rs.spec.template, deployment.spec.template)) {
    // kubectl prints the revision it was asked for (0 for "the previous one").
    return { kind: 'skipped', message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template: PodTemplateSpec = clone(rs.spec.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) {
    const v = deployment.metadata.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  return {
    kind: 'patch',
    patch: [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
    message: 'rolled back',
  };
}

/**
 * The ReplicaSet of `toRevision`, or with 0 the previous revision (the second highest), as `rollout
 * undo [--to-revision]` chooses it. Errors are kubectl's.
 */
export function findRevision(deployment: Deployment, replicaSets: readonly ReplicaSet[], toRevision = 0): { rs: ReplicaSet } | { error: string } {
  const name = deployment.metadata.name ?? '';
  const owned = replicaSets.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === deployment.metadata.uid));
  if (toRevision > 0) {
    const rs = owned.find((r) => revisionOf(r) === toRevision);
    return rs ? { rs } : { error: `unable to find specified revision ${toRevision} in history` };
  }
  const sorted = [...owned].filter((r) => revisionOf(r) > 0).sort((a, b) => revisionOf(b) - revisionOf(a));
  if (sorted.length < 2) return { error: `no rollout history found for deployment "${name}"` };
  return { rs: sorted[1]! };
}

/** `kubectl rollout history` rows: revision and `kubernetes.io/change-cause` (or `<none>`), oldest first. */
export function rolloutHistory(deployment: Deployment, replicaSets: readonly ReplicaSet[]): { revision: number; changeCause: string }[] {
  const rows = new Map<number, string>();
  for (const rs of replicaSets) {
    if (!rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === deployment.metadata.uid)) continue;
    const rev = revisionOf(rs);
    if (rev > 0) rows.set(rev, rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>');
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([revision, changeCause]) => ({ revision, changeCause }));
}
