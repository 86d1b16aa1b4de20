/**
 * What every long-running workload (Deployment, ReplicaSet, ReplicationController, StatefulSet, DaemonSet)
 * asks of its pod template (apps ValidatePodTemplateSpecForReplicaSet and friends): a valid template whose
 * pods restart Always and have no activeDeadlineSeconds. Also the shared spec plumbing of those kinds.
 */
import type { KubeObject } from '../types.ts';
import { forbidden, invalid, notSupported, type FieldError } from '../validation/field-error.ts';
import { FIELD_IMMUTABLE, sameJson } from './field-rules.ts';
import { goLabelSelector, type LabelSelectorValue } from './go-values.ts';
import type { PodTemplateSpec } from './pod-types.ts';
import { validatePodTemplateSpec } from './pod-spec-validation.ts';

export interface WorkloadSpec {
  replicas?: number;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  selector?: LabelSelectorValue;
  template?: PodTemplateSpec;
  [field: string]: unknown;
}

/** The object's spec, created empty when missing so defaulting has somewhere to write. */
export function workloadSpec(obj: KubeObject): WorkloadSpec {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
  return obj.spec as WorkloadSpec;
}

/**
 * The template rules after the selector check: ValidatePodTemplateSpec, then restartPolicy must be Always,
 * then no activeDeadlineSeconds (`activeDeadlineSeconds in <Kind> is not Supported`; Invalid for the
 * apps kinds that use it, Forbidden for StatefulSet).
 */
export function validateAlwaysRestartTemplate(
  template: PodTemplateSpec | undefined,
  specPath: string,
  kind: string,
  opts: { deadlineForbidden?: boolean; extraVolumes?: readonly string[] } = {},
): FieldError[] {
  const path = `${specPath}.template`;
  const errs = validatePodTemplateSpec(template, path, opts.extraVolumes);
  if (!template) return errs;
  const policy = template.spec?.restartPolicy ?? '';
  if (policy !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, policy, ['Always']));
  const deadline = template.spec?.activeDeadlineSeconds;
  if (deadline !== undefined) {
    const msg = `activeDeadlineSeconds in ${kind} is not Supported`;
    errs.push(opts.deadlineForbidden ? forbidden(`${path}.spec.activeDeadlineSeconds`, msg) : invalid(`${path}.spec.activeDeadlineSeconds`, deadline, msg));
  }
  return errs;
}

/** ValidateImmutableField on spec.selector: `spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable`. */
export function immutableSelector(next: LabelSelectorValue | undefined, old: LabelSelectorValue | undefined): FieldError[] {
  return sameJson(next ?? null, old ?? null) ? [] : [invalid('spec.selector', goLabelSelector(next), FIELD_IMMUTABLE)];
}
