/**
 * The parts of batch/v1 Jobs the job, TTL-after-finished and CronJob controllers read and write, as
 * plain JSON with the API's field names. Objects from informers are frozen: copy first.
 */
import type { KubeObject } from '../../api/types.ts';
import type { LabelSelectorLike } from '../../api/labels/selector.ts';
import type { PodTemplateSpec } from '../replica-set/workload-types.ts';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const JOB_COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface PodFailurePolicyRule {
  action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] };
  onPodConditions?: { type: string; status: string }[];
}

export interface JobSpec {
  parallelism?: number;
  completions?: number;
  activeDeadlineSeconds?: number;
  backoffLimit?: number;
  ttlSecondsAfterFinished?: number;
  completionMode?: 'NonIndexed' | 'Indexed';
  suspend?: boolean;
  podReplacementPolicy?: 'Failed' | 'TerminatingOrFailed';
  podFailurePolicy?: { rules?: PodFailurePolicyRule[] };
  selector?: LabelSelectorLike;
  template?: PodTemplateSpec;
  [field: string]: unknown;
}

export interface JobStatus {
  active?: number;
  ready?: number;
  terminating?: number;
  succeeded?: number;
  failed?: number;
  startTime?: string;
  completionTime?: string;
  completedIndexes?: string;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
  conditions?: JobCondition[];
}

export interface Job extends KubeObject {
  spec: JobSpec;
  status?: JobStatus;
}

/** The Complete or Failed condition that is True, if any (util.IsJobFinished / FinishedCondition). */
export function finishedCondition(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}
