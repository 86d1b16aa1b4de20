import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { cronJobStrategy } from './cron-job.ts';
import { cronScheduleError, parseCronSchedule } from './cron-schedule.ts';
import { create } from './strategy-harness.ts';

function hello(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '* * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28' }], restartPolicy: 'OnFailure' } } } },
      ...spec,
    },
  };
}

describe('cron schedule', () => {
  it.each<[string, string | undefined]>([
    ['*/5 * * * *', undefined],
    ['0 9-17 * * mon-fri', undefined],
    ['@hourly', undefined],
    ['@every 1h30m', undefined],
    ['0 0 1 JAN *', undefined],
    ['x', 'expected exactly 5 fields, found 1: [x]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['@often', 'unrecognized descriptor: @often'],
  ])('%s', (spec, error) => {
    expect(cronScheduleError(spec)).toBe(error);
  });
  it('expands steps and names', () => {
    expect([...(parseCronSchedule('*/20 * * * sat,sun').fields[0] ?? [])]).toEqual([0, 20, 40]);
    expect([...(parseCronSchedule('*/20 * * * sat,sun').fields[4] ?? [])]).toEqual([6, 0]);
  });
});

describe('cronjob', () => {
  it('fills the defaults, leaving the job template to the controller', () => {
    const { obj, errors } = create(cronJobStrategy, hello());
    expect(errors).toEqual([]);
    expect(obj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    const jobSpec = (obj.spec as { jobTemplate: { spec: Record<string, unknown> } }).jobTemplate.spec;
    expect(jobSpec.backoffLimit).toBeUndefined();
    expect((jobSpec.template as { spec: { dnsPolicy: string } }).spec.dnsPolicy).toBe('ClusterFirst');
  });
  it.each<[Record<string, unknown>, string[]]>([
    [{ schedule: 'every minute' }, ['spec.schedule: Invalid value: "every minute": expected exactly 5 fields, found 2: [every minute]']],
    [{ schedule: '' }, ['spec.schedule: Required value']],
    [{ concurrencyPolicy: 'Sometimes' }, ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"']],
    [{ schedule: 'TZ=UTC * * * * *' }, ['spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
    [
      { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }] } } } } },
      ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    ],
  ])('%j', (spec, expected) => {
    expect(create(cronJobStrategy, hello(spec)).errors).toEqual(expected);
  });
});
