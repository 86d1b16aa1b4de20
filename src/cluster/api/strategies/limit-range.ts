/**
 * core/v1 LimitRange and ResourceQuota (k/k pkg/apis/core/v1 SetDefaults_LimitRangeItem,
 * pkg/apis/core/validation ValidateLimitRange / ValidateResourceQuota). A Container limit item fills its
 * default from max, its defaultRequest from default, then from min; values must respect
 * min <= defaultRequest <= default <= max.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import type { Quantity } from '../quantity.ts';
import { forbidden, invalid, notSupported, type FieldError } from '../validation/field-error.ts';
import { IS_NEGATIVE_ERROR } from './field-rules.ts';
import { parseQuantityField } from './resources-validation.ts';

type ResourceList = Record<string, string | number>;

interface LimitRangeItem {
  type?: string;
  max?: ResourceList;
  min?: ResourceList;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  maxLimitRequestRatio?: ResourceList;
}

const LIMIT_TYPES = ['Container', 'PersistentVolumeClaim', 'Pod'];

function items(obj: KubeObject): LimitRangeItem[] {
  return ((obj.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []) as LimitRangeItem[];
}

/** SetDefaults_LimitRangeItem (empty maps stay absent, as they serialize). */
export function defaultLimitRangeItem(item: LimitRangeItem): void {
  if (item.type !== 'Container') return;
  const def: ResourceList = { ...item.default };
  for (const [k, v] of Object.entries(item.max ?? {})) if (def[k] === undefined) def[k] = v;
  const req: ResourceList = { ...item.defaultRequest };
  for (const [k, v] of Object.entries(def)) if (req[k] === undefined) req[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (req[k] === undefined) req[k] = v;
  if (Object.keys(def).length > 0) item.default = def;
  if (Object.keys(req).length > 0) item.defaultRequest = req;
}

function parseAll(list: ResourceList | undefined, path: string, errs: FieldError[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const k of Object.keys(list ?? {}).sort()) {
    const q = parseQuantityField((list as ResourceList)[k] as string | number, `${path}[${k}]`, errs);
    if (q) out.set(k, q);
  }
  return out;
}

function validateItem(item: LimitRangeItem, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!item.type || !LIMIT_TYPES.includes(item.type)) errs.push(notSupported(`${path}.type`, item.type ?? '', LIMIT_TYPES));
  if (item.type === 'Pod') {
    if (item.default) errs.push(forbidden(`${path}.default`, "may not be specified when `type` is 'Pod'"));
    if (item.defaultRequest) errs.push(forbidden(`${path}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
  }
  const max = parseAll(item.max, `${path}.max`, errs);
  const min = parseAll(item.min, `${path}.min`, errs);
  const def = parseAll(item.default, `${path}.default`, errs);
  const req = parseAll(item.defaultRequest, `${path}.defaultRequest`, errs);
  for (const [k, q] of min) {
    const m = max.get(k);
    if (m && q.cmp(m) > 0) errs.push(invalid(`${path}.min[${k}]`, q.toString(), `min value ${q} is greater than max value ${m}`));
  }
  for (const [k, q] of req) {
    const d = def.get(k);
    const m = max.get(k);
    const lo = min.get(k);
    if (lo && lo.cmp(q) > 0) errs.push(invalid(`${path}.defaultRequest[${k}]`, q.toString(), `min value ${lo} is greater than default request value ${q}`));
    if (m && q.cmp(m) > 0) errs.push(invalid(`${path}.defaultRequest[${k}]`, q.toString(), `default request value ${q} is greater than max value ${m}`));
    if (d && q.cmp(d) > 0) errs.push(invalid(`${path}.defaultRequest[${k}]`, q.toString(), `default request value ${q} is greater than default limit value ${d}`));
  }
  for (const [k, q] of def) {
    const m = max.get(k);
    const lo = min.get(k);
    if (lo && lo.cmp(q) > 0) errs.push(invalid(`${path}.default[${k}]`, q.toString(), `min value ${lo} is greater than default value ${q}`));
    if (m && q.cmp(m) > 0) errs.push(invalid(`${path}.default[${k}]`, q.toString(), `default value ${q} is greater than max value ${m}`));
  }
  return errs;
}

export const limitRangeStrategy: Strategy = {
  default(obj) {
    for (const item of items(obj)) defaultLimitRangeItem(item);
  },
  validate(obj) {
    return items(obj).flatMap((item, i) => validateItem(item, `spec.limits[${i}]`));
  },
};

function validateQuota(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const hard = (obj.spec as { hard?: ResourceList } | undefined)?.hard;
  for (const [k, q] of parseAll(hard, 'spec.hard', errs)) {
    if (q.sign() < 0) errs.push(invalid(`spec.hard[${k}]`, q.toString(), IS_NEGATIVE_ERROR));
  }
  return errs;
}

export const resourceQuotaStrategy: Strategy = {
  prepareForCreate(obj) {
    obj.status = {};
  },
  validate: validateQuota,
};
