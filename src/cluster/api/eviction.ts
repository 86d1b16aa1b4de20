/**
 * The pods/eviction subresource (k/k pkg/registry/core/pod/storage/eviction.go): a policy/v1 Eviction
 * POSTed for a pod deletes it gracefully unless that would break the pod's PodDisruptionBudget.
 *
 * - A pod that is Pending, Succeeded, Failed or already being deleted goes without a budget check.
 * - More than one budget selecting the pod: 500 `This pod has more than one PodDisruptionBudget, ...`.
 * - A budget not yet observed at its generation: 429 `... is still being processed by the server.`
 * - `status.disruptionsAllowed` 0: 429 `Cannot evict pod as it would violate the pod's disruption
 *   budget.` with the cause `The disruption budget <name> needs <desired> healthy pods and has
 *   <current> currently`. Otherwise the budget's `disruptionsAllowed` is decremented and the pod is
 *   recorded in `status.disruptedPods` (so the controller does not count it healthy meanwhile).
 * - A running pod that is not Ready is evicted without spending the budget when its budget says
 *   `unhealthyPodEvictionPolicy: AlwaysAllow`, or (IfHealthyBudget, the default) when the budget is
 *   already met; the delete then carries the pod's resourceVersion as a precondition so a pod that
 *   became Ready meanwhile is not taken (a 429 instead).
 * - Before deleting, the pod gets the condition DisruptionTarget=True `EvictionByEvictionAPI`.
 *
 * Success is the Status `{status: Success, code: 201}`; failures throw ApiError.
 */
import type { ApiServer } from './api-server.ts';
import type { Actor, KubeObject, Status } from './types.ts';
import type { DeleteOptions, ResourceRequest, WriteOptions } from './request.ts';
import { ApiError, badRequest, conflict, forbidden, isApiError } from './errors.ts';
import { clone } from './object-meta.ts';
import { rfc3339 } from '../sim/clock.ts';
import {
  pdbGuardsPodForEviction,
  updateDisruptionAllowedCondition,
  type PodDisruptionBudget,
} from '../controllers/disruption/pdb-helpers.ts';

/** Upstream's cap on `status.disruptedPods`: beyond it the controller is lagging and evictions stop. */
export const MAX_DISRUPTED_POD_SIZE = 2000;
export const DISRUPTION_BUDGET_CAUSE = 'DisruptionBudget';
export const EVICTION_VIOLATES_BUDGET = "Cannot evict pod as it would violate the pod's disruption budget.";
export const MULTIPLE_PDBS = 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';

const APISERVER: Actor = { name: 'kube-apiserver', component: 'kube-apiserver' };
const PODS = { group: '', resource: 'pods' } as const;
const PDBS = { group: 'policy', resource: 'poddisruptionbudgets' } as const;
/** Conflicts are retried (upstream: 20 steps of 500 ms; here nothing runs between tries). */
const RETRIES = 20;

interface EvictionBody {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  deleteOptions?: DeleteOptions & { dryRun?: string[] };
}

interface PodView extends KubeObject {
  status?: { phase?: string; conditions?: { type: string; status: string; lastProbeTime?: string | null; lastTransitionTime?: string; reason?: string; message?: string }[] };
}

function tooManyRequests(cause: string, retryAfterSeconds: number): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: EVICTION_VIOLATES_BUDGET,
    reason: 'TooManyRequests',
    details: { causes: [{ reason: DISRUPTION_BUDGET_CAUSE, message: cause }], ...(retryAfterSeconds ? { retryAfterSeconds } : {}) },
    code: 429,
  });
}

/** createTooManyRequestsError: the budget has not caught up with its spec or with the pod. */
function stillProcessing(pdbName: string): ApiError {
  return tooManyRequests(`The disruption budget ${pdbName} is still being processed by the server.`, 10);
}

function isPodReady(pod: PodView): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function canIgnorePDB(pod: PodView): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

function shouldEnforceResourceVersion(pod: PodView): boolean {
  const phase = pod.status?.phase;
  return !(phase === 'Succeeded' || phase === 'Failed' || pod.metadata.deletionTimestamp);
}

function withResourceVersion(options: DeleteOptions, rv: string | undefined): DeleteOptions {
  return { ...options, preconditions: { ...options.preconditions, ...(rv ? { resourceVersion: rv } : {}) } };
}

/**
 * Evicts `namespace/podName` as `POST .../pods/<name>/eviction` does. Never mutates `body`.
 * `opts.dryRun` (or `deleteOptions.dryRun: [All]`) checks everything and changes nothing.
 */
