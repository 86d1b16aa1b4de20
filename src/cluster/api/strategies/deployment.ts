/**
 * apps/v1 Deployment (k/k pkg/apis/apps/v1/defaults.go SetDefaults_Deployment, pkg/apis/apps/validation
 * ValidateDeploymentSpec / ValidateDeploymentStrategy, pkg/registry/apps/deployment/strategy.go): replicas 1,
 * RollingUpdate 25%/25%, 10 revisions kept, 600 s progress deadline; the selector is required, must match
 * the template and never changes.
 */
import type { Strategy } from '../strategy.ts';
import { forbidden, invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { intOrPercentValue, nonNegative, notMoreThan100Percent, positiveIntOrPercent } from './field-rules.ts';
import { goIntOrString, goLiteral, type IntOrString } from './go-values.ts';
import { validateWorkloadSelector } from './label-selector-validation.ts';
import { goQuote } from '../validation/go-format.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { immutableSelector, validateAlwaysRestartTemplate, workloadSpec, type WorkloadSpec } from './workload-template.ts';

interface DeploymentStrategy {
  type?: string;
  rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } | null;
}

interface DeploymentSpec extends WorkloadSpec {
  strategy?: DeploymentStrategy;
  progressDeadlineSeconds?: number;
  paused?: boolean;
}

export function defaultDeploymentSpec(spec: DeploymentSpec): void {
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(spec.template);
}

function validateStrategy(s: DeploymentStrategy | undefined, path: string): FieldError[] {
  const strategy = s ?? {};
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      const ru = strategy.rollingUpdate;
      if (!ru) return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
      const p = `${path}.rollingUpdate`;
      const errs = [...positiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...positiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`)];
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(`${p}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      return errs;
    }
    default: {
      const ru = strategy.rollingUpdate ? '(*apps.RollingUpdateDeployment)(0xc000a1b2c0)' : '(*apps.RollingUpdateDeployment)(nil)';
      const value = goLiteral(`apps.DeploymentStrategy{Type:${goQuote(strategy.type ?? '')}, RollingUpdate:${ru}}`);
      return [notSupported(path, value, ['Recreate', 'RollingUpdate'])];
    }
  }
}

/** ValidateDeploymentSpec at `spec`. */
export function validateDeploymentSpec(spec: DeploymentSpec): FieldError[] {
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  errs.push(...validateWorkloadSelector(spec.selector, spec.template?.metadata?.labels, 'spec', 'deployment'));
  errs.push(...validateAlwaysRestartTemplate(spec.template, 'spec', 'ReplicaSet'));
  errs.push(...validateStrategy(spec.strategy, 'spec.strategy'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export const deploymentStrategy: Strategy = {
  default(obj) {
    defaultDeploymentSpec(workloadSpec(obj) as DeploymentSpec);
  },
  prepareForCreate(obj) {
    obj.status = {};
  },
  validate(obj) {
    return validateDeploymentSpec(workloadSpec(obj) as DeploymentSpec);
  },
  validateUpdate(obj, old) {
    const spec = workloadSpec(obj) as DeploymentSpec;
    return [...validateDeploymentSpec(spec), ...immutableSelector(spec.selector, (old.spec as DeploymentSpec | undefined)?.selector)];
  },
  defaultPropagation: 'Background',
};
