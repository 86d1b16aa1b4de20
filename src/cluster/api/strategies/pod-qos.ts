/**
 * A pod's QoS class, as kube-apiserver stores it in status.qosClass at creation
 * (k/k pkg/apis/core/helper/qos GetPodQOS). Only cpu and memory count, and only non-zero amounts.
 */
import { tryParseQuantity, type Quantity } from '../quantity.ts';
import type { PodSpec } from './pod-types.ts';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = new Set(['cpu', 'memory']);

function addPositive(into: Map<string, Quantity>, list: Record<string, string | number> | undefined, found?: Set<string>): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.has(name)) continue;
    const q = tryParseQuantity(raw);
    if (!q || q.sign() <= 0) continue;
    found?.add(name);
    const prev = into.get(name);
    into.set(name, prev ? prev.add(q) : q);
  }
}

/** Guaranteed when every container limits cpu and memory with requests equal to limits; BestEffort with none. */
export function podQOSClass(spec: PodSpec): QOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    addPositive(requests, c.resources?.requests);
    const found = new Set<string>();
    addPositive(limits, c.resources?.limits, found);
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
