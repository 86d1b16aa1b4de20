import { describe, expect, it } from 'vitest';
import { batchScenario } from '../job/batch-scenario.ts';
import { JobController } from '../job/job-controller.ts';
import type { Job } from '../job/job-types.ts';
import { CronJobController, jobNameFor, type CronJob } from './cron-job-controller.ts';

const CJ = { apiVersion: 'batch/v1', kind: 'CronJob' };
const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);

function cronJob(name: string, spec: Partial<CronJob['spec']>, command = ['sleep', '5']): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox:1.36', command }] } } } },
      ...spec,
    },
  };
}

function scenario() {
  return batchScenario({ startMs: T0, controllers: (ctx) => [new CronJobController(ctx), new JobController(ctx)] });
}

const minute = (n: number) => T0 + n * 60_000;

describe('CronJob controller', () => {
  it('creates one Job per virtual minute, named by the scheduled minute, and keeps 3 successful', () => {
    const s = scenario();
    const cj = s.create(cronJob('hello', {}));
    s.run(30_000);
    expect(s.list<Job>('batch', 'jobs')).toHaveLength(0);
    s.run(6 * 60_000);
    expect(s.errors()).toEqual([]);
    const jobs = s.list<Job>('batch', 'jobs');
    // Six starts (00:01..00:06), all done by 00:06:30: the 3 newest successful Jobs stay.
    expect(jobs.map((j) => j.metadata.name).sort()).toEqual([4, 5, 6].map((m) => jobNameFor('hello', minute(m))));
    const j6 = jobs.find((j) => j.metadata.name === `hello-${minute(6) / 60_000}`)!;
    expect(j6.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(j6.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T00:06:00Z' });
    const status = s.get<CronJob>(CJ, 'hello')!.status!;
    expect(status.lastScheduleTime).toBe('2026-01-01T00:06:00Z');
    expect(status.active).toBeUndefined();
    expect(status.lastSuccessfulTime).toMatch(/^2026-01-01T00:06:0\dZ$/);
    const ev = s.events().filter((e) => e.object === 'cronjob/hello');
    const first = jobNameFor('hello', minute(1));
    expect(ev.slice(0, 2).map((e) => [e.reason, e.message])).toEqual([
      ['SuccessfulCreate', `Created job ${first}`],
      ['SawCompletedJob', `Saw completed job: ${first}, condition: Complete`],
    ]);
    expect(ev.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message)).toEqual([1, 2, 3].map((m) => `Deleted job ${jobNameFor('hello', minute(m))}`));
    // The deleted Jobs' pods went with them (background propagation).
    s.run(60_000);
    const owners = new Set(s.pods().map((p) => p.metadata.labels?.['job-name']));
    expect(owners.has(first)).toBe(false);
  });

  it('skips a start with Forbid while the previous Job runs', () => {
    const s = scenario();
    s.create(cronJob('once', { concurrencyPolicy: 'Forbid' }, ['sleep', '90']));
    s.run(4 * 60_000 + 30_000);
    const names = s.list<Job>('batch', 'jobs').map((j) => j.metadata.name).sort();
    // 00:01 runs for 90 s, so 00:02 is skipped — and, as on a real cluster, started late once 00:01
    // finishes (lastScheduleTime still says 00:01); that one runs over 00:03, which is skipped and
    // never started, since by the time it ends 00:04 is the most recent schedule.
    expect(names).toEqual([1, 2, 4].map((m) => jobNameFor('once', minute(m))));
    const late = s.list<Job>('batch', 'jobs').find((j) => j.metadata.name === jobNameFor('once', minute(2)))!;
    expect(Date.parse(late.metadata.creationTimestamp!)).toBeGreaterThan(minute(2) + 30_000);
    const skipped = s.events().filter((e) => e.reason === 'JobAlreadyActive');
    expect(skipped[0]).toMatchObject({ type: 'Normal', message: 'Not starting job because prior execution is running and concurrency policy is Forbid' });
  });

  it('replaces the running Job with Replace', () => {
    const s = scenario();
    s.create(cronJob('swap', { concurrencyPolicy: 'Replace' }, ['sleep', '600']));
    s.run(2 * 60_000 + 10_000);
    expect(s.list<Job>('batch', 'jobs').map((j) => j.metadata.name)).toEqual([jobNameFor('swap', minute(2))]);
    expect(s.events().some((e) => e.reason === 'SuccessfulDelete' && e.message === `Deleted job ${jobNameFor('swap', minute(1))}`)).toBe(true);
  });

  it('starts nothing while suspended, and warns when more than 100 start times were missed', () => {
    const s = scenario();
    s.create(cronJob('late', { suspend: true }));
    s.run(150 * 60_000);
    expect(s.list<Job>('batch', 'jobs')).toHaveLength(0);
    const cj = structuredClone(s.get<CronJob>(CJ, 'late')!);
    cj.spec.suspend = false;
    s.user.update(cj);
    s.run(1000);
    expect(s.events().find((e) => e.reason === 'TooManyMissedTimes')).toMatchObject({ type: 'Warning', message: 'too many missed start times: 101. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
    // Only the most recent missed time is started.
    expect(s.list<Job>('batch', 'jobs').map((j) => j.metadata.name)).toEqual([jobNameFor('late', minute(150))]);
  });

  it('evaluates the schedule in its time zone', () => {
    const s = batchScenario({ startMs: Date.UTC(2026, 0, 1, 23, 58), controllers: (ctx) => [new CronJobController(ctx), new JobController(ctx)] });
    s.create(cronJob('tokyo', { schedule: '0 9 * * *', timeZone: 'Asia/Tokyo', startingDeadlineSeconds: 30 }));
    s.run(3 * 60_000);
    const jobs = s.list<Job>('batch', 'jobs');
    // 09:00 JST on 2026-01-02 is 00:00 UTC on the 2nd.
    expect(jobs.map((j) => j.metadata.name)).toEqual([jobNameFor('tokyo', Date.UTC(2026, 0, 2, 0, 0))]);
    expect(jobs[0]!.metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-02T09:00:00+09:00');
  });
});
