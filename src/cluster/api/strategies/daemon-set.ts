/**
 * apps/v1 DaemonSet (k/k pkg/apis/apps/v1 SetDefaults_DaemonSet, pkg/apis/apps/validation
 * ValidateDaemonSetSpec / ValidateDaemonSetUpdateStrategy): RollingUpdate with maxUnavailable 1 and
 * maxSurge 0, 10 revisions kept; exactly one of maxUnavailable and maxSurge may be non-zero.
 */
import type { Strategy } from '../strategy.ts';
import { invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { goQuote } from '../validation/go-format.ts';
import { intOrPercentValue, nonNegative, notMoreThan100Percent, positiveIntOrPercent } from './field-rules.ts';
import { goIntOrString, goLiteral, type IntOrString } from './go-values.ts';
import { validateWorkloadSelector } from './label-selector-validation.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { immutableSelector, validateAlwaysRestartTemplate, workloadSpec, type WorkloadSpec } from './workload-template.ts';

interface DaemonSetSpec extends WorkloadSpec {
  updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } };
}

function validateUpdateStrategy(s: DaemonSetSpec['updateStrategy'], path: string): FieldError[] {
  const strategy = s ?? {};
  if (strategy.type === 'OnDelete') return [];
  if (strategy.type !== 'RollingUpdate') {
    const value = goLiteral(`apps.DaemonSetUpdateStrategy{Type:${goQuote(strategy.type ?? '')}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}`);
    return [notSupported(path, value, ['RollingUpdate', 'OnDelete'])];
  }
  const ru = strategy.rollingUpdate;
  if (!ru) return [required(`${path}.rollingUpdate`, '')];
  const p = `${path}.rollingUpdate`;
  const errs = [...positiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...positiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`)];
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`), ...notMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`));
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(`${p}.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  else if (!hasUnavailable && !hasSurge) errs.push(required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

function validateDaemonSetSpec(spec: DaemonSetSpec): FieldError[] {
  const errs = validateWorkloadSelector(spec.selector, spec.template?.metadata?.labels, 'spec', 'daemonset');
  errs.push(...validateAlwaysRestartTemplate(spec.template, 'spec', 'DaemonSet'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateUpdateStrategy(spec.updateStrategy, 'spec.updateStrategy'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

export const daemonSetStrategy: Strategy = {
  default(obj) {
    const spec = workloadSpec(obj) as DaemonSetSpec;
    const us = (spec.updateStrategy ??= {});
    if (!us.type) us.type = 'RollingUpdate';
    if (us.type === 'RollingUpdate') {
      const ru = (us.rollingUpdate ??= {});
      ru.maxUnavailable ??= 1;
      ru.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(obj) {
    obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  },
  validate(obj) {
    return validateDaemonSetSpec(workloadSpec(obj) as DaemonSetSpec);
  },
  validateUpdate(obj, old) {
    const spec = workloadSpec(obj) as DaemonSetSpec;
    return [...validateDaemonSetSpec(spec), ...immutableSelector(spec.selector, (old.spec as WorkloadSpec | undefined)?.selector)];
  },
  defaultPropagation: 'Background',
};
