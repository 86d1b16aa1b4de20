/**
 * The Pod strategy (k/k pkg/registry/core/pod/strategy.go), with the ServiceAccount admission's default
 * folded in: `serviceAccountName: default` on create.
 *
 * Graceful deletion (CheckGracefulDelete): the grace asked for, else spec.terminationGracePeriodSeconds,
 * else 0; always 0 for a pod not bound to a node or already Succeeded/Failed; a negative one becomes 1.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import { defaultPodOnlySpec } from './pod-defaults.ts';
import { podQOSClass } from './pod-qos.ts';
import type { PodSpec } from './pod-types.ts';
import { validatePodSpec } from './pod-spec-validation.ts';
import { validatePodUpdate } from './pod-update-validation.ts';

function specOf(obj: KubeObject): PodSpec {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
  return obj.spec as PodSpec;
}

/** v1's serviceAccount is a deprecated alias of serviceAccountName, kept equal on the way in and out. */
function mirrorServiceAccount(spec: PodSpec): void {
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
}

/** The grace period CheckGracefulDelete settles on. */
export function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  const spec = (pod.spec ?? {}) as PodSpec;
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  let period = requested ?? spec.terminationGracePeriodSeconds ?? 0;
  if (!spec.nodeName) period = 0;
  if (phase === 'Failed' || phase === 'Succeeded') period = 0;
  if (period < 0) period = 1;
  return period;
}

export const podStrategy: Strategy = {
  default(obj) {
    const spec = specOf(obj);
    defaultPodOnlySpec(spec);
    mirrorServiceAccount(spec);
  },
  prepareForCreate(obj) {
    const spec = specOf(obj);
    if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
    mirrorServiceAccount(spec);
    const status: Record<string, unknown> = { phase: 'Pending', qosClass: podQOSClass(spec) };
    if ((spec.schedulingGates ?? []).length > 0) {
      status.conditions = [
        { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: null, reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' },
      ];
    }
    obj.status = status;
  },
  prepareForStatusUpdate(obj, old) {
    // The QoS class is fixed at creation; a kubelet that drops it does not clear it.
    const status = (obj.status ?? {}) as { qosClass?: string };
    const oldQos = (old.status as { qosClass?: string } | undefined)?.qosClass;
    if (!status.qosClass && oldQos) {
      status.qosClass = oldQos;
      obj.status = status;
    }
  },
  validate(obj) {
    return validatePodSpec(obj.spec as PodSpec | undefined, 'spec');
  },
  validateUpdate(obj, old) {
    return validatePodUpdate(obj.spec as PodSpec | undefined, old.spec as PodSpec | undefined);
  },
  gracePeriodSeconds(obj, requested) {
    return podGracePeriod(obj, requested);
  },
};
