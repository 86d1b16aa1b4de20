/**
 * kube-controller-manager's TTL-after-finished controller (k/k pkg/controller/ttlafterfinished): a Job
 * with `ttlSecondsAfterFinished` is deleted, with background propagation (its pods go too), that many
 * seconds after its Complete or Failed condition's transition. The Job is re-read before deleting, and
 * the delete carries its uid as a precondition, so a Job replaced under the same name is never hit.
 */
import { parseTime } from '../../sim/clock.ts';
import type { Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { finishedCondition, type Job } from './job-types.ts';

export const TTL_AFTER_FINISHED_CONTROLLER = 'ttl-after-finished-controller';
const JOB = { apiVersion: 'batch/v1', kind: 'Job' };

/** When `job` expires (epoch ms), or undefined when it has no TTL or has not finished. */
export function jobExpiresAt(job: Job): number | undefined {
  const ttl = job.spec.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null || job.metadata.deletionTimestamp) return undefined;
  const cond = finishedCondition(job);
  if (!cond) return undefined;
  const at = parseTime(cond.lastTransitionTime ?? job.status?.completionTime ?? '');
  return Number.isNaN(at) ? undefined : at + ttl * 1000;
}

export class TtlAfterFinishedController extends Controller {
  readonly name = TTL_AFTER_FINISHED_CONTROLLER;
  private jobs!: Informer<Job>;

  constructor(ctx: ControllerContext) {
    super(ctx, TTL_AFTER_FINISHED_CONTROLLER);
  }

  start(): void {
    this.jobs = this.ctx.informers.get<Job>('batch', 'jobs');
    this.jobs.addHandler({
      onAdd: (j) => this.enqueueIfNeeded(j),
      onUpdate: (_o, j) => this.enqueueIfNeeded(j),
    });
  }

  private enqueueIfNeeded(job: Job): void {
    if (jobExpiresAt(job) !== undefined) this.enqueue(job);
  }

  reconcile(key: string): ReconcileResult | void {
    const job = this.jobs.get(key);
    if (!job) return;
    const at = jobExpiresAt(job);
    if (at === undefined) return;
    const now = this.ctx.clock.now();
    if (at > now) return { requeueAfter: at - now };
    const fresh = this.client.get<Job>(JOB, job.metadata.namespace, job.metadata.name ?? '');
    if (!fresh || fresh.metadata.uid !== job.metadata.uid) return;
    const freshAt = jobExpiresAt(fresh);
    if (freshAt === undefined) return;
    if (freshAt > now) return { requeueAfter: freshAt - now };
    this.client.delete(JOB, job.metadata.namespace, job.metadata.name ?? '', { propagationPolicy: 'Background', preconditions: { uid: job.metadata.uid ?? '' } });
  }
}
