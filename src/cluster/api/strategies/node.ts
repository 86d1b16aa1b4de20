/**
 * core/v1 Node (k/k pkg/apis/core/v1 SetDefaults_NodeStatus, pkg/apis/core/validation ValidateNode,
 * pkg/registry/core/node/strategy.go). Nodes may be created with their status; allocatable defaults to
 * capacity; taints need a valid key, value and effect and are unique per key and effect; capacity and
 * allocatable are non-negative quantities.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import { duplicate, invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { isValidLabelValue, validateLabelName } from '../validation/labels.ts';
import { goQuote } from '../validation/go-format.ts';
import { IS_NEGATIVE_ERROR } from './field-rules.ts';
import { goLiteral } from './go-values.ts';
import { parseQuantityField } from './resources-validation.ts';

interface Taint {
  key?: string;
  value?: string;
  effect?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateTaints(taints: readonly Taint[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (taints ?? []).forEach((t, i) => {
    const p = `spec.taints[${i}]`;
    errs.push(...validateLabelName(t.key ?? '', `${p}.key`));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length > 0) errs.push(invalid(`${p}.value`, t.value ?? '', msgs.join(';')));
    if (!t.effect) errs.push(required(`${p}.effect`, ''));
    else if (!EFFECTS.includes(t.effect)) errs.push(notSupported(`${p}.effect`, t.effect, EFFECTS));
    const key = `${t.effect}/${t.key}`;
    if (seen.has(key)) {
      const literal = `core.Taint{Key:${goQuote(t.key ?? '')}, Value:${goQuote(t.value ?? '')}, Effect:${goQuote(t.effect ?? '')}, TimeAdded:<nil>}`;
      errs.push({ ...duplicate(p, goLiteral(literal)), detail: 'taints must be unique by key and effect pair' });
    }
    seen.add(key);
  });
  return errs;
}

function validateResources(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const status = (obj.status ?? {}) as { capacity?: Record<string, string | number>; allocatable?: Record<string, string | number> };
  for (const field of ['capacity', 'allocatable'] as const) {
    for (const [k, v] of Object.entries(status[field] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const q = parseQuantityField(v, `status.${field}[${k}]`, errs);
      if (q && q.sign() < 0) errs.push(invalid(`status.${field}[${k}]`, q.toString(), IS_NEGATIVE_ERROR));
    }
  }
  return errs;
}

function validateNode(obj: KubeObject): FieldError[] {
  return [...validateTaints((obj.spec as { taints?: Taint[] } | undefined)?.taints), ...validateResources(obj)];
}

export const nodeStrategy: Strategy = {
  default(obj) {
    const status = obj.status as { capacity?: Record<string, unknown>; allocatable?: Record<string, unknown> } | undefined;
    if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
  },
  validate: validateNode,
  validateStatusUpdate: validateNode,
};
