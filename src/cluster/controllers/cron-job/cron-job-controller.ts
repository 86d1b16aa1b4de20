/**
 * kube-controller-manager's CronJob controller (k/k pkg/controller/cronjob/cronjob_controllerv2.go).
 *
 * reconcile(`ns/name`): reconcile `status.active` with the Jobs the CronJob controls (finished ones leave
 * it, with `SawCompletedJob`; `lastSuccessfulTime` follows completions), trim finished Jobs beyond the
 * history limits, then — unless deleted, suspended or in an unknown time zone — find the most recent
 * unmet schedule time (counting misses since `lastScheduleTime` or creation, bounded by
 * `startingDeadlineSeconds`) and start `<cronjob>-<scheduled unix minutes>` according to the concurrency
 * policy. It always asks to be woken at the next schedule time (+100 ms, as upstream): a timer on the
 * virtual clock, never polling.
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { isApiError } from '../../api/errors.ts';
import { clone } from '../../api/object-meta.ts';
import { parseCronSchedule, type CronSchedule } from '../../api/strategies/cron-schedule.ts';
import { BY_CONTROLLER_UID, type Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { parseTime } from '../../sim/clock.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { controllerRefOf, newControllerRef } from '../replica-set/pod-utils.ts';
import { finishedCondition, type Job, type JobSpec } from '../job/job-types.ts';
import { mostRecentScheduleTime, nextScheduleTime, rfc1123z, rfc3339InZone, timeZoneError } from './cron-time.ts';

export const CRONJOB_CONTROLLER = 'cronjob-controller';
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** More missed start times than this raise TooManyMissedTimes. */
export const MAX_MISSED_SCHEDULES = 100;
const JOB = { apiVersion: 'batch/v1', kind: 'Job' };
const CRONJOB = { apiVersion: 'batch/v1', kind: 'CronJob' };

export interface JobReference {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  resourceVersion?: string;
  uid: string;
}

export interface CronJob extends KubeObject {
  spec: {
    schedule: string;
    timeZone?: string;
    startingDeadlineSeconds?: number;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    suspend?: boolean;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    jobTemplate: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: JobSpec };
  };
  status?: { active?: JobReference[]; lastScheduleTime?: string; lastSuccessfulTime?: string };
}

