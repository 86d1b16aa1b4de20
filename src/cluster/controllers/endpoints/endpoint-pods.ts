/**
 * Which pods back a Service and on which ports (k/k pkg/controller/util/endpoint
 * ShouldPodBeInEndpoints, pkg/api/v1/pod FindPort): a pod with an IP that has not finished; terminating
 * pods only where the caller includes them; a service port's `targetPort` is a number, or a name resolved
 * per pod against its containers' named ports (a pod without that name is left out for that port).
 */
import type { KubeObject } from '../../api/types.ts';
import type { Pod } from '../replica-set/workload-types.ts';

export interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  targetPort?: number | string;
  appProtocol?: string;
}

export interface Service extends KubeObject {
  spec?: { type?: string; clusterIP?: string; selector?: Record<string, string>; ports?: ServicePort[]; publishNotReadyAddresses?: boolean };
}

export interface PodReference {
  kind: 'Pod';
  namespace: string;
  name: string;
  uid: string;
}

/** `service.kubernetes.io/headless`, set on the Endpoints and slices of a headless Service. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

export function isHeadless(svc: Service): boolean {
  return svc.spec?.clusterIP === 'None';
}

export function podIP(pod: Pod): string | undefined {
  const ip = (pod.status as { podIP?: string } | undefined)?.podIP;
  return ip ? ip : undefined;
}

export function podRef(pod: Pod): PodReference {
  return { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' };
}

/** ShouldPodBeInEndpoints. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!podIP(pod)) return false;
  const phase = pod.status?.phase;
  const restart = (pod.spec as { restartPolicy?: string } | undefined)?.restartPolicy;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  // A pod that will never restart and has stopped is gone for good.
  if (restart === 'Never' && phase !== 'Running' && phase !== 'Pending') return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The container port a service port targets on `pod` (FindPort); undefined when a name is missing. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? 'TCP';
  for (const c of (pod.spec?.['containers'] as { ports?: { name?: string; containerPort: number; protocol?: string }[] }[] | undefined) ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}
