/**
 * apps/v1 ReplicaSet and core/v1 ReplicationController (k/k pkg/apis/apps/validation
 * ValidateReplicaSetSpec, pkg/apis/core/v1 SetDefaults_ReplicationController, pkg/apis/core/validation
 * ValidateReplicationControllerSpec). A ReplicationController's selector is a plain map, defaulted (with
 * the object's labels) from the template's labels.
 */
import type { Strategy } from '../strategy.ts';
import { invalid, required, type FieldError } from '../validation/field-error.ts';
import { selectorFromSet } from '../labels/selector.ts';
import { nonNegative } from './field-rules.ts';
import { goStringMap } from './go-values.ts';
import { validateWorkloadSelector } from './label-selector-validation.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { validateLabels } from '../validation/labels.ts';
import type { PodTemplateSpec } from './pod-types.ts';
import { immutableSelector, validateAlwaysRestartTemplate, workloadSpec, type WorkloadSpec } from './workload-template.ts';

/** ValidateReplicaSetSpec at `spec`. */
export function validateReplicaSetSpec(spec: WorkloadSpec): FieldError[] {
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  // The empty-selector message says "deployment" for ReplicaSets too (the Go code is shared).
  errs.push(...validateWorkloadSelector(spec.selector, spec.template?.metadata?.labels, 'spec', 'deployment'));
  errs.push(...validateAlwaysRestartTemplate(spec.template, 'spec', 'ReplicaSet'));
  return errs;
}

export const replicaSetStrategy: Strategy = {
  default(obj) {
    const spec = workloadSpec(obj);
    spec.replicas ??= 1;
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(obj) {
    obj.status = { replicas: 0 };
  },
  validate(obj) {
    return validateReplicaSetSpec(workloadSpec(obj));
  },
  validateUpdate(obj, old) {
    const spec = workloadSpec(obj);
    return [...validateReplicaSetSpec(spec), ...immutableSelector(spec.selector, (old.spec as WorkloadSpec | undefined)?.selector)];
  },
  defaultPropagation: 'Background',
};

interface RCSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: Record<string, string>;
  template?: PodTemplateSpec;
}

function validateRCSpec(spec: RCSpec): FieldError[] {
  const errs = nonNegative(spec.minReadySeconds, 'spec.minReadySeconds');
  if (Object.keys(spec.selector ?? {}).length === 0) errs.push(required('spec.selector', ''));
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  if (!spec.template) return [...errs, required('spec.template', '')];
  const labels = spec.template.metadata?.labels;
  if (Object.keys(spec.selector ?? {}).length > 0 && !selectorFromSet(spec.selector).matches(labels ?? {})) {
    errs.push(invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  errs.push(...validateAlwaysRestartTemplate(spec.template, 'spec', 'ReplicationController'));
  return errs;
}

export const replicationControllerStrategy: Strategy = {
  default(obj) {
    const spec = workloadSpec(obj) as RCSpec;
    const labels = spec.template?.metadata?.labels;
    if (labels) {
      if (Object.keys(spec.selector ?? {}).length === 0) spec.selector = { ...labels };
      if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
    }
    spec.replicas ??= 1;
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(obj) {
    obj.status = { replicas: 0 };
  },
  validate(obj) {
    return validateRCSpec(workloadSpec(obj) as RCSpec);
  },
  defaultPropagation: 'Background',
};