/** `<cronjob>-<scheduled time in minutes since the epoch>` (getJobName). */
export function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledMs / 60_000)}`;
}

function errorMessage(e: unknown): string {
  return isApiError(e) ? (e.status.message ?? e.message) : e instanceof Error ? e.message : String(e);
}

export class CronJobController extends Controller {
  readonly name = CRONJOB_CONTROLLER;
  private cronJobs!: Informer<CronJob>;
  private jobs!: Informer<Job>;

  constructor(ctx: ControllerContext) {
    super(ctx, CRONJOB_CONTROLLER);
  }

  start(): void {
    this.cronJobs = this.ctx.informers.get<CronJob>('batch', 'cronjobs');
    this.jobs = this.ctx.informers.get<Job>('batch', 'jobs');
    this.cronJobs.addHandler({ onAdd: (cj) => this.enqueue(cj), onUpdate: (_o, cj) => this.enqueue(cj) });
    const jobChanged = (j: Job) => {
      const ref = controllerRefOf(j);
      if (ref?.kind !== 'CronJob') return;
      const cj = this.cronJobs.getByName(j.metadata.namespace, ref.name);
      if (cj && cj.metadata.uid === ref.uid) this.enqueue(cj);
    };
    this.jobs.addHandler({ onAdd: jobChanged, onUpdate: (_o, j) => jobChanged(j), onDelete: jobChanged });
  }

  reconcile(key: string): ReconcileResult | void {
    const cached = this.cronJobs.get(key);
    if (!cached) return;
    const cj = clone(cached) as CronJob;
    const status = (cj.status = clone(cached.status ?? {}));
    const before = JSON.stringify(status);
    const children = this.jobs.byIndex(BY_CONTROLLER_UID, cj.metadata.uid ?? '');
    this.syncActive(cj, children);
    this.cleanupFinishedJobs(cj, children);
    let requeue: number | undefined;
    try {
      requeue = this.schedule(cj);
    } finally {
      if (status.active && status.active.length === 0) delete status.active;
      if (JSON.stringify(status) !== before) this.client.updateStatus(cj);
    }
    if (requeue !== undefined) return { requeueAfter: requeue };
  }

  private syncActive(cj: CronJob, children: readonly Job[]): void {
    const status = cj.status!;
    const active = (status.active ??= []);
    for (const j of children) {
      const inActive = active.some((r) => r.uid === j.metadata.uid);
      const fin = finishedCondition(j);
      if (!inActive && !fin) {
        this.recorder.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
      } else if (inActive && fin) {
        status.active = (status.active ?? []).filter((r) => r.uid !== j.metadata.uid);
        this.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${fin.type}`);
      }
      if (fin?.type === 'Complete' && j.status?.completionTime) {
        const last = status.lastSuccessfulTime ? parseTime(status.lastSuccessfulTime) : -Infinity;
        if (parseTime(j.status.completionTime) > last) status.lastSuccessfulTime = j.status.completionTime;
      }
    }
    for (const ref of [...(status.active ?? [])]) {
      if (children.some((j) => j.metadata.uid === ref.uid)) continue;
      const live = this.client.get(JOB, ref.namespace, ref.name);
      if (live && live.metadata.uid === ref.uid) continue;
      this.recorder.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
      status.active = (status.active ?? []).filter((r) => r.uid !== ref.uid);
    }
  }

  /** Deletes the oldest finished Jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit. */
  private cleanupFinishedJobs(cj: CronJob, children: readonly Job[]): void {
    const byStart = (a: Job, b: Job) => {
      const sa = a.status?.startTime ? parseTime(a.status.startTime) : undefined;
      const sb = b.status?.startTime ? parseTime(b.status.startTime) : undefined;
      if (sa === undefined || sb === undefined) return sa === sb ? (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '') : sa === undefined ? 1 : -1;
      return sa - sb || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
    };
    const prune = (jobs: Job[], limit: number | undefined) => {
      if (limit === undefined) return;
      jobs.sort(byStart);
      for (const j of jobs.slice(0, Math.max(0, jobs.length - limit))) this.deleteJob(cj, j);
    };
    const live = children.filter((j) => !j.metadata.deletionTimestamp);
    prune(live.filter((j) => finishedCondition(j)?.type === 'Complete'), cj.spec.successfulJobsHistoryLimit);
    prune(live.filter((j) => finishedCondition(j)?.type === 'Failed'), cj.spec.failedJobsHistoryLimit);
  }

  private deleteJob(cj: CronJob, job: Job): boolean {
    try {
      this.client.delete(JOB, job.metadata.namespace, job.metadata.name ?? '', { propagationPolicy: 'Background' });
    } catch (e) {
      this.recorder.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${errorMessage(e)}`);
      return false;
    }
    cj.status!.active = (cj.status!.active ?? []).filter((r) => r.uid !== job.metadata.uid);
    this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
    return true;
  }

  /** Starts the Job due now, if any; returns the delay to the next look. */
  private schedule(cj: CronJob): number | undefined {
    if (cj.metadata.deletionTimestamp) return undefined;
    const zone = cj.spec.timeZone;
    const tzError = timeZoneError(zone);
    if (tzError) {
      this.recorder.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(zone)}: ${tzError}`);
      return undefined;
    }
    if (cj.spec.suspend) return undefined;
    let sched: CronSchedule;
    try {
      sched = parseCronSchedule(cj.spec.schedule);
    } catch (e) {
      this.recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${errorMessage(e)}`);
      return undefined;
    }
    const now = this.ctx.clock.now();
    const status = cj.status!;
    const wake = () => {
      const next = nextScheduleTime(sched, now, zone);
      return next === undefined ? undefined : next - now + 100;
    };
    let earliest = parseTime(status.lastScheduleTime ?? cj.metadata.creationTimestamp ?? '');
    if (Number.isNaN(earliest)) earliest = now;
    const sds = cj.spec.startingDeadlineSeconds;
    if (sds !== undefined) earliest = Math.max(earliest, now - sds * 1000);
    const { latest, missed } = mostRecentScheduleTime(sched, earliest, now, zone, MAX_MISSED_SCHEDULES);
    if (missed > MAX_MISSED_SCHEDULES) {
      this.recorder.event(cj, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
    }
    if (latest === undefined) return wake();
    if (sds !== undefined && latest + sds * 1000 < now) {
      this.recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(latest)}`);
      return wake();
    }
    const name = jobNameFor(cj.metadata.name ?? '', latest);
    const active = status.active ?? [];
    if (active.some((r) => r.name === name) || (status.lastScheduleTime && parseTime(status.lastScheduleTime) === latest)) return wake();
    if (cj.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
      this.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return wake();
    }
    if (cj.spec.concurrencyPolicy === 'Replace') {
      for (const ref of active) {
        const job = this.client.get<Job>(JOB, ref.namespace, ref.name);
        if (job && !this.deleteJob(cj, job)) throw new Error(`could not replace job ${ref.namespace}/${ref.name}`);
        if (!job) status.active = (status.active ?? []).filter((r) => r.uid !== ref.uid);
      }
    }
    const created = this.createJob(cj, name, latest, zone);
    if (!created) return wake();
    (status.active ??= []).push({
      apiVersion: 'batch/v1',
      kind: 'Job',
      name: created.metadata.name ?? name,
      namespace: created.metadata.namespace ?? 'default',
      resourceVersion: created.metadata.resourceVersion ?? '',
      uid: created.metadata.uid ?? '',
    });
    status.lastScheduleTime = new Date(latest).toISOString().replace('.000Z', 'Z');
    return wake();
  }

  /** Creates the Job (getJobFromTemplate2); an existing one of ours is taken as created. */
  private createJob(cj: CronJob, name: string, scheduledMs: number, zone: string | undefined): Job | undefined {
    const tmpl = cj.spec.jobTemplate ?? {};
    const ref: OwnerReference = newControllerRef(cj, CRONJOB.apiVersion, CRONJOB.kind);
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata.namespace ?? 'default',
        labels: { ...(tmpl.metadata?.labels ?? {}) },
        annotations: { ...(tmpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339InZone(scheduledMs, zone) },
        ownerReferences: [ref],
      },
      spec: clone(tmpl.spec ?? {}) as JobSpec,
    };
    if (Object.keys(job.metadata.labels!).length === 0) delete job.metadata.labels;
    try {
      const created = this.client.create(job);
      this.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
      return created;
    } catch (e) {
      if (isApiError(e) && e.code === 409) {
        const existing = this.client.get<Job>(JOB, job.metadata.namespace, name);
        const owned = existing && controllerRefOf(existing)?.uid === cj.metadata.uid;
        if (!owned || (cj.status?.active ?? []).some((r) => r.uid === existing.metadata.uid)) return undefined;
        return existing;
      }
      this.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${errorMessage(e)}`);
      throw e;
    }
  }
}
