/**
 * Conversion of objects written in an older served version to the stored one (kube-apiserver stores one
 * version per resource). autoscaling/v1 HorizontalPodAutoscaler -> autoscaling/v2 is the one people meet.
 */
import type { KubeObject } from './types.ts';
import { apiVersionOf, type ResourceType } from './registry.ts';

export function convertToStored(obj: KubeObject, t: ResourceType): KubeObject {
  const stored = apiVersionOf(t);
  if (obj.apiVersion === stored) return obj;
  if (t.kind === 'HorizontalPodAutoscaler' && obj.apiVersion === 'autoscaling/v1') return hpaV1ToV2(obj, stored);
  return { ...obj, apiVersion: stored };
}

function hpaV1ToV2(obj: KubeObject, apiVersion: string): KubeObject {
  const spec = { ...((obj.spec ?? {}) as Record<string, unknown>) };
  const target = spec.targetCPUUtilizationPercentage;
  delete spec.targetCPUUtilizationPercentage;
  if (typeof target === 'number') {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }];
  }
  return { ...obj, apiVersion, spec };
}
