/**
 * Deployment arithmetic and bookkeeping (k/k pkg/controller/deployment/util/deployment_util.go): surge
 * and unavailability budgets, replica counts over ReplicaSets, proportional scaling, revisions and
 * their annotations, conditions, and which ReplicaSet is "new". Pure functions over plain objects;
 * none mutates its inputs unless its name says it sets something.
 */
import { jsonEqual } from '../../api/object-meta.ts';
import { parseTime, rfc3339 } from '../../sim/clock.ts';
import type { Deployment, DeploymentCondition, DeploymentStatus, IntOrString, PodTemplateSpec, ReplicaSet } from '../replica-set/workload-types.ts';
import { POD_TEMPLATE_HASH_LABEL } from './pod-template-hash.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const DEPRECATED_ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Deployment annotations never copied to its ReplicaSets (annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO_ANNOTATION,
]);

// Condition reasons (deployment_util.go).
export const REPLICA_SET_UPDATED_REASON = 'ReplicaSetUpdated';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
export const NEW_REPLICA_SET_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';

const MAX_INT32 = 2147483647;

export const replicasOf = (d: { spec: { replicas?: number } }): number => d.spec.replicas ?? 1;
const rsReplicas = (rs: ReplicaSet): number => rs.spec.replicas ?? 0;

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is; `N%` of `total`, rounded up or down. Throws on
 * a string that is not a percentage.
 */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

export const isRollingUpdate = (d: Deployment): boolean => d.spec.strategy?.type === 'RollingUpdate';

/** ResolveFenceposts: surge rounds up, unavailable rounds down; both 0 makes unavailable 1. */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** How many pods above `replicas` a rolling update may run (0 for Recreate). */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d)).surge;
}

/** How many of `replicas` may be unavailable during a rolling update (0 for Recreate or 0 replicas). */
export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const { unavailable } = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas);
  return Math.min(unavailable, replicas);
}

// ------------------------------------------------------------------ counts over ReplicaSets

const sum = (rss: readonly (ReplicaSet | undefined)[], f: (rs: ReplicaSet) => number): number => rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
/** Sum of spec.replicas. */
export const specReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, rsReplicas);
/** Sum of status.replicas. */
export const actualReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, (rs) => rs.status?.replicas ?? 0);
export const readyReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
export const availableReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

/** ReplicaSets with spec.replicas > 0 (controller.FilterActiveReplicaSets). */
export const activeReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] => rss.filter((rs): rs is ReplicaSet => !!rs && rsReplicas(rs) > 0);

// ------------------------------------------------------------------ ordering

const created = (rs: ReplicaSet): number => parseTime(rs.metadata.creationTimestamp ?? '') || 0;

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** ReplicaSetsBySizeNewer: larger first; equal sizes newer first. */
export const bySizeNewer = (a: ReplicaSet, b: ReplicaSet): number => rsReplicas(b) - rsReplicas(a) || byCreation(b, a);
/** ReplicaSetsBySizeOlder: larger first; equal sizes older first. */
export const bySizeOlder = (a: ReplicaSet, b: ReplicaSet): number => rsReplicas(b) - rsReplicas(a) || byCreation(a, b);

/** The revision annotation as a number (0 when absent or malformed). */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  return v && /^\d+$/.test(v) ? Number(v) : 0;
}

/** ReplicaSetsByRevision: lower revision first, ties by creation. */
export const byRevision = (a: ReplicaSet, b: ReplicaSet): number => revisionOf(a) - revisionOf(b) || byCreation(a, b);

export const maxRevision = (rss: readonly ReplicaSet[]): number => rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);

// ------------------------------------------------------------------ which ReplicaSet is new

function normalise(v: unknown): unknown {
  // apimachinery's semantic equality treats nil and empty maps and slices alike.
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(normalise);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalise(x);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v;
}

/** Two templates are the same apart from the pod-template-hash label (EqualIgnoreHash). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return jsonEqual(comparable(a), comparable(b));
}

// Stored objects are deep-frozen and shared, so a frozen template's comparable form never changes:
// computing it once per object saves the clone and normalise the Deployment controller would otherwise
// repeat for every ReplicaSet on every sync.
const comparableCache = new WeakMap<object, unknown>();

/** The template without its pod-template-hash label, with empty maps and slices dropped. */
function comparable(t: PodTemplateSpec | undefined): unknown {
  const frozen = t !== undefined && Object.isFrozen(t);
  if (frozen && comparableCache.has(t)) return comparableCache.get(t);
  // normalise builds fresh objects, so its result may be edited; no clone needed.
  const out = normalise(t ?? {}) as { metadata?: { labels?: Record<string, string> } } | undefined;
  const labels = out?.metadata?.labels;
  if (out && labels && POD_TEMPLATE_HASH_LABEL in labels) {
    delete labels[POD_TEMPLATE_HASH_LABEL];
    // Keep the "empty is absent" rule normalise applies.
    if (Object.keys(labels).length === 0) delete out.metadata!.labels;
    if (Object.keys(out.metadata!).length === 0) delete out.metadata;
  }
  const result = out && Object.keys(out).length === 0 ? undefined : out;
  if (frozen) comparableCache.set(t, result);
  return result;
}