export function evictPod(api: ApiServer, namespace: string, podName: string, body: unknown, opts: WriteOptions): Status {
  const eviction = (body ?? {}) as EvictionBody;
  if (eviction.kind !== undefined && eviction.kind !== 'Eviction') throw badRequest(`not a Eviction object: ${eviction.kind}`);
  if (eviction.apiVersion !== undefined && eviction.apiVersion !== 'policy/v1' && eviction.apiVersion !== 'policy/v1beta1') {
    throw badRequest(`not a Eviction object: ${eviction.apiVersion}`);
  }
  if (eviction.metadata?.namespace && eviction.metadata.namespace !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if ((eviction.metadata?.name ?? '') !== podName) throw badRequest('name in URL does not match name in Eviction object');
  const { dryRun: bodyDryRun, ...deleteOptions } = eviction.deleteOptions ?? {};
  const dryRun = !!opts.dryRun || (bodyDryRun?.includes('All') ?? false);
  const podReq: ResourceRequest = { ...PODS, namespace };
  const writeOpts: WriteOptions = { ...opts, dryRun };

  // Terminal, pending or already-deleting pods have disrupted nothing a budget protects.
  let pod: PodView | undefined;
  for (let attempt = 0; ; attempt++) {
    pod = api.get(podReq, podName, opts.actor) as PodView;
    if (!canIgnorePDB(pod)) break;
    const options = shouldEnforceResourceVersion(pod) && !deleteOptions.preconditions?.resourceVersion ? withResourceVersion(deleteOptions, pod.metadata.resourceVersion) : deleteOptions;
    try {
      addConditionAndDeletePod(api, namespace, podName, options, writeOpts);
      return success();
    } catch (e) {
      // Retried only when the caller set no resourceVersion precondition of its own.
      if (isApiError(e) && e.code === 409 && !deleteOptions.preconditions?.resourceVersion && attempt < RETRIES) continue;
      throw e;
    }
  }

  const pdbs = (api.list({ ...PDBS, namespace }, {}, APISERVER).items as PodDisruptionBudget[]).filter((p) => pdbGuardsPodForEviction(p, pod));
  if (pdbs.length > 1) throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: MULTIPLE_PDBS, code: 500 });

  let updateDeletionOptions = false;
  const pdb = pdbs[0];
  if (pdb) {
    const status = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
    // An unready pod does not count as healthy: taking it spends nothing, when the policy allows.
    if (!isPodReady(pod) && (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow' || (status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0))) {
      updateDeletionOptions = true;
    } else {
      checkAndDecrementWithRetry(api, namespace, podName, pdb, dryRun);
    }
  }

  const options = updateDeletionOptions ? withResourceVersion(deleteOptions, pod.metadata.resourceVersion) : deleteOptions;
  try {
    addConditionAndDeletePod(api, namespace, podName, options, writeOpts);
  } catch (e) {
    if (isApiError(e) && e.code === 409 && updateDeletionOptions && !deleteOptions.preconditions?.resourceVersion && pdb) throw stillProcessing(pdb.metadata.name ?? '');
    throw e;
  }
  return success();
}

function success(): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}

function checkAndDecrementWithRetry(api: ApiServer, namespace: string, podName: string, first: PodDisruptionBudget, dryRun: boolean): void {
  let pdb = first;
  for (let attempt = 0; ; attempt++) {
    try {
      checkAndDecrement(api, namespace, podName, pdb, dryRun);
      return;
    } catch (e) {
      if (!(isApiError(e) && e.code === 409) || attempt >= RETRIES) {
        if (isApiError(e) && e.code === 409) {
          throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `Timeout: couldn't update PodDisruptionBudget "${pdb.metadata.name}" due to conflicts`, reason: 'Timeout', details: { retryAfterSeconds: 10 }, code: 504 });
        }
        throw e;
      }
      pdb = api.get({ ...PDBS, namespace }, pdb.metadata.name ?? '', APISERVER) as PodDisruptionBudget;
    }
  }
}

/** Verifies the budget allows a disruption and spends one, recording the pod in `disruptedPods`. */
function checkAndDecrement(api: ApiServer, namespace: string, podName: string, pdb: PodDisruptionBudget, dryRun: boolean): void {
  const name = pdb.metadata.name ?? '';
  const status = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw stillProcessing(name);
  const gr = { group: 'policy', resource: 'poddisruptionbudget' };
  if (status.disruptionsAllowed < 0) throw forbidden(gr, name, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw forbidden(gr, name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  }
  if (status.disruptionsAllowed === 0) {
    throw tooManyRequests(`The disruption budget ${name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`, 0);
  }
  if (dryRun) return;
  const now = api.clock.now();
  const next = clone(pdb) as PodDisruptionBudget;
  const nextStatus = clone(status);
  nextStatus.disruptionsAllowed--;
  if (nextStatus.disruptionsAllowed === 0) updateDisruptionAllowedCondition(nextStatus, now);
  nextStatus.disruptedPods = { ...nextStatus.disruptedPods, [podName]: rfc3339(now) };
  next.status = nextStatus;
  api.update({ ...PDBS, namespace, subresource: 'status' }, name, next, { actor: APISERVER });
}

/**
 * Marks the pod DisruptionTarget=True (EvictionByEvictionAPI) through its status, then deletes it with
 * `options`; a resourceVersion precondition is checked against the pod before the mark and moved to
 * the marked version after it, as upstream does.
 */
function addConditionAndDeletePod(api: ApiServer, namespace: string, name: string, options: DeleteOptions, opts: WriteOptions): void {
  const podReq: ResourceRequest = { ...PODS, namespace };
  let deleteOptions = options;
  if (!opts.dryRun) {
    const latest = api.get(podReq, name, APISERVER) as PodView;
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== latest.metadata.uid) {
      throw conflict(PODS, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${latest.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== latest.metadata.resourceVersion) {
      throw conflict(PODS, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${latest.metadata.resourceVersion}`);
    }
    const marked = clone(latest);
    const status = (marked.status ??= {});
    const conditions = (status.conditions ??= []);
    const existing = conditions.find((c) => c.type === 'DisruptionTarget');
    const changedStatus = existing?.status !== 'True';
    const cond = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: changedStatus ? rfc3339(api.clock.now()) : (existing?.lastTransitionTime ?? rfc3339(api.clock.now())), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
    if (existing) Object.assign(existing, cond);
    else conditions.push(cond);
    const updated = api.update({ ...podReq, subresource: 'status' }, name, marked, { actor: opts.actor });
    if (pre?.resourceVersion) deleteOptions = withResourceVersion(options, updated.metadata.resourceVersion);
  }
  api.delete(podReq, name, deleteOptions, opts);
}
