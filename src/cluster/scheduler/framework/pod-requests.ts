/**
 * What a pod asks of a node, computed as Kubernetes does (k8s.io/component-helpers resource.PodRequests,
 * with sidecar containers on and pod-level resources off, as in 1.32):
 *
 *   requests = max( sum(regular containers) + sum(restartable init "sidecar" containers),
 *                   max over init containers i of (init_i + sidecars started before i) ) + overhead
 *
 * The "non-zero" variant (used only for scoring) first gives every container without a cpu request
 * 100m and without a memory request 200Mi (k/k pkg/scheduler/util/pod_resources.go); an explicit "0"
 * stays 0, as upstream only fills missing keys.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { addList, addResource, emptyResource, maxResource, cloneResource, type Resource, type ResourceList } from './resource.ts';

/** DefaultMilliCPURequest: 0.1 core. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** DefaultMemoryRequest: 200 MiB. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface PodResourceRequests {
  /** Real requests: what filtering and BalancedAllocation use. */
  readonly requests: Resource;
  /** cpu request with the 100m default per container missing one (millicores). */
  readonly nonZeroCPU: number;
  /** memory request with the 200Mi default per container missing one (bytes). */
  readonly nonZeroMem: number;
}

function containerRequests(c: IContainer, nonMissing: boolean): Resource {
  const list = c.resources?.requests as ResourceList;
  const r = emptyResource();
  addList(r, list);
  if (nonMissing) {
    if (list?.['cpu'] === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
    if (list?.['memory'] === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

function podRequests(pod: IPod, nonMissing: boolean): Resource {
  const spec = pod.spec;
  const reqs = emptyResource();
  for (const c of spec?.containers ?? []) addResource(reqs, containerRequests(c, nonMissing));

  const restartable = emptyResource();
  const initMax = emptyResource();
  for (const c of spec?.initContainers ?? []) {
    const cr = containerRequests(c, nonMissing);
    let effective: Resource;
    if (c.restartPolicy === 'Always') {
      // A sidecar keeps running: it adds to the steady state and to every later init container.
      addResource(reqs, cr);
      addResource(restartable, cr);
      effective = cloneResource(restartable);
    } else {
      effective = cr;
      addResource(effective, restartable);
    }
    maxResource(initMax, effective);
  }
  maxResource(reqs, initMax);
  addList(reqs, spec?.overhead as ResourceList);
  reqs.allowedPodNumber = 0;
  return reqs;
}

/** Computes a pod's requests once; callers cache the result (PodInfo does). Never mutates the pod. */
export function computePodResourceRequests(pod: IPod): PodResourceRequests {
  const requests = podRequests(pod, false);
  const nonZero = podRequests(pod, true);
  return { requests, nonZeroCPU: nonZero.milliCPU, nonZeroMem: nonZero.memory };
}