/** The oldest ReplicaSet whose template equals the Deployment's (FindNewReplicaSet). */
export function findNewReplicaSet(d: Deployment, rss: readonly ReplicaSet[]): ReplicaSet | undefined {
  const want = comparable(d.spec.template);
  return [...rss].sort(byCreation).find((rs) => jsonEqual(comparable(rs.spec.template), want));
}

/** Every ReplicaSet but the new one (FindOldReplicaSets' allOldRSs). */
export function findOldReplicaSets(d: Deployment, rss: readonly ReplicaSet[]): ReplicaSet[] {
  const fresh = findNewReplicaSet(d, rss);
  return rss.filter((rs) => rs !== fresh);
}

/** The only active ReplicaSet, or the newest when none is active; undefined when several are. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort(byCreation);
  const active = activeReplicaSets([...olds, newRS]);
  if (active.length === 0) return newRS ?? olds[olds.length - 1];
  return active.length === 1 ? active[0] : undefined;
}

// ------------------------------------------------------------------ replica annotations and scaling

function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/** Sets desired- and max-replicas; true when they changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  const changed = a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
  a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
  a[MAX_REPLICAS_ANNOTATION] = String(max);
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

export const desiredReplicasAnnotation = (rs: ReplicaSet): number | undefined => intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);

/** The new ReplicaSet holds all replicas and all are available (IsSaturated). */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  return desired === replicasOf(d) && rsReplicas(rs) === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

/** What a ReplicaSet's share of `toAdd` extra replicas is (GetProportion / getReplicaSetFraction). */
export function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (replicasOf(d) === 0) fraction = -rsReplicas(rs);
  else {
    const deploymentReplicas = replicasOf(d) + maxSurge(d);
    const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
    // Go's math.Round rounds half away from zero; sizes here are never negative.
    fraction = Math.round((rsReplicas(rs) * deploymentReplicas) / annotated) - rsReplicas(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** The size the new ReplicaSet may grow to now (NewRSNewReplicas). */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const current = specReplicaCount(allRSs);
  const maxTotal = replicasOf(d) + maxSurge(d);
  if (current >= maxTotal) return rsReplicas(newRS);
  const up = Math.min(maxTotal - current, replicasOf(d) - rsReplicas(newRS));
  return rsReplicas(newRS) + up;
}

// ------------------------------------------------------------------ revisions on the new ReplicaSet

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's annotations (except the skipped ones), raises
 * the revision to `newRevision` when it is higher — remembering the old one in revision-history, as a
 * rollback to an old ReplicaSet does — and on a ReplicaSet about to be created sets the replica
 * annotations. Mutates `rs`; returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean, historyLimitChars = 2000): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldRevision = a[REVISION_ANNOTATION];
  const had = oldRevision !== undefined;
  let oldInt = 0;
  if (had && oldRevision !== '') {
    if (!/^-?\d+$/.test(oldRevision)) return changed;
    oldInt = Number(oldRevision);
  }
  if (oldInt < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (had) {
      const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
      let olds = history.split(',');
      if (olds[0] === '') a[REVISION_HISTORY_ANNOTATION] = oldRevision;
      else {
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > historyLimitChars && start < olds.length) total -= olds[start++]!.length + 1;
        if (total <= historyLimitChars) {
          olds = [...olds.slice(start), oldRevision];
          a[REVISION_HISTORY_ANNOTATION] = olds.join(',');
        }
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** Sets the Deployment's revision annotation; true when it changed. Mutates `d`. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}

// ------------------------------------------------------------------ conditions and progress

export function newCondition(type: string, status: string, reason: string, message: string, nowMs: number): DeploymentCondition {
  const t = rfc3339(nowMs);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export const getCondition = (s: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined => s?.conditions?.find((c) => c.type === type);

/**
 * SetDeploymentCondition: a condition with the same status and reason is left alone; the same status
 * with a new reason keeps its lastTransitionTime; the condition moves to the end. Mutates `status`.
 */
export function setCondition(status: DeploymentStatus, cond: DeploymentCondition): void {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  const next = { ...cond };
  if (current && current.status === cond.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}

export const hasProgressDeadline = (d: Deployment): boolean => d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== MAX_INT32;

export const hasRevisionHistoryLimit = (d: Deployment): boolean => d.spec.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== MAX_INT32;

/** All replicas updated and available, and the latest spec observed (DeploymentComplete). */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const r = replicasOf(d);
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** Some progress since the stored status: more updated, fewer old, more ready or available pods. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0);
}

/** No progress for progressDeadlineSeconds since the Progressing condition was last updated. */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (c.reason === TIMED_OUT_REASON) return true;
  const from = parseTime(c.lastUpdateTime ?? '');
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}
