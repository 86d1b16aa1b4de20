import { describe, expect, it } from 'vitest';
import { parseTime } from '../../sim/clock.ts';
import { batchScenario, type BatchScenario } from './batch-scenario.ts';
import { JobController } from './job-controller.ts';
import { TtlAfterFinishedController } from './ttl-after-finished-controller.ts';
import type { Job } from './job-types.ts';
import type { Pod } from '../replica-set/workload-types.ts';

const JOB = { apiVersion: 'batch/v1', kind: 'Job' };

function job(name: string, spec: Partial<Job['spec']>, command: string[] = ['sleep', '5'], restartPolicy = 'Never'): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { template: { spec: { restartPolicy, containers: [{ name: 'work', image: 'busybox:1.36', command }] } }, ...spec },
  };
}

function scenario() {
  return batchScenario({ controllers: (ctx) => [new JobController(ctx), new TtlAfterFinishedController(ctx)] });
}

const running = (p: Pod) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
const getJob = (s: BatchScenario, name: string) => s.get<Job>(JOB, name)!;
const conditions = (j: Job) => (j.status?.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message]);

describe('Job controller', () => {
  it('runs completions 5 / parallelism 2: exactly 5 successful pods, never more than 2 at once, then Complete', () => {
    const s = scenario();
    const created = s.create(job('pi', { completions: 5, parallelism: 2 }));
    let maxActive = 0;
    s.run(120_000, () => (maxActive = Math.max(maxActive, s.pods().filter(running).length)));
    expect(s.errors()).toEqual([]);
    expect(maxActive).toBe(2);
    const pods = s.pods();
    expect(pods).toHaveLength(5);
    expect(pods.every((p) => p.status?.phase === 'Succeeded')).toBe(true);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toMatchObject({
        'batch.kubernetes.io/controller-uid': created.metadata.uid,
        'batch.kubernetes.io/job-name': 'pi',
        'controller-uid': created.metadata.uid,
        'job-name': 'pi',
      });
      // Counted, so the tracking finalizer is gone.
      expect(p.metadata.finalizers ?? []).toEqual([]);
    }
    const j = getJob(s, 'pi');
    expect(j.status).toMatchObject({ succeeded: 5, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(j.status?.active).toBeUndefined();
    expect(j.status?.failed).toBeUndefined();
    expect(j.status?.completionTime).toBeDefined();
    expect(conditions(j)).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    const ev = s.events().filter((e) => e.object === 'job/pi');
    expect(ev.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(ev.at(-1)).toEqual({ type: 'Normal', reason: 'Completed', object: 'job/pi', message: 'Job completed', source: 'job-controller' });
  });

  it('stops a failing Job at backoffLimit with BackoffLimitExceeded, backing off 10 s then 20 s', () => {
    const s = scenario();
    s.create(job('fail', { backoffLimit: 2 }, ['sh', '-c', 'exit 1']));
    s.run(300_000);
    expect(s.errors()).toEqual([]);
    const pods = s.pods().sort((a, b) => parseTime(a.metadata.creationTimestamp!) - parseTime(b.metadata.creationTimestamp!));
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.status?.phase === 'Failed')).toBe(true);
    const finished = (p: Pod) => parseTime((p.status!.containerStatuses![0]!.state as { terminated: { finishedAt: string } }).terminated.finishedAt);
    const gaps = [1, 2].map((i) => (parseTime(pods[i]!.metadata.creationTimestamp!) - finished(pods[i - 1]!)) / 1000);
    expect(gaps).toEqual([10, 20]);
    const j = getJob(s, 'fail');
    expect(j.status).toMatchObject({ failed: 3, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(conditions(j)).toEqual([
      ['FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(s.events().filter((e) => e.object === 'job/fail').at(-1)).toMatchObject({ type: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
  });

  it('gives an Indexed Job one pod per index with the index annotation, label, env and hostname', () => {
    const s = scenario();
    s.create(job('idx', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    s.run(0);
    const pods = s.pods().sort((a, b) => a.metadata.annotations!['batch.kubernetes.io/job-completion-index']!.localeCompare(b.metadata.annotations!['batch.kubernetes.io/job-completion-index']!));
    expect(pods.map((p) => p.metadata.annotations!['batch.kubernetes.io/job-completion-index'])).toEqual(['0', '1', '2']);
    pods.forEach((p, i) => {
      expect(p.metadata.name).toMatch(new RegExp(`^idx-${i}-[a-z0-9]{5}$`));
      expect(p.metadata.labels!['batch.kubernetes.io/job-completion-index']).toBe(String(i));
      expect(p.spec!['hostname']).toBe(`idx-${i}`);
      const env = (p.spec!['containers'] as { env: unknown[] }[])[0]!.env;
      expect(env).toContainEqual({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } });
    });
    s.run(60_000);
    const j = getJob(s, 'idx');
    expect(j.status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' });
    expect(conditions(j).map((c) => c[0])).toEqual(['SuccessCriteriaMet', 'Complete']);
  });

  it('fails at activeDeadlineSeconds with DeadlineExceeded, once its pods are gone', () => {
    const s = scenario();
    s.create(job('slow', { activeDeadlineSeconds: 20 }, ['sleep', '3600']));
    s.run(21_000);
    let j = getJob(s, 'slow');
    expect(conditions(j)).toEqual([['FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline']]);
    expect(s.events().some((e) => e.reason === 'SuccessfulDelete' && e.object === 'job/slow')).toBe(true);
    s.run(60_000);
    j = getJob(s, 'slow');
    expect(conditions(j).map((c) => c[0])).toEqual(['FailureTarget', 'Failed']);
    expect(j.status).toMatchObject({ failed: 1, terminating: 0 });
    expect(s.events().filter((e) => e.object === 'job/slow').at(-1)).toMatchObject({ type: 'Warning', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
  });

  it('fails at once on a FailJob podFailurePolicy rule, and ignores failures an Ignore rule matches', () => {
    const s = scenario();
    const rules = [
      { action: 'Ignore' as const, onExitCodes: { operator: 'In' as const, values: [3] } },
      { action: 'FailJob' as const, onExitCodes: { containerName: 'work', operator: 'In' as const, values: [42] } },
    ];
    s.create(job('pfp', { backoffLimit: 6, podFailurePolicy: { rules } }, ['sh', '-c', 'exit 42']));
    s.run(30_000);
    const pods = s.pods();
    expect(pods).toHaveLength(1);
    expect(conditions(getJob(s, 'pfp'))[1]).toEqual(['Failed', 'True', 'PodFailurePolicy', `Container work for pod default/${pods[0]!.metadata.name} failed with exit code 42 matching FailJob rule at index 1`]);
    s.create(job('ign', { backoffLimit: 0, podFailurePolicy: { rules } }, ['sh', '-c', 'exit 3']));
    s.run(60_000);
    const j = getJob(s, 'ign');
    expect(j.status?.failed).toBeUndefined();
    expect(isFinished(j)).toBe(false);
    expect(s.pods().filter((p) => p.metadata.labels?.['job-name'] === 'ign').length).toBeGreaterThan(1);
  });

  it('deletes its pods while suspended and records Suspended / Resumed', () => {
    const s = scenario();
    s.create(job('sus', { parallelism: 2, completions: 4 }, ['sleep', '30']));
    s.run(3000);
    expect(s.pods().filter(running)).toHaveLength(2);
    const j = structuredClone(getJob(s, 'sus'));
    j.spec.suspend = true;
    s.user.update(j);
    s.run(1000);
    expect(s.pods().filter(running)).toHaveLength(0);
    expect(conditions(getJob(s, 'sus'))).toEqual([['Suspended', 'True', 'JobSuspended', 'Job suspended']]);
    const r = structuredClone(getJob(s, 'sus'));
    r.spec.suspend = false;
    s.user.update(r);
    s.run(1000);
    expect(s.pods().filter(running)).toHaveLength(2);
    expect(conditions(getJob(s, 'sus'))).toEqual([['Suspended', 'False', 'JobResumed', 'Job resumed']]);
    expect(s.events().filter((e) => e.object === 'job/sus' && (e.reason === 'Suspended' || e.reason === 'Resumed')).map((e) => e.message)).toEqual(['Job suspended', 'Job resumed']);
  });

  it('deletes a finished Job and its pods ttlSecondsAfterFinished later', () => {
    const s = scenario();
    s.create(job('ttl', { ttlSecondsAfterFinished: 30 }, ['sleep', '5']));
    s.run(20_000);
    expect(isFinished(getJob(s, 'ttl'))).toBe(true);
    const completedAt = parseTime(getJob(s, 'ttl').status!.completionTime!);
    s.run(completedAt + 29_000 - s.clock.now());
    expect(getJob(s, 'ttl')).toBeDefined();
    s.run(2000);
    expect(s.get(JOB, 'ttl')).toBeUndefined();
    s.run(5000);
    expect(s.pods()).toHaveLength(0);
  });
});

function isFinished(j: Job): boolean {
  return (j.status?.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}
