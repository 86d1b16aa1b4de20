/**
 * batch/v1 Job spec validation (k/k pkg/apis/batch/validation validateJobSpec, ValidateJobSpec,
 * validateGeneratedSelector, ValidateJobSpecUpdate). Shared with CronJob's jobTemplate.
 */
import { invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { FIELD_IMMUTABLE, nonNegative, sameJson } from './field-rules.ts';
import { goLabelSelector, goLiteral, goStringMap, type LabelSelectorValue } from './go-values.ts';
import { toSelector, validateLabelSelector } from './label-selector-validation.ts';
import type { PodTemplateSpec } from './pod-types.ts';
import { validatePodTemplateSpec } from './pod-spec-validation.ts';

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';

const MAX_PARALLELISM_INDEXED = 100000;
const REPLACEMENT_POLICIES = ['Failed', 'TerminatingOrFailed'];

export interface JobSpec {
  parallelism?: number;
  completions?: number;
  activeDeadlineSeconds?: number;
  backoffLimit?: number;
  backoffLimitPerIndex?: number;
  ttlSecondsAfterFinished?: number;
  completionMode?: string;
  suspend?: boolean;
  manualSelector?: boolean;
  podReplacementPolicy?: string;
  podFailurePolicy?: unknown;
  selector?: LabelSelectorValue;
  template?: PodTemplateSpec;
  [field: string]: unknown;
}

/** validateJobSpec: the rules a Job spec and a CronJob's job template share, at `path`. */
export function validateJobSpecCommon(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'] as const) {
    errs.push(...nonNegative(spec[f], `${path}.${f}`));
  }
  if (spec.completionMode !== undefined) {
    if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
      errs.push(notSupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
    }
    if (spec.completionMode === 'Indexed') {
      if (spec.completions === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
      if (spec.parallelism !== undefined && spec.parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
    }
  }
  if (spec.podReplacementPolicy !== undefined) {
    if (spec.podFailurePolicy) {
      if (spec.podReplacementPolicy !== 'Failed') errs.push(notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, ['Failed']));
    } else if (!REPLACEMENT_POLICIES.includes(spec.podReplacementPolicy)) {
      errs.push(notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, REPLACEMENT_POLICIES));
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  const policy = spec.template?.spec?.restartPolicy ?? '';
  const policyPath = `${path}.template.spec.restartPolicy`;
  if (policy === 'Always' || policy === '') errs.push(required(policyPath, 'valid values: "OnFailure", "Never"'));
  else if (policy !== 'OnFailure' && policy !== 'Never') errs.push(notSupported(policyPath, policy, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && policy !== 'Never') errs.push(invalid(policyPath, policy, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/** ValidateJobSpec at `spec`: the shared rules plus a required selector that matches the template. */
export function validateJobSpec(spec: JobSpec): FieldError[] {
  const errs = validateJobSpecCommon(spec, 'spec');
  if (!spec.selector) errs.push(required('spec.selector', ''));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const selector = toSelector(spec.selector);
  const labels = spec.template?.metadata?.labels;
  if (selector && !selector.matches(labels ?? {})) {
    errs.push(invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  }
  return errs;
}

function hasLabel(labels: Record<string, string> | undefined, key: string, expected: string): FieldError[] {
  const path = `spec.template.metadata.labels[${key}]`;
  const actual = labels?.[key];
  if (actual === undefined) return [required(path, expected)];
  return actual === expected ? [] : [invalid(path, goStringMap(labels), `must be '${expected}'`)];
}

/** validateGeneratedSelector: without manualSelector the generated labels and selector must be intact. */
export function validateGeneratedSelector(spec: JobSpec, name: string, uid: string | undefined): FieldError[] {
  if (spec.manualSelector) return [];
  const errs: FieldError[] = [];
  if (!uid) errs.push(required('metadata.uid', ''));
  const labels = spec.template?.metadata?.labels;
  errs.push(...hasLabel(labels, LEGACY_CONTROLLER_UID_LABEL, uid ?? ''));
  errs.push(...hasLabel(labels, LEGACY_JOB_NAME_LABEL, name));
  errs.push(...hasLabel(labels, CONTROLLER_UID_LABEL, uid ?? ''));
  errs.push(...hasLabel(labels, JOB_NAME_LABEL, name));
  const selector = toSelector(spec.selector);
  if (spec.selector && selector && !selector.matches({ [CONTROLLER_UID_LABEL]: uid ?? '' })) {
    errs.push(invalid('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  }
  return errs;
}

const SCHEDULING_DIRECTIVES = ['nodeSelector', 'tolerations', 'affinity', 'schedulingGates'] as const;

/**
 * ValidateJobSpecUpdate's immutability rules. A job that is suspended and never started may still change
 * its template's labels, annotations and scheduling directives (AllowMutableSchedulingDirectives).
 */
export function validateJobSpecUpdate(spec: JobSpec, old: JobSpec, oldNeverStarted: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.completions !== old.completions) {
    if (spec.completionMode === 'Indexed' && old.completionMode === 'Indexed') {
      if (spec.completions !== spec.parallelism) errs.push(invalid('spec.completions', spec.completions ?? null, 'can only be modified in tandem with spec.parallelism'));
    } else errs.push(invalid('spec.completions', spec.completions ?? null, FIELD_IMMUTABLE));
  }
  if (!sameJson(spec.selector ?? null, old.selector ?? null)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), FIELD_IMMUTABLE));
  let oldTemplate: PodTemplateSpec | undefined = old.template;
  if (oldNeverStarted && old.suspend && oldTemplate) {
    const t = structuredClone(oldTemplate);
    t.metadata = { ...t.metadata, labels: spec.template?.metadata?.labels, annotations: spec.template?.metadata?.annotations };
    const tspec: Record<string, unknown> = { ...t.spec };
    for (const f of SCHEDULING_DIRECTIVES) tspec[f] = spec.template?.spec?.[f];
    t.spec = tspec;
    oldTemplate = t;
  }
  if (!sameJson(spec.template ?? null, oldTemplate ?? null)) errs.push(invalid('spec.template', goLiteral('core.PodTemplateSpec{...}'), FIELD_IMMUTABLE));
  if ((spec.completionMode ?? null) !== (old.completionMode ?? null)) errs.push(invalid('spec.completionMode', spec.completionMode ?? null, FIELD_IMMUTABLE));
  if (!sameJson(spec.podFailurePolicy ?? null, old.podFailurePolicy ?? null)) errs.push(invalid('spec.podFailurePolicy', goLiteral('batch.PodFailurePolicy{...}'), FIELD_IMMUTABLE));
  if ((spec.backoffLimitPerIndex ?? null) !== (old.backoffLimitPerIndex ?? null)) errs.push(invalid('spec.backoffLimitPerIndex', spec.backoffLimitPerIndex ?? null, FIELD_IMMUTABLE));
  return errs;
}
