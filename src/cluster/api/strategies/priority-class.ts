/**
 * scheduling.k8s.io/v1 PriorityClass (k/k pkg/apis/scheduling/v1 SetDefaults_PriorityClass,
 * pkg/apis/scheduling/validation). preemptionPolicy defaults to PreemptLowerPriority; the `system-` prefix
 * is reserved for the two built-in classes; user values stop at one billion; value and preemptionPolicy
 * never change. A missing value is 0, as the server (not kubectl's client-side schema check) sees it.
 */
import type { Strategy } from '../strategy.ts';
import { forbidden, invalid, notSupported, type FieldError } from '../validation/field-error.ts';
import { FIELD_IMMUTABLE } from './field-rules.ts';

const HIGHEST_USER_DEFINABLE = 1000000000;
const SYSTEM_CLASSES: Readonly<Record<string, number>> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

function validate(name: string, value: number, globalDefault: boolean, policy: string | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (name.startsWith('system-')) {
    const known = SYSTEM_CLASSES[name];
    let why: string | undefined;
    if (known === undefined) why = `${name} is not a known system priority class`;
    else if (known !== value) why = `value of ${name} PriorityClass must be ${known}`;
    else if (globalDefault) why = `globalDefault of ${name} PriorityClass must be false`;
    if (why) errs.push(forbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${why}`));
  } else if (value > HIGHEST_USER_DEFINABLE) {
    errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE}`));
  }
  if (policy !== undefined && policy !== 'PreemptLowerPriority' && policy !== 'Never') {
    errs.push(notSupported('preemptionPolicy', policy, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

export const priorityClassStrategy: Strategy = {
  default(obj) {
    obj.preemptionPolicy ??= 'PreemptLowerPriority';
    obj.value ??= 0;
  },
  validate(obj) {
    return validate(obj.metadata.name ?? '', Number(obj.value ?? 0), obj.globalDefault === true, obj.preemptionPolicy as string | undefined);
  },
  validateUpdate(obj, old) {
    const errs = validate(obj.metadata.name ?? '', Number(obj.value ?? 0), obj.globalDefault === true, obj.preemptionPolicy as string | undefined);
    if ((obj.value ?? 0) !== (old.value ?? 0)) errs.push(forbidden('value', 'may not be changed in an update.'));
    if (obj.preemptionPolicy !== old.preemptionPolicy) errs.push(invalid('preemptionPolicy', String(obj.preemptionPolicy ?? ''), FIELD_IMMUTABLE));
    return errs;
  },
};
