/**
 * Test support: runs a strategy the way the API server's write pipeline does (defaulting, prepare,
 * validation), without a store, and returns the object and its field errors as Kubernetes prints them.
 * Metadata system fields (uid, namespace) are filled like fillCreateMeta would.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy, StrategyContext } from '../strategy.ts';
import type { AdmissionReader } from '../admission/types.ts';
import { Rng } from '../../sim/rng.ts';
import { DEFAULT_EPOCH_MS } from '../../sim/clock.ts';
import { formatFieldError } from '../validation/field-error.ts';

/** A context whose reader serves `stored` objects by resource name (`services`, ...). */
export function makeContext(stored: Readonly<Record<string, readonly KubeObject[]>> = {}, seed = 1): StrategyContext {
  const reader: AdmissionReader = {
    get: (_g, resource, namespace, name) => stored[resource]?.find((o) => o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace)),
    list: (_g, resource, namespace) => (stored[resource] ?? []).filter((o) => namespace === undefined || o.metadata.namespace === namespace),
    now: () => 0,
  };
  return { now: DEFAULT_EPOCH_MS, rng: new Rng(seed), reader };
}

export interface Outcome {
  obj: KubeObject;
  errors: string[];
}

/** default -> prepareForCreate -> validate on a copy of `input`. */
export function create(strategy: Strategy, input: KubeObject, ctx: StrategyContext = makeContext()): Outcome {
  const obj = structuredClone(input);
  obj.metadata.uid ??= '5f0c4e3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';
  strategy.default?.(obj);
  strategy.prepareForCreate?.(obj, ctx);
  const errors = (strategy.validate?.(obj) ?? []).map(formatFieldError);
  return { obj, errors };
}

/** default -> prepareForUpdate -> validateUpdate of `next` over the stored `old`. */
export function update(strategy: Strategy, next: KubeObject, old: KubeObject, ctx: StrategyContext = makeContext()): Outcome {
  const obj = structuredClone(next);
  obj.metadata.uid = old.metadata.uid;
  strategy.default?.(obj);
  strategy.prepareForUpdate?.(obj, old, ctx);
  const errs = strategy.validateUpdate ? strategy.validateUpdate(obj, old) : (strategy.validate?.(obj) ?? []);
  return { obj, errors: errs.map(formatFieldError) };
}

/** Creates `input` and fails loudly if it does not validate: the stored object for update tests. */
export function stored(strategy: Strategy, input: KubeObject, ctx?: StrategyContext): KubeObject {
  const out = create(strategy, input, ctx);
  if (out.errors.length > 0) throw new Error(`fixture invalid: ${out.errors.join('; ')}`);
  return out.obj;
}
