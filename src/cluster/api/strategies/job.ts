/**
 * batch/v1 Job (k/k pkg/apis/batch/v1 SetDefaults_Job, pkg/registry/batch/job/strategy.go).
 *
 * Defaults: completions and parallelism 1 when both are unset (parallelism 1 when only it is unset),
 * backoffLimit 6, NonIndexed, not suspended, TerminatingOrFailed replacement (Failed with a
 * podFailurePolicy), manualSelector false. On create, without manualSelector, the template gets the
 * `controller-uid`/`job-name` labels (legacy and `batch.kubernetes.io/` forms) and the selector
 * `batch.kubernetes.io/controller-uid: <uid>`; a Job without labels of its own takes the template's
 * (kube-apiserver's defaulting on read-back does this). Deleting without a propagation policy orphans
 * the pods, with a warning.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import {
  CONTROLLER_UID_LABEL,
  JOB_NAME_LABEL,
  LEGACY_CONTROLLER_UID_LABEL,
  LEGACY_JOB_NAME_LABEL,
  validateGeneratedSelector,
  validateJobSpec,
  validateJobSpecUpdate,
  type JobSpec,
} from './job-validation.ts';

export const JOB_DELETE_WARNING =
  'child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning';

function specOf(obj: KubeObject): JobSpec {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
  return obj.spec as JobSpec;
}

/** SetDefaults_Job on a spec (also used for a CronJob's job template, without the labels rule). */
export function defaultJobSpec(spec: JobSpec): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultPodTemplate(spec.template);
}

function labelsFromTemplate(obj: KubeObject, spec: JobSpec): void {
  const labels = spec.template?.metadata?.labels;
  if (labels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
}

/** generateSelector: the labels and selector that tie a Job's pods to this Job only. */
function generateSelector(obj: KubeObject, spec: JobSpec): void {
  const template = (spec.template ??= {});
  const meta = (template.metadata ??= {});
  const labels = (meta.labels ??= {});
  const name = obj.metadata.name ?? '';
  const uid = obj.metadata.uid ?? '';
  for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) labels[k] ??= name;
  for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) labels[k] ??= uid;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  matchLabels[CONTROLLER_UID_LABEL] ??= uid;
}

export const jobStrategy: Strategy = {
  default(obj) {
    const spec = specOf(obj);
    defaultJobSpec(spec);
    labelsFromTemplate(obj, spec);
  },
  prepareForCreate(obj) {
    const spec = specOf(obj);
    if (!spec.manualSelector) generateSelector(obj, spec);
    labelsFromTemplate(obj, spec);
    obj.status = {};
  },
  validate(obj) {
    const spec = specOf(obj);
    return [...validateGeneratedSelector(spec, obj.metadata.name ?? '', obj.metadata.uid), ...validateJobSpec(spec)];
  },
  validateUpdate(obj, old) {
    const spec = specOf(obj);
    const oldSpec = (old.spec ?? {}) as JobSpec;
    const neverStarted = !(old.status as { startTime?: string } | undefined)?.startTime;
    return [
      ...validateGeneratedSelector(spec, obj.metadata.name ?? '', obj.metadata.uid),
      ...validateJobSpec(spec),
      ...validateJobSpecUpdate(spec, oldSpec, neverStarted),
    ];
  },
  defaultPropagation: 'Orphan',
  deleteWarning: JOB_DELETE_WARNING,
};
