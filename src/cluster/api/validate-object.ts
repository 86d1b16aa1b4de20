/**
 * Validation of a whole object: ObjectMeta by the kind's naming rule, then the kind's own rules. Throws the
 * 422 Invalid Status kube-apiserver answers, listing every field error.
 */
import type { KubeObject, ObjectMeta } from './types.ts';
import type { ResourceType } from './registry.ts';
import type { Strategy } from './strategy.ts';
import { invalid as invalidStatus } from './errors.ts';
import { aggregateFieldErrors, forbidden, invalid, required, toStatusCauses, type FieldError } from './validation/field-error.ts';
import { isDNS1123Label, validateObjectMetaName, type NameRule } from './validation/names.ts';
import { validateAnnotations, validateLabels } from './validation/labels.ts';

const NAME_RULES: Readonly<Record<string, NameRule>> = {
  '/Namespace': 'DNS1123Label',
  '/Service': 'DNS1035Label',
  '/Event': 'PathSegment',
  'events.k8s.io/Event': 'PathSegment',
  'rbac.authorization.k8s.io/Role': 'PathSegment',
  'rbac.authorization.k8s.io/ClusterRole': 'PathSegment',
  'rbac.authorization.k8s.io/RoleBinding': 'PathSegment',
  'rbac.authorization.k8s.io/ClusterRoleBinding': 'PathSegment',
};

export function validateObjectMeta(t: ResourceType, meta: ObjectMeta): FieldError[] {
  const errs: FieldError[] = validateObjectMetaName(meta, NAME_RULES[`${t.group}/${t.kind}`] ?? 'DNS1123Subdomain');
  if (t.namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace'));
    else for (const msg of isDNS1123Label(meta.namespace)) errs.push(invalid('metadata.namespace', meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  for (const [i, ref] of (meta.ownerReferences ?? []).entries()) {
    const path = `metadata.ownerReferences[${i}]`;
    if (!ref.apiVersion) errs.push(invalid(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(`${path}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(invalid(`${path}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(invalid(`${path}.uid`, ref.uid ?? '', 'uid must not be empty'));
  }
  if ((meta.ownerReferences ?? []).filter((r) => r.controller).length > 1) {
    errs.push(forbidden('metadata.ownerReferences', 'Only one reference can have Controller set to true'));
  }
  return errs;
}

export function validateObject(t: ResourceType, obj: KubeObject, strategy: Strategy): void {
  const errs = [...validateObjectMeta(t, obj.metadata), ...(strategy.validate?.(obj) ?? [])];
  if (errs.length > 0) throw toInvalid(t, obj, errs);
}

export function validateObjectUpdate(t: ResourceType, obj: KubeObject, old: KubeObject, strategy: Strategy): void {
  const errs = [...validateObjectMeta(t, obj.metadata), ...(strategy.validateUpdate ? strategy.validateUpdate(obj, old) : (strategy.validate?.(obj) ?? []))];
  if (errs.length > 0) throw toInvalid(t, obj, errs);
}

export function toInvalid(t: ResourceType, obj: KubeObject, errs: FieldError[]) {
  const name = obj.metadata.name ?? obj.metadata.generateName ?? '';
  return invalidStatus(t.kind, t.group, name, aggregateFieldErrors(errs), toStatusCauses(errs));
}
