/**
 * rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding, ClusterRoleBinding (k/k
 * pkg/apis/rbac/v1 SetDefaults_Subject, pkg/apis/rbac/validation). Subjects of kind User and Group default
 * their apiGroup; a binding's roleRef can never change (`roleRef: Invalid value: rbac.RoleRef{...}:
 * cannot change roleRef`).
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import { invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { goQuote } from '../validation/go-format.ts';
import { goLiteral } from './go-values.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

interface Subject {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}

interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  nonResourceURLs?: string[];
}

function validateRules(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  ((obj.rules as PolicyRule[] | undefined) ?? []).forEach((rule, i) => {
    const p = `rules[${i}]`;
    if (!(rule.verbs?.length)) errs.push(required(`${p}.verbs`, 'verbs must contain at least one value'));
    const nonResource = (rule.nonResourceURLs ?? []).length > 0;
    if (nonResource) {
      if (namespaced) errs.push(invalid(`${p}.nonResourceURLs`, rule.nonResourceURLs ?? [], 'namespaced rules cannot apply to non-resource URLs'));
      if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0) {
        errs.push(invalid(`${p}.nonResourceURLs`, rule.nonResourceURLs ?? [], 'rules cannot apply to both regular resources and non-resource URLs'));
      }
    } else {
      if (!(rule.apiGroups?.length)) errs.push(required(`${p}.apiGroups`, 'resource rules must supply at least one api group'));
      if (!(rule.resources?.length)) errs.push(required(`${p}.resources`, 'resource rules must supply at least one resource'));
    }
  });
  return errs;
}

function goRoleRef(r: RoleRef | undefined): string {
  return `rbac.RoleRef{APIGroup:${goQuote(r?.apiGroup ?? '')}, Kind:${goQuote(r?.kind ?? '')}, Name:${goQuote(r?.name ?? '')}}`;
}

function validateBinding(obj: KubeObject, cluster: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = obj.roleRef as RoleRef | undefined;
  if (ref?.apiGroup !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', ref?.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = cluster ? ['ClusterRole'] : ['Role', 'ClusterRole'];
  if (!ref?.kind || !kinds.includes(ref.kind)) errs.push(notSupported('roleRef.kind', ref?.kind ?? '', kinds));
  if (!ref?.name) errs.push(required('roleRef.name', ''));
  ((obj.subjects as Subject[] | undefined) ?? []).forEach((s, i) => {
    const p = `subjects[${i}]`;
    if (!s.name) errs.push(required(`${p}.name`, ''));
    switch (s.kind) {
      case 'ServiceAccount':
        if (s.apiGroup) errs.push(notSupported(`${p}.apiGroup`, s.apiGroup, ['']));
        if (cluster && !s.namespace) errs.push(required(`${p}.namespace`, ''));
        break;
      case 'User':
      case 'Group':
        if (s.apiGroup !== RBAC_GROUP) errs.push(notSupported(`${p}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
        break;
      default:
        errs.push(notSupported(`${p}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
    }
  });
  return errs;
}

function defaultSubjects(obj: KubeObject): void {
  for (const s of (obj.subjects as Subject[] | undefined) ?? []) {
    if (s.apiGroup === undefined && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
    if (s.apiGroup === undefined && s.kind === 'ServiceAccount') s.apiGroup = '';
  }
}

function bindingStrategy(cluster: boolean): Strategy {
  return {
    default: defaultSubjects,
    validate: (obj) => validateBinding(obj, cluster),
    validateUpdate(obj, old) {
      const errs = validateBinding(obj, cluster);
      const a = (obj.roleRef ?? {}) as RoleRef;
      const b = (old.roleRef ?? {}) as RoleRef;
      if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) errs.push(invalid('roleRef', goLiteral(goRoleRef(a)), 'cannot change roleRef'));
      return errs;
    },
  };
}

export const roleStrategy: Strategy = { validate: (obj) => validateRules(obj, true) };
export const clusterRoleStrategy: Strategy = { validate: (obj) => validateRules(obj, false) };
export const roleBindingStrategy = bindingStrategy(false);
export const clusterRoleBindingStrategy = bindingStrategy(true);
