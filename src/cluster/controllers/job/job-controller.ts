/**
 * kube-controller-manager's Job controller (k/k pkg/controller/job/job_controller.go), as of 1.32.
 *
 * reconcile(`ns/name`): claim the Job's pods, count newly finished ones (through
 * `status.uncountedTerminatedPods` and the `batch.kubernetes.io/job-tracking` finalizer, which is removed
 * once a pod is counted), decide whether the Job has finished — FailureTarget (BackoffLimitExceeded,
 * DeadlineExceeded, PodFailurePolicy) or SuccessCriteriaMet (CompletionsReached) first, then Failed /
 * Complete once no pod is terminating — otherwise create or delete pods toward
 * min(parallelism, remaining completions), waiting out the failure back-off. Suspended Jobs lose their
 * pods and get the Suspended condition.
 *
 * Keys `orphan-pod:<ns>/<name>` ask to drop the tracking finalizer from a pod whose Job is gone or done.
 *
 * Events: `SuccessfulCreate` `Created pod: <name>`, `SuccessfulDelete` `Deleted pod: <name>`,
 * `Completed` `Job completed`, Warning `<reason>` `<message>` on failure, `Suspended` / `Resumed`.
 */
import type { KubeObject } from '../../api/types.ts';
import { isApiError } from '../../api/errors.ts';
import { clone } from '../../api/object-meta.ts';
import { selectorFromLabelSelector, type Selector } from '../../api/labels/selector.ts';
import { BY_CONTROLLER_UID, keyOf, splitKey, type Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { POD } from '../../client/client.ts';
import { parseTime } from '../../sim/clock.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { ControllerExpectations } from '../replica-set/expectations.ts';
import { claimObjects } from '../replica-set/controller-ref-manager.ts';
import { OrphanIndex } from '../replica-set/orphan-index.ts';
import { podsToDelete } from '../replica-set/pod-ranking.ts';
import { controllerRefOf, isPodActive, isPodReady, newControllerRef } from '../replica-set/pod-utils.ts';
import { slowStartBatch } from '../replica-set/replica-set-controller.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { formatIndexes, parseIndexes } from './completed-indexes.ts';
import { nextBackoffRecord, remainingBackoffMs, type BackoffRecord } from './job-backoff.ts';
import { hasTrackingFinalizer, isPodFailed, isPodTerminating, jobPod, onlyReplaceFailedPods, podIndex } from './job-pods.ts';
import * as S from './job-status.ts';
import { isJobFinished, JOB_TRACKING_FINALIZER, type Job, type JobCondition, type JobStatus } from './job-types.ts';
import { matchPodFailurePolicy } from './pod-failure-policy.ts';

export const JOB_CONTROLLER = 'job-controller';
/** At most this many pods are created or deleted per sync (MaxPodCreateDeletePerSync). */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
const ORPHAN_PREFIX = 'orphan-pod:';
const JOB_API_VERSION = 'batch/v1';

function errorMessage(e: unknown): string {
  return isApiError(e) ? (e.status.message ?? e.message) : e instanceof Error ? e.message : String(e);
}

/** What one sync learns before it writes anything. */
interface SyncCtx {
  job: Job;
  status: JobStatus;
  pods: Pod[];
  active: number;
  ready: number;
  terminating: number;
  succeeded: number;
  succeededIndexes?: Set<number>;
  prevSucceededIndexes?: Set<number>;
  backoff: BackoffRecord;
  finished?: JobCondition;
  requeueAfter?: number;
}

export class JobController extends Controller {
  readonly name = JOB_CONTROLLER;
  readonly expectations: ControllerExpectations;
  private readonly backoff = new Map<string, BackoffRecord>();
  private jobs!: Informer<Job>;
  private podInformer!: Informer<Pod>;
  private orphans!: OrphanIndex<Pod>;

  constructor(ctx: ControllerContext) {
    super(ctx, JOB_CONTROLLER);
    this.expectations = new ControllerExpectations(() => ctx.clock.now());
  }

  start(): void {
    this.jobs = this.ctx.informers.get<Job>('batch', 'jobs');
    this.podInformer = this.ctx.informers.pods<Pod>();
    this.orphans = new OrphanIndex(this.podInformer);
    this.jobs.addHandler({
      onAdd: (j) => this.enqueue(j),
      onUpdate: (_o, j) => this.enqueue(j),
      onDelete: (j) => {
        this.expectations.delete(keyOf(j));
        this.enqueue(j);
        // Its pods lose their owner: their finalizers must go.
        for (const p of this.podInformer.byIndex(BY_CONTROLLER_UID, j.metadata.uid ?? '')) if (hasTrackingFinalizer(p)) this.queue.add(ORPHAN_PREFIX + keyOf(p));
      },
    });
    this.podInformer.addHandler({
      onAdd: (p) => this.podChanged(p, 'add'),
      onUpdate: (_o, p) => this.podChanged(p, 'update'),
      onDelete: (p) => this.podChanged(p, 'delete'),
    });
  }

  private jobOf(pod: Pod): Job | undefined {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== 'Job' || ref.apiVersion !== JOB_API_VERSION) return undefined;
    const job = this.jobs.getByName(pod.metadata.namespace, ref.name);
    return job && job.metadata.uid === ref.uid ? job : undefined;
  }

  private podChanged(pod: Pod, how: 'add' | 'update' | 'delete'): void {
    const job = this.jobOf(pod);
    if (!job) {
      if (how !== 'delete' && hasTrackingFinalizer(pod)) this.queue.add(ORPHAN_PREFIX + keyOf(pod));
      if (how !== 'delete' && !controllerRefOf(pod)) for (const j of this.matchingJobs(pod)) this.enqueue(j);
      return;
    }
    const key = keyOf(job);
    if (how === 'add') this.expectations.creationObserved(key);
    if (how === 'delete' || pod.metadata.deletionTimestamp) this.expectations.deletionObserved(key, keyOf(pod));
    if (isJobFinished(job) && hasTrackingFinalizer(pod) && how !== 'delete') this.queue.add(ORPHAN_PREFIX + keyOf(pod));
    this.enqueue(job);
  }

  private matchingJobs(pod: Pod): Job[] {
    const labels = pod.metadata.labels ?? {};
    return this.jobs.listIn(pod.metadata.namespace ?? 'default').filter((j) => {
      try {
        const sel = selectorFromLabelSelector(j.spec.selector);
        return !sel.isEmpty() && sel.matches(labels);
      } catch {
        return false;
      }
    });
  }

  // ------------------------------------------------------------------ sync

  reconcile(key: string): ReconcileResult | void {
    if (key.startsWith(ORPHAN_PREFIX)) return this.syncOrphanPod(key.slice(ORPHAN_PREFIX.length));
    const cached = this.jobs.get(key);
    if (!cached) {
      this.expectations.delete(key);
      this.backoff.delete(key);
      return;
    }
    if (isJobFinished(cached)) {
      this.backoff.delete(key);
      return;
    }
    const mode = cached.spec.completionMode ?? 'NonIndexed';
    if (mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.recorder.event(cached, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
      return;
    }
    const job = clone(cached) as Job;
    const status: JobStatus = (job.status = clone(job.status ?? {}));
    status.uncountedTerminatedPods = { succeeded: [...(status.uncountedTerminatedPods?.succeeded ?? [])], failed: [...(status.uncountedTerminatedPods?.failed ?? [])] };
    const satisfied = this.expectations.satisfied(key);
    const pods = this.podsForJob(job);
    const now = this.ctx.clock.now();
    const nowStr = this.ctx.clock.nowRfc3339();
    const uncountedS = new Set(status.uncountedTerminatedPods.succeeded);
    const uncountedF = new Set(status.uncountedTerminatedPods.failed);
    const activePods = pods.filter(isPodActive);
    const tracked = pods.filter(hasTrackingFinalizer);
    const newSucceeded = tracked.filter((p) => p.status?.phase === 'Succeeded' && !uncountedS.has(p.metadata.uid ?? ''));
    const newFailed = tracked.filter((p) => isPodFailed(p, job) && !uncountedF.has(p.metadata.uid ?? ''));
    const rules = job.spec.podFailurePolicy?.rules;
    const countedNewFailed = newFailed.filter((p) => !rules || matchPodFailurePolicy(rules, p).countFailed).length;
    const c: SyncCtx = {
      job,
      status,
      pods,
      active: activePods.length,
      ready: activePods.filter(isPodReady).length,
      terminating: pods.filter(isPodTerminating).length,
      succeeded: (status.succeeded ?? 0) + newSucceeded.length + uncountedS.size,
      backoff: nextBackoffRecord(this.backoff.get(key) ?? { failuresAfterLastSuccess: 0 }, newSucceeded, newFailed),
    };
    const failed = (status.failed ?? 0) + countedNewFailed + uncountedF.size;
    const suspended = job.spec.suspend === true;
    if (!status.startTime && !suspended) status.startTime = nowStr;

    // Has the Job met a terminal criterion?
    const scm = S.findCondition(status, 'SuccessCriteriaMet');
    const target = S.findCondition(status, 'FailureTarget');
    if (scm?.status === 'True') c.finished = scm;
    else if (target?.status === 'True') c.finished = target;
    else if (rules) {
      for (const p of pods) {
        const msg = isPodFailed(p, job) ? matchPodFailurePolicy(rules, p).failJobMessage : undefined;
        if (msg) {
          c.finished = S.newCondition('FailureTarget', 'True', S.REASON_POD_FAILURE_POLICY, msg, nowStr);
          break;
        }
      }
    }
    if (!c.finished) {
      const limit = job.spec.backoffLimit ?? 6;
      const deadline = job.spec.activeDeadlineSeconds;
      const started = status.startTime ? parseTime(status.startTime) : undefined;
      if (failed > limit || pastBackoffLimitOnFailure(job, pods)) {
        c.finished = S.newCondition('FailureTarget', 'True', S.REASON_BACKOFF_LIMIT_EXCEEDED, S.MESSAGE_BACKOFF_LIMIT_EXCEEDED, nowStr);
      } else if (deadline !== undefined && started !== undefined && !suspended) {
        const left = started + deadline * 1000 - now;
        if (left <= 0) c.finished = S.newCondition('FailureTarget', 'True', S.REASON_DEADLINE_EXCEEDED, S.MESSAGE_DEADLINE_EXCEEDED, nowStr);
        else c.requeueAfter = left;
      }
    }
    if (mode === 'Indexed') {
      const completions = job.spec.completions ?? 0;
      c.prevSucceededIndexes = parseIndexes(status.completedIndexes, completions);
      c.succeededIndexes = new Set(c.prevSucceededIndexes);
      for (const p of pods) {
        const ix = podIndex(p);
        if (p.status?.phase === 'Succeeded' && ix !== undefined && ix < completions) c.succeededIndexes.add(ix);
      }
      c.succeeded = c.succeededIndexes.size;
    }

    let manageError: unknown;
    if (c.finished) {
      // Finished (or about to be): every active pod goes, keeping its finalizer until it is counted.
      const { deleted, deletedReady } = this.deleteActivePods(job, activePods);
      if (deleted !== activePods.length || !satisfied) c.finished = undefined;
      c.active -= deleted;
      c.terminating += deleted;
      c.ready -= deletedReady;
    } else {
      if (satisfied && !job.metadata.deletionTimestamp) {
        try {
          this.manageJob(key, c, activePods);
        } catch (e) {
          manageError = e;
        }
        this.syncSuspendCondition(c, nowStr);
      }
      const completions = job.spec.completions;
      const complete = completions === undefined ? c.succeeded > 0 && c.active === 0 : c.succeeded >= completions && c.active === 0;
      if (complete) c.finished = S.newCondition('SuccessCriteriaMet', 'True', S.REASON_COMPLETIONS_REACHED, S.MESSAGE_COMPLETIONS_REACHED, nowStr);
    }
    status.active = c.active;
    status.ready = c.ready;
    status.terminating = c.terminating;
    this.trackStatusAndRemoveFinalizers(key, c, cached, nowStr);
    if (manageError !== undefined) throw manageError;
    if (c.requeueAfter !== undefined) return { requeueAfter: c.requeueAfter };
  }

  /** The Job's pods: owned ones, plus matching orphans it adopts. */
  private podsForJob(job: Job): Pod[] {
    let selector: Selector;
    try {
      selector = selectorFromLabelSelector(job.spec.selector);
    } catch {
      return [];
    }
    const ns = job.metadata.namespace ?? 'default';
    const candidates = [...this.podInformer.byIndex(BY_CONTROLLER_UID, job.metadata.uid ?? ''), ...this.orphans.list(ns)];
    return claimObjects<Pod>(
      {
        client: this.client,
        owner: job,
        ownerApiVersion: JOB_API_VERSION,
        ownerKind: 'Job',
        matches: (p) => selector.matches(p.metadata.labels ?? {}),
        canAdopt: () => {
          const fresh = this.client.get<Job>(job, ns, job.metadata.name ?? '');
          return !!fresh && fresh.metadata.uid === job.metadata.uid && !fresh.metadata.deletionTimestamp;
        },
      },
      candidates,
    );
  }

  private syncSuspendCondition(c: SyncCtx, now: string): void {
    const job = c.job;
    if (job.spec.suspend) {
      if (S.ensureCondition(c.status, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now)) this.recorder.event(job, 'Normal', 'Suspended', 'Job suspended');
    } else if (S.ensureCondition(c.status, 'Suspended', 'False', 'JobResumed', 'Job resumed', now)) {
      this.recorder.event(job, 'Normal', 'Resumed', 'Job resumed');
      // activeDeadlineSeconds counts continuous activity: a resumed Job starts its clock again.
      c.status.startTime = now;
    }
  }

  private manageJob(key: string, c: SyncCtx, activePods: Pod[]): void {
    const job = c.job;
    if (job.spec.suspend) {
      this.expectations.expectDeletions(key, activePods.map((p) => keyOf(p)));
      const r = this.deleteJobPods(key, job, activePods);
      c.active -= r.deleted;
      c.terminating += r.deleted;
      c.ready -= r.deletedReady;
      return;
    }
    const parallelism = job.spec.parallelism ?? 1;
    const completions = job.spec.completions;
    let want: number;
    if (completions === undefined) want = c.succeeded > 0 ? c.active : parallelism;
    else want = Math.max(0, Math.min(completions - c.succeeded, parallelism));
    const surplus = this.podsForRemoval(job, activePods, Math.max(0, c.active - want)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (surplus.length > 0) {
      this.expectations.expectDeletions(key, surplus.map((p) => keyOf(p)));
      const r = this.deleteJobPods(key, job, surplus);
      c.active -= r.deleted;
      c.terminating += r.deleted;
      c.ready -= r.deletedReady;
      return;
    }
    const terminating = onlyReplaceFailedPods(job) ? c.terminating : 0;
    let diff = Math.min(want - terminating - c.active, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (diff <= 0) return;
    const wait = remainingBackoffMs(c.backoff, this.ctx.clock.now());
    if (wait > 0) {
      c.requeueAfter = c.requeueAfter === undefined ? wait : Math.min(c.requeueAfter, wait);
      return;
    }
    let indexes: number[] | undefined;
    if (job.spec.completionMode === 'Indexed') {
      const busy = new Set<number>([...(c.succeededIndexes ?? [])]);
      for (const p of activePods) {
        const ix = podIndex(p);
        if (ix !== undefined) busy.add(ix);
      }
      indexes = [];
      for (let i = 0; i < (completions ?? 0) && indexes.length < diff; i++) if (!busy.has(i)) indexes.push(i);
      diff = indexes.length;
      if (diff === 0) return;
    }
    this.expectations.expectCreations(key, diff);
    const ref = newControllerRef(job, JOB_API_VERSION, 'Job');
    let n = 0;
    const { successes, error } = slowStartBatch(diff, 1, () => {
      const ix = indexes?.[n++];
      this.createPod(job, jobPod(job, ref, ix));
    });
    for (let i = successes; i < diff; i++) this.expectations.creationObserved(key);
    c.active += successes;
    if (error !== undefined) throw error;
  }

  /** Pods to delete when there are too many: for Indexed Jobs out-of-range and repeated indexes first. */
  private podsForRemoval(job: Job, active: Pod[], count: number): Pod[] {
    if (count <= 0) return [];
    if (job.spec.completionMode !== 'Indexed') return podsToDelete(active, active, count, this.ctx.clock.now());
    const seen = new Set<number>();
    const bad: Pod[] = [];
    const rest: Pod[] = [];
    for (const p of active) {
      const ix = podIndex(p);
      if (ix === undefined || ix >= (job.spec.completions ?? 0) || seen.has(ix)) bad.push(p);
      else {
        seen.add(ix);
        rest.push(p);
      }
    }
    return [...bad, ...podsToDelete(rest, rest, Math.max(0, count - bad.length), this.ctx.clock.now())].slice(0, count);
  }

  private createPod(job: Job, pod: Pod): void {
    let created: KubeObject;
    try {
      created = this.client.create(pod);
    } catch (e) {
      if (isApiError(e) && (e.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating')) return;
      this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(e)}`);
      throw e;
    }
    this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }

  private deletePod(job: Job, pod: Pod): boolean {
    const name = pod.metadata.name ?? '';
    let res: KubeObject | undefined;
    try {
      res = this.client.delete(POD, pod.metadata.namespace, name);
    } catch (e) {
      this.recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(e)}`);
      throw e;
    }
    if (res) this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
    return true;
  }

  /** Deletes active pods keeping their finalizers (deleteActivePods): they are counted as they end. */
  private deleteActivePods(job: Job, pods: readonly Pod[]): { deleted: number; deletedReady: number } {
    let deleted = 0;
    let deletedReady = 0;
    for (const p of pods) {
      try {
        this.deletePod(job, p);
        deleted++;
        if (isPodReady(p)) deletedReady++;
      } catch {
        // Retried on the next sync.
      }
    }
    return { deleted, deletedReady };
  }

  /** Removes the finalizer, then deletes (deleteJobPods): surplus and suspended pods are not counted. */
  private deleteJobPods(key: string, job: Job, pods: readonly Pod[]): { deleted: number; deletedReady: number } {
    let deleted = 0;
    let deletedReady = 0;
    let firstError: unknown;
    for (const p of pods) {
      try {
        this.removeFinalizer(p);
        this.deletePod(job, p);
        deleted++;
        if (isPodReady(p)) deletedReady++;
      } catch (e) {
        this.expectations.deletionObserved(key, keyOf(p));
        firstError ??= e;
      }
    }
    if (firstError !== undefined) throw firstError;
    return { deleted, deletedReady };
  }

  /** Drops the tracking finalizer with a guarded JSON patch; a pod already gone is fine. */
  private removeFinalizer(pod: Pod): void {
    const i = (pod.metadata.finalizers ?? []).indexOf(JOB_TRACKING_FINALIZER);
    if (i < 0) return;
    const path = `/metadata/finalizers/${i}`;
    try {
      this.client.patch(POD, pod.metadata.namespace, pod.metadata.name ?? '', 'json', [
        { op: 'test', path, value: JOB_TRACKING_FINALIZER },
        { op: 'remove', path },
      ]);
    } catch (e) {
      if (isApiError(e) && e.code === 404) return;
      throw e;
    }
  }

  /**
   * trackJobStatusAndRemoveFinalizers: records newly finished pods as uncounted, removes their
   * finalizers, moves them into the counters, and enacts a terminal condition once nothing is left
   * uncounted or terminating. Writes the status when it changed.
   */
  private trackStatusAndRemoveFinalizers(key: string, c: SyncCtx, cached: Job, now: string): void {
    const { job, status } = c;
    const indexed = job.spec.completionMode === 'Indexed';
    const completions = job.spec.completions ?? 0;
    const u = status.uncountedTerminatedPods!;
    const uS = new Set(u.succeeded);
    const uF = new Set(u.failed);
    const rules = job.spec.podFailurePolicy?.rules;
    const failing = !!c.finished && c.finished.type !== 'SuccessCriteriaMet';
    const toRemove: Pod[] = [];
    for (const pod of c.pods) {
      if (!hasTrackingFinalizer(pod)) continue;
      const failed = isPodFailed(pod, job);
      const succeeded = pod.status?.phase === 'Succeeded';
      if (!(job.metadata.deletionTimestamp || c.finished || succeeded || failed)) continue;
      toRemove.push(pod);
      const uid = pod.metadata.uid ?? '';
      const ix = podIndex(pod);
      if (succeeded && !uF.has(uid)) {
        if (!indexed && !uS.has(uid)) uS.add(uid);
      } else if (failed || failing) {
        if (!uF.has(uid) && (!indexed || (ix !== undefined && ix < completions))) {
          if (!rules || matchPodFailurePolicy(rules, pod).countFailed) uF.add(uid);
        }
      }
    }
    u.succeeded = [...uS];
    u.failed = [...uF];
    if (indexed) {
      status.completedIndexes = formatIndexes(c.succeededIndexes ?? []);
      status.succeeded = c.succeededIndexes?.size ?? 0;
    }
    let finished = c.finished;
    if (finished?.type === 'FailureTarget') {
      if (!S.findCondition(status, 'FailureTarget')) (status.conditions ??= []).push(finished);
      finished = S.newCondition('Failed', 'True', finished.reason ?? '', finished.message ?? '', now);
    } else if (finished?.type === 'SuccessCriteriaMet') {
      if (!S.findCondition(status, 'SuccessCriteriaMet')) (status.conditions ??= []).push(finished);
      finished = S.newCondition('Complete', 'True', finished.reason ?? '', finished.message ?? '', now);
    }
    let current = cached;
    // First write: the uncounted pods and interim condition, before any finalizer goes (so a crash
    // between the two never loses a pod from the counts).
    if (toRemove.length > 0) current = this.writeStatus(current, status);
    let firstError: unknown;
    const removed = new Set<string>();
    for (const p of toRemove) {
      try {
        this.removeFinalizer(p);
        removed.add(p.metadata.uid ?? '');
      } catch (e) {
        firstError ??= e;
      }
    }
    const stillS = u.succeeded.filter((uid) => !removed.has(uid) && c.pods.some((p) => p.metadata.uid === uid && hasTrackingFinalizer(p)));
    const stillF = u.failed.filter((uid) => !removed.has(uid) && c.pods.some((p) => p.metadata.uid === uid && hasTrackingFinalizer(p)));
    status.succeeded = (status.succeeded ?? 0) + (indexed ? 0 : u.succeeded.length - stillS.length);
    status.failed = (status.failed ?? 0) + u.failed.length - stillF.length;
    u.succeeded = stillS;
    u.failed = stillF;
    let enacted = false;
    if (finished && stillS.length + stillF.length === 0 && c.terminating === 0 && firstError === undefined) {
      S.ensureCondition(status, finished.type, 'True', finished.reason ?? '', finished.message ?? '', now);
      if (finished.type === 'Complete') status.completionTime = now;
      enacted = true;
    }
    current = this.writeStatus(current, status);
    if (enacted) {
      this.backoff.delete(key);
      if (finished!.type === 'Complete') {
        if (job.spec.completions !== undefined && (status.succeeded ?? 0) > job.spec.completions) {
          this.recorder.event(current, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
        }
        this.recorder.event(current, 'Normal', 'Completed', 'Job completed');
      } else this.recorder.event(current, 'Warning', finished!.reason ?? '', finished!.message ?? '');
    } else this.backoff.set(key, c.backoff);
    if (firstError !== undefined) throw firstError;
  }

  /** Writes `status` unless the stored one already equals it; returns the stored Job. */
  private writeStatus(current: Job, status: JobStatus): Job {
    const next = S.tidyStatus(clone(status));
    if (JSON.stringify(current.status ?? {}) === JSON.stringify(next)) return current;
    const obj = clone(current) as Job;
    obj.status = next;
    return this.client.updateStatus(obj);
  }

  /** syncOrphanPod: drops the finalizer of a pod whose Job is gone or finished. */
  private syncOrphanPod(podKey: string): void {
    const { namespace, name } = splitKey(podKey);
    const pod = this.podInformer.getByName(namespace, name);
    if (!pod || !hasTrackingFinalizer(pod)) return;
    const ref = controllerRefOf(pod);
    if (ref) {
      if (ref.kind !== 'Job' || ref.apiVersion !== JOB_API_VERSION) return;
      const job = this.jobOf(pod);
      if (job && !isJobFinished(job)) return;
    }
    this.removeFinalizer(pod);
  }
}

/** With restartPolicy OnFailure, the container restarts of running pods count against backoffLimit. */
function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if ((job.spec.template?.spec as { restartPolicy?: string } | undefined)?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of [...(p.status?.containerStatuses ?? []), ...((p.status?.initContainerStatuses as { restartCount?: number }[] | undefined) ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

