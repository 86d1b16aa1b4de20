/**
 * What a pod asks of its node, as the scheduler counts it for NodeResourcesFit: the larger of the sum
 * of its containers' requests and its biggest init container's (restartable init containers add to
 * both), plus pod overhead. Terminal pods (Succeeded, Failed) ask for nothing.
 */
import type { KubeObject } from '../../cluster/api/types.ts';
import { parseQuantity } from '../format/quantity.ts';

interface C {
  restartPolicy?: string;
  resources?: { requests?: Record<string, string> };
}

export interface Requests {
  cpu: number;
  memory: number;
}

// Objects in the mirror are never mutated (a change is a new object), so a result per object stays true.
const cache = new WeakMap<KubeObject, Requests>();

export function podRequests(pod: KubeObject): Requests {
  let r = cache.get(pod);
  if (!r) {
    r = compute(pod);
    cache.set(pod, r);
  }
  return r;
}

function compute(pod: KubeObject): Requests {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return { cpu: 0, memory: 0 };
  const spec = (pod.spec ?? {}) as { containers?: C[]; initContainers?: C[]; overhead?: Record<string, string> };
  const req = (c: C, r: string) => parseQuantity(c.resources?.requests?.[r]);
  const out: Requests = { cpu: 0, memory: 0 };
  for (const r of ['cpu', 'memory'] as const) {
    let sum = 0;
    for (const c of spec.containers ?? []) sum += req(c, r);
    let sidecars = 0;
    let initMax = 0;
    for (const c of spec.initContainers ?? []) {
      if (c.restartPolicy === 'Always') {
        sidecars += req(c, r);
        initMax = Math.max(initMax, sidecars);
      } else initMax = Math.max(initMax, sidecars + req(c, r));
    }
    out[r] = Math.max(sum + sidecars, initMax) + parseQuantity(spec.overhead?.[r]);
  }
  return out;
}
