/**
 * What a ResourceQuota's `status.used` says (k/k pkg/quota/v1 CalculateUsage with the core
 * evaluators): for every resource named in `spec.hard` that some evaluator understands, the sum over
 * the namespace's objects, `"0"` when there are none. Pods that are terminal, or stuck terminating past
 * their grace period, are not charged (QuotaV1Pod). Keys nothing evaluates (a typo) are left out.
 */
import type { KubeObject } from '../../api/types.ts';
import { resourceFor, type ResourceType } from '../../api/registry.ts';
import { usageOf } from '../../api/admission/resource-quota.ts';
import { Quantity, tryParseQuantity } from '../../api/quantity.ts';
import { parseTime } from '../../sim/clock.ts';

export type ResourceList = Record<string, string>;

const CORE_COUNTED = new Set(['pods', 'services', 'configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas', 'persistentvolumeclaims']);

/** The resource whose objects a quota key charges, or undefined when no evaluator knows the key. */
export function resourceOfQuotaKey(key: string): ResourceType | undefined {
  const count = /^count\/([^.]+)(?:\.(.+))?$/.exec(key);
  if (count) return resourceFor(count[2] ?? '', count[1]!);
  if (CORE_COUNTED.has(key)) return resourceFor('', key);
  if (key === 'services.nodeports' || key === 'services.loadbalancers') return resourceFor('', 'services');
  // Per-StorageClass keys (`<class>.storageclass.storage.k8s.io/...`) are not evaluated here yet.
  if (key === 'requests.storage') return resourceFor('', 'persistentvolumeclaims');
  if (key === 'cpu' || key === 'memory' || key === 'ephemeral-storage' || /^(requests|limits)\.[^/]+$/.test(key)) return resourceFor('', 'pods');
  return undefined;
}

/**
 * Whether quota charges the object now; for a terminating pod still charged, also when that stops
 * (epoch ms) so the caller can look again.
 */
export function chargedAt(t: ResourceType, obj: KubeObject, nowMs: number): { charged: boolean; until?: number } {
  if (t.kind !== 'Pod') return { charged: true };
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return { charged: false };
  const { deletionTimestamp, deletionGracePeriodSeconds } = obj.metadata;
  if (deletionTimestamp && deletionGracePeriodSeconds !== undefined) {
    const until = parseTime(deletionTimestamp) + deletionGracePeriodSeconds * 1000;
    if (nowMs > until) return { charged: false };
    return { charged: true, until };
  }
  return { charged: true };
}

/** `quota.Add({}, hard)`: the same list with every quantity in canonical form. */
export function canonicalList(list: Readonly<Record<string, string | number>>): ResourceList {
  const out: ResourceList = {};
  for (const k of Object.keys(list).sort()) {
    const q = tryParseQuantity(list[k]!);
    out[k] = q ? Quantity.zero().add(q).toString() : String(list[k]);
  }
  return out;
}

/**
 * `status.used` for `hard` in one namespace, and the earliest time a charged pod stops being charged
 * (to recompute then). `objectsOf` lists the namespace's objects of a resource.
 */
export function quotaUsed(hard: Readonly<Record<string, string | number>>, objectsOf: (t: ResourceType) => readonly KubeObject[], nowMs: number): { used: ResourceList; recheckAt?: number } {
  const totals = new Map<string, Quantity>();
  const byResource = new Map<ResourceType, string[]>();
  for (const key of Object.keys(hard).sort()) {
    const t = resourceOfQuotaKey(key);
    if (!t) continue;
    byResource.set(t, [...(byResource.get(t) ?? []), key]);
    totals.set(key, Quantity.zero());
  }
  let recheckAt: number | undefined;
  for (const [t, keys] of byResource) {
    for (const obj of objectsOf(t)) {
      const { charged, until } = chargedAt(t, obj, nowMs);
      if (!charged) continue;
      if (until !== undefined && (recheckAt === undefined || until < recheckAt)) recheckAt = until;
      const usage = usageOf(t, obj);
      for (const key of keys) {
        const v = usage.get(key);
        if (v) totals.set(key, totals.get(key)!.add(v));
      }
    }
  }
  const used: ResourceList = {};
  for (const [k, v] of totals) used[k] = v.toString();
  return { used, ...(recheckAt !== undefined ? { recheckAt } : {}) };
}
