/**
 * batch/v1 CronJob (k/k pkg/apis/batch/v1 SetDefaults_CronJob, pkg/apis/batch/validation
 * validateCronJobSpec / ValidateJobTemplateSpec): Allow concurrency, not suspended, keep 3 successful and
 * 1 failed job; the schedule must parse as standard cron, and the job template is checked like a Job's
 * spec except that its selector is generated later.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import { invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { cronScheduleError } from './cron-schedule.ts';
import { nonNegative } from './field-rules.ts';
import { goLabelSelector } from './go-values.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { validateJobSpecCommon, type JobSpec } from './job-validation.ts';

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

interface CronJobSpec {
  schedule?: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: string;
  suspend?: boolean;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate?: { metadata?: Record<string, unknown>; spec?: JobSpec };
}

function specOf(obj: KubeObject): CronJobSpec {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
  return obj.spec as CronJobSpec;
}

function validateSchedule(schedule: string | undefined, oldSchedule: string | undefined): FieldError[] {
  if (!schedule) return [required('spec.schedule', '')];
  const errs: FieldError[] = [];
  const parseError = cronScheduleError(schedule);
  if (parseError) errs.push(invalid('spec.schedule', schedule, parseError));
  if (schedule.includes('TZ') && !oldSchedule?.includes('TZ')) {
    errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

function validateCronJobSpec(spec: CronJobSpec, old: CronJobSpec | undefined): FieldError[] {
  const errs = validateSchedule(spec.schedule, old?.schedule);
  errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (spec.timeZone !== undefined && spec.timeZone !== old?.timeZone && (spec.timeZone === '' || /\s/.test(spec.timeZone))) {
    errs.push(invalid('spec.timeZone', spec.timeZone, 'unknown time zone ' + spec.timeZone));
  }
  const policy = spec.concurrencyPolicy ?? '';
  if (!policy) errs.push(required('spec.concurrencyPolicy', ''));
  else if (!CONCURRENCY_POLICIES.includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy, CONCURRENCY_POLICIES));
  const jobSpec = spec.jobTemplate?.spec ?? {};
  errs.push(...validateJobSpecCommon(jobSpec, 'spec.jobTemplate.spec'));
  if (jobSpec.selector) errs.push(invalid('spec.jobTemplate.spec.selector', goLabelSelector(jobSpec.selector), '`selector` will be auto-generated'));
  if (jobSpec.manualSelector) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

export const cronJobStrategy: Strategy = {
  default(obj) {
    const spec = specOf(obj);
    if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    const template = (spec.jobTemplate ??= {});
    // SetDefaults_Job applies to Job objects only: a job template gets just the pod template defaults,
    // and the Job the controller creates from it is defaulted in full.
    defaultPodTemplate((template.spec ??= {}).template);
  },
  prepareForCreate(obj) {
    obj.status = {};
  },
  validate(obj) {
    return validateCronJobSpec(specOf(obj), undefined);
  },
  validateUpdate(obj, old) {
    return validateCronJobSpec(specOf(obj), old.spec as CronJobSpec | undefined);
  },
  defaultPropagation: 'Background',
};
