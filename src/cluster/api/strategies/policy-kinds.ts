/**
 * policy/v1 PodDisruptionBudget and autoscaling/v2 HorizontalPodAutoscaler (k/k pkg/apis/policy/validation,
 * pkg/apis/autoscaling/v2 defaults.go and validation). A PDB sets minAvailable or maxUnavailable, never
 * both. An HPA defaults minReplicas to 1 and, with no metrics, 80% average CPU; its behavior is defaulted
 * only when present (scaleUp: no window, Pods 4 and Percent 100 per 15 s, Max; scaleDown: 300 s window,
 * Percent 100 per 15 s, Max).
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import { invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { notMoreThan100Percent, positiveIntOrPercent } from './field-rules.ts';
import { goLiteral, type IntOrString } from './go-values.ts';
import { validateLabelSelector } from './label-selector-validation.ts';

interface PDBSpec {
  minAvailable?: IntOrString;
  maxUnavailable?: IntOrString;
  selector?: { matchLabels?: Record<string, string> };
  unhealthyPodEvictionPolicy?: string;
}

function validatePDB(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as PDBSpec;
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(invalid('spec', goLiteral('policy.PodDisruptionBudgetSpec{...}'), 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable'] as const) {
    if (spec[f] === undefined) continue;
    errs.push(...positiveIntOrPercent(spec[f], `spec.${f}`), ...notMoreThan100Percent(spec[f], `spec.${f}`));
  }
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== 'AlwaysAllow' && policy !== 'IfHealthyBudget') {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  return errs;
}

export const podDisruptionBudgetStrategy: Strategy = {
  prepareForCreate(obj) {
    obj.status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  },
  validate: validatePDB,
};

interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: string;
  policies?: { type?: string; value?: number; periodSeconds?: number }[];
}

interface HPASpec {
  minReplicas?: number;
  maxReplicas?: number;
  scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string };
  metrics?: { type?: string; resource?: { name?: string; target?: { type?: string; averageUtilization?: number } } }[];
  behavior?: { scaleUp?: ScalingRules; scaleDown?: ScalingRules };
}

function defaultRules(rules: ScalingRules | undefined, window: number, policies: ScalingRules['policies']): ScalingRules {
  const r: ScalingRules = { ...rules };
  r.stabilizationWindowSeconds ??= window;
  r.selectPolicy ??= 'Max';
  r.policies ??= policies;
  return r;
}

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

function validateHPA(obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as HPASpec;
  const errs: FieldError[] = [];
  if (spec.minReplicas !== undefined && spec.minReplicas < 1) errs.push(invalid('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
  const max = spec.maxReplicas ?? 0;
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (spec.minReplicas !== undefined && max < spec.minReplicas) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  if (!spec.scaleTargetRef?.kind) errs.push(required('spec.scaleTargetRef.kind', ''));
  if (!spec.scaleTargetRef?.name) errs.push(required('spec.scaleTargetRef.name', ''));
  (spec.metrics ?? []).forEach((m, i) => {
    if (!m.type) errs.push(required(`spec.metrics[${i}].type`, 'must specify a metric source type'));
    else if (!METRIC_TYPES.includes(m.type)) errs.push(notSupported(`spec.metrics[${i}].type`, m.type, METRIC_TYPES));
  });
  return errs;
}

export const horizontalPodAutoscalerStrategy: Strategy = {
  default(obj) {
    if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
    const spec = obj.spec as HPASpec;
    spec.minReplicas ??= 1;
    if (!(spec.metrics?.length)) {
      spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
    }
    if (spec.behavior) {
      spec.behavior.scaleUp = defaultRules(spec.behavior.scaleUp, 0, [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ]);
      spec.behavior.scaleDown = defaultRules(spec.behavior.scaleDown, 300, [{ type: 'Percent', value: 100, periodSeconds: 15 }]);
    }
  },
  prepareForCreate(obj) {
    obj.status = { desiredReplicas: 0 };
  },
  validate: validateHPA,
};
