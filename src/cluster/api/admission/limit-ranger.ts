/**
 * LimitRanger (plugin/pkg/admission/limitranger): fills container requests and limits from the
 * namespace's LimitRanges and rejects pods outside their min and max, in the plugin's own words.
 */
import type { AdmissionPlugin } from './types.ts';
import type { KubeObject } from '../types.ts';
import { forbidden } from '../errors.ts';
import { tryParseQuantity, type Quantity } from '../quantity.ts';
import { aggregateMessage } from './aggregate.ts';

export const NAME = 'LimitRanger';
export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type ResourceList = Record<string, string | number>;

interface LimitRangeItem {
  type?: string;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  min?: ResourceList;
  max?: ResourceList;
}

interface Container {
  name: string;
  resources?: { requests?: ResourceList; limits?: ResourceList };
}

function limitItems(reader: Parameters<NonNullable<AdmissionPlugin['admit']>>[1], namespace: string, type: string): LimitRangeItem[] {
  return reader
    .list('', 'limitranges', namespace)
    .flatMap((lr) => ((lr.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []).filter((l) => l.type === type));
}

function q(v: string | number | undefined): Quantity | undefined {
  return v === undefined ? undefined : tryParseQuantity(v);
}

function containersOf(pod: KubeObject): { list: Container[]; type: string }[] {
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  return [
    { list: spec.initContainers ?? [], type: 'init container' },
    { list: spec.containers ?? [], type: 'container' },
  ];
}

export const limitRanger = {
  name: NAME,
  admit(attrs, reader) {
    if (attrs.operation !== 'CREATE' || attrs.resource.kind !== 'Pod' || attrs.subresource || !attrs.object || !attrs.namespace) return;
    const items = limitItems(reader, attrs.namespace, 'Container');
    if (items.length === 0) return;
    const notes: string[] = [];
    for (const { list, type } of containersOf(attrs.object)) {
      for (const c of list) {
        const resources = (c.resources ??= {});
        const setRequests: string[] = [];
        const setLimits: string[] = [];
        for (const item of items) {
          for (const [r, v] of Object.entries(item.default ?? {})) {
            if (resources.limits?.[r] === undefined) {
              (resources.limits ??= {})[r] = String(v);
              setLimits.push(r);
            }
          }
          for (const [r, v] of Object.entries(item.defaultRequest ?? {})) {
            if (resources.requests?.[r] === undefined) {
              (resources.requests ??= {})[r] = String(v);
              setRequests.push(r);
            }
          }
        }
        if (setRequests.length > 0) notes.push(`${setRequests.sort().join(', ')} request for ${type} ${c.name}`);
        if (setLimits.length > 0) notes.push(`${setLimits.sort().join(', ')} limit for ${type} ${c.name}`);
      }
    }
    if (notes.length > 0) {
      const meta = attrs.object.metadata;
      meta.annotations = { ...meta.annotations, [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
    }
  },
  validate(attrs, reader) {
    if (attrs.operation !== 'CREATE' || attrs.resource.kind !== 'Pod' || attrs.subresource || !attrs.object || !attrs.namespace) return;
    const items = limitItems(reader, attrs.namespace, 'Container');
    if (items.length === 0) return;
    const errs: string[] = [];
    for (const { list } of containersOf(attrs.object)) {
      for (const c of list) {
        const requests = c.resources?.requests ?? {};
        const limits = c.resources?.limits ?? {};
        for (const item of items) {
          for (const [r, v] of Object.entries(item.min ?? {})) {
            const min = q(v);
            const req = q(requests[r]);
            if (!min) continue;
            if (!req) errs.push(`minimum ${r} usage per Container is ${min}.  No request is specified`);
            else if (req.cmp(min) < 0) errs.push(`minimum ${r} usage per Container is ${min}, but request is ${req}`);
          }
          for (const [r, v] of Object.entries(item.max ?? {})) {
            const max = q(v);
            const lim = q(limits[r]);
            if (!max) continue;
            if (!lim) errs.push(`maximum ${r} usage per Container is ${max}.  No limit is specified`);
            else if (lim.cmp(max) > 0) errs.push(`maximum ${r} usage per Container is ${max}, but limit is ${lim}`);
          }
        }
      }
    }
    if (errs.length > 0) throw forbidden(attrs.resource, attrs.name, aggregateMessage(errs));
  },
} satisfies AdmissionPlugin;
