/**
 * networking.k8s.io/v1 NetworkPolicy and Ingress (k/k pkg/apis/networking/v1 SetDefaults_NetworkPolicy,
 * pkg/apis/networking/validation). Policy ports default to TCP and policyTypes to Ingress (plus Egress
 * when egress rules exist); an Ingress path needs a pathType and, for Prefix and Exact, an absolute path.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import { invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { dns1035Label, portNumOrName } from './field-rules.ts';
import type { IntOrString } from './go-values.ts';
import { validateLabelSelector } from './label-selector-validation.ts';

interface PolicyPort {
  protocol?: string;
  port?: IntOrString;
  endPort?: number;
}

interface NetworkPolicySpec {
  podSelector?: { matchLabels?: Record<string, string> };
  policyTypes?: string[];
  ingress?: { ports?: PolicyPort[] }[];
  egress?: { ports?: PolicyPort[] }[];
}

function npSpec(obj: KubeObject): NetworkPolicySpec {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
  return obj.spec as NetworkPolicySpec;
}

function validatePolicyPorts(rules: { ports?: PolicyPort[] }[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (rules ?? []).forEach((rule, i) =>
    (rule.ports ?? []).forEach((p, j) => {
      const pp = `${path}[${i}].ports[${j}]`;
      if (p.protocol && !['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(notSupported(`${pp}.protocol`, p.protocol, ['TCP', 'UDP', 'SCTP']));
      if (p.port !== undefined) errs.push(...portNumOrName(p.port, `${pp}.port`));
      if (p.endPort !== undefined && typeof p.port === 'number' && p.endPort < p.port) {
        errs.push(invalid(`${pp}.endPort`, p.endPort, 'must be greater than or equal to `port`'));
      }
    }),
  );
  return errs;
}

export const networkPolicyStrategy: Strategy = {
  default(obj) {
    const spec = npSpec(obj);
    for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) for (const p of rule.ports ?? []) p.protocol ??= 'TCP';
    if (!(spec.policyTypes?.length)) spec.policyTypes = (spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  },
  validate(obj) {
    const spec = npSpec(obj);
    const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector');
    errs.push(...validatePolicyPorts(spec.ingress, 'spec.ingress'), ...validatePolicyPorts(spec.egress, 'spec.egress'));
    (spec.policyTypes ?? []).forEach((t, i) => {
      if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
    });
    return errs;
  },
};

interface IngressBackend {
  service?: { name?: string; port?: { name?: string; number?: number } };
  resource?: unknown;
}

interface IngressSpec {
  defaultBackend?: IngressBackend;
  rules?: { host?: string; http?: { paths?: { path?: string; pathType?: string; backend?: IngressBackend }[] } }[];
}

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateBackend(b: IngressBackend | undefined, path: string): FieldError[] {
  if (!b) return [required(path, '')];
  if (b.service && b.resource) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (!b.service && !b.resource) return [invalid(path, '', 'resource or service backend is required')];
  if (!b.service) return [];
  const errs: FieldError[] = [];
  if (!b.service.name) errs.push(required(`${path}.service.name`, ''));
  else errs.push(...dns1035Label(b.service.name, `${path}.service.name`));
  const port = b.service.port;
  if (port?.name && port.number) errs.push(invalid(`${path}.service.port`, '', 'cannot set both port name & port number'));
  else if (port?.name) errs.push(...portNumOrName(port.name, `${path}.service.port.name`));
  else if (port?.number !== undefined) errs.push(...portNumOrName(port.number, `${path}.service.port.number`));
  else errs.push(invalid(`${path}.service.port`, '', 'port name or number is required'));
  return errs;
}

export const ingressStrategy: Strategy = {
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as IngressSpec;
    const errs: FieldError[] = [];
    if (!spec.defaultBackend && !(spec.rules?.length)) errs.push(invalid('spec', '', 'either `defaultBackend` or `rules` must be specified'));
    if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
    (spec.rules ?? []).forEach((rule, i) =>
      (rule.http?.paths ?? []).forEach((p, j) => {
        const pp = `spec.rules[${i}].http.paths[${j}]`;
        if (!p.pathType) errs.push(required(`${pp}.pathType`, 'pathType must be specified'));
        else if (!PATH_TYPES.includes(p.pathType)) errs.push(notSupported(`${pp}.pathType`, p.pathType, PATH_TYPES));
        else if (p.pathType !== 'ImplementationSpecific' && !(p.path ?? '').startsWith('/')) errs.push(invalid(`${pp}.path`, p.path ?? '', 'must be an absolute path'));
        errs.push(...validateBackend(p.backend, `${pp}.backend`));
      }),
    );
    return errs;
  },
};
