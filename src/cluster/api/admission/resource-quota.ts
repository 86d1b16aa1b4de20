/**
 * ResourceQuota (plugin/pkg/admission/resourcequota): a create that would take a namespace past one of
 * its quotas is refused with the plugin's message. Usage is computed from the stored objects at
 * admission time, so it is always exact (the quota controller keeps `status.used` for display).
 */
import type { AdmissionPlugin, AdmissionReader } from './types.ts';
import type { KubeObject } from '../types.ts';
import type { ResourceType } from '../registry.ts';
import { forbidden } from '../errors.ts';
import { Quantity, tryParseQuantity } from '../quantity.ts';

export const NAME = 'ResourceQuota';

type Usage = Map<string, Quantity>;

interface Container {
  name: string;
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
}

function add(u: Usage, key: string, v: Quantity): void {
  u.set(key, (u.get(key) ?? Quantity.zero()).add(v));
}

/** What one object charges against quota (the evaluators of pkg/quota/v1/evaluator/core). */
export function usageOf(t: ResourceType, obj: KubeObject): Usage {
  const u: Usage = new Map();
  const one = Quantity.of(1);
  u.set(t.group === '' ? `count/${t.resource}` : `count/${t.resource}.${t.group}`, one);
  if (t.group === '' && ['pods', 'services', 'configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas', 'persistentvolumeclaims'].includes(t.resource)) {
    u.set(t.resource, one);
  }
  if (t.kind === 'Pod') {
    const spec = (obj.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
    for (const c of spec.containers ?? []) {
      for (const [r, v] of Object.entries(c.resources?.requests ?? {})) {
        const qv = tryParseQuantity(v);
        if (!qv) continue;
        add(u, `requests.${r}`, qv);
        if (r === 'cpu' || r === 'memory' || r === 'ephemeral-storage') add(u, r, qv);
      }
      for (const [r, v] of Object.entries(c.resources?.limits ?? {})) {
        const qv = tryParseQuantity(v);
        if (qv) add(u, `limits.${r}`, qv);
      }
    }
  }
  if (t.kind === 'Service') {
    const spec = (obj.spec ?? {}) as { type?: string; ports?: unknown[] };
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') u.set('services.nodeports', Quantity.of(spec.ports?.length ?? 0));
    if (spec.type === 'LoadBalancer') u.set('services.loadbalancers', one);
  }
  if (t.kind === 'PersistentVolumeClaim') {
    const storage = tryParseQuantity((obj.spec as { resources?: { requests?: { storage?: string } } } | undefined)?.resources?.requests?.storage ?? 0);
    if (storage) u.set('requests.storage', storage);
  }
  return u;
}

function counts(obj: KubeObject): boolean {
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

function namespaceUsage(reader: AdmissionReader, t: ResourceType, namespace: string): Usage {
  const total: Usage = new Map();
  for (const obj of reader.list(t.group, t.resource, namespace)) {
    if (!counts(obj)) continue;
    for (const [k, v] of usageOf(t, obj)) add(total, k, v);
  }
  return total;
}

const fmt = (entries: [string, Quantity][]) => entries.map(([k, v]) => `${k}=${v}`).join(',');

export const resourceQuota = {
  name: NAME,
  validate(attrs, reader) {
    if (attrs.operation !== 'CREATE' || attrs.subresource || !attrs.object || !attrs.namespace) return;
    const quotas = reader.list('', 'resourcequotas', attrs.namespace);
    if (quotas.length === 0) return;
    const t = attrs.resource;
    const requested = usageOf(t, attrs.object);
    let used: Usage | undefined;
    for (const quota of [...quotas].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))) {
      const hard = ((quota.spec as { hard?: Record<string, string | number> } | undefined)?.hard ?? {}) as Record<string, string | number>;
      // A pod must name every compute resource a quota limits (requests.cpu, limits.memory, ...).
      if (t.kind === 'Pod') {
        const missing: string[] = [];
        const containers = ((attrs.object.spec as { containers?: Container[] } | undefined)?.containers ?? []);
        for (const key of Object.keys(hard).sort()) {
          const m = /^(requests|limits)\.(cpu|memory|ephemeral-storage)$/.exec(key) ?? (/^(cpu|memory|ephemeral-storage)$/.test(key) ? ['', 'requests', key] : null);
          if (!m) continue;
          const kind = m[1] as 'requests' | 'limits';
          const resource = m[2]!;
          const lacking = containers.filter((c) => c.resources?.[kind]?.[resource] === undefined).map((c) => c.name);
          if (lacking.length > 0) missing.push(`${key} for: ${lacking.join(',')}`);
        }
        if (missing.length > 0) throw forbidden(t, attrs.name, `failed quota: ${quota.metadata.name}: must specify ${missing.join('; ')}`);
      }
      const exceeded: { key: string; req: Quantity; used: Quantity; hard: Quantity }[] = [];
      for (const [key, hv] of Object.entries(hard)) {
        const req = requested.get(key);
        const h = tryParseQuantity(hv);
        if (!req || !h) continue;
        used ??= namespaceUsage(reader, t, attrs.namespace);
        const u = used.get(key) ?? Quantity.zero();
        if (u.add(req).cmp(h) > 0) exceeded.push({ key, req, used: u, hard: h });
      }
      if (exceeded.length > 0) {
        exceeded.sort((a, b) => (a.key < b.key ? -1 : 1));
        throw forbidden(
          t,
          attrs.name,
          `exceeded quota: ${quota.metadata.name}, requested: ${fmt(exceeded.map((e) => [e.key, e.req]))}, used: ${fmt(exceeded.map((e) => [e.key, e.used]))}, limited: ${fmt(exceeded.map((e) => [e.key, e.hard]))}`,
        );
      }
    }
  },
} satisfies AdmissionPlugin;
