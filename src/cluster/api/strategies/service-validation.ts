/**
 * ValidateService and ValidateServiceUpdate (k/k pkg/apis/core/validation): types, ports, selector,
 * affinity, traffic policies, ExternalName, and that cluster IPs never change once set
 * (`spec.clusterIPs[0]: Invalid value: []string{"10.96.0.5"}: may not change once set`).
 */
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { validateLabels } from '../validation/labels.ts';
import { goQuote } from '../validation/go-format.ts';
import { dns1123Label, dns1123Subdomain, portNumErrors, portNumOrName } from './field-rules.ts';
import { goIntOrString, goLiteral } from './go-values.ts';
import { parseIPv4, type ServicePort, type ServiceSpec } from './service-allocation.ts';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const IP_ERROR = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

export function isHeadless(spec: ServiceSpec): boolean {
  return spec.type === 'ClusterIP' && spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === 'None';
}

function externallyAccessible(spec: ServiceSpec): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
}

function goServicePort(p: ServicePort): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(p.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${p.port ?? 0}, TargetPort:${goIntOrString(undefined).goLiteral}, NodePort:0}`;
}

function validatePort(p: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(`${path}.name`, ''));
  else if (p.name) {
    errs.push(...dns1123Label(p.name, `${path}.name`));
    if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
    else names.add(p.name);
  }
  errs.push(...portNumErrors(p.port ?? 0).map((m) => invalid(`${path}.port`, p.port ?? 0, m)));
  if (!p.protocol) errs.push(required(`${path}.protocol`, ''));
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  errs.push(...portNumOrName(p.targetPort, `${path}.targetPort`));
  return errs;
}

function validateClusterIPs(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  if (spec.type === 'ExternalName') {
    if (ips.length > 0 || spec.clusterIP) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((spec.ipFamilies ?? []).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    return errs;
  }
  if (spec.clusterIP && ips.length > 0 && ips[0] !== spec.clusterIP) {
    errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  }
  ips.forEach((ip, i) => {
    if (ip === 'None') {
      if (ips.length > 1) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, "'None' must be the first and only value"));
    } else if (parseIPv4(ip) === undefined) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, IP_ERROR));
  });
  if (spec.ipFamilyPolicy && !FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, FAMILY_POLICIES));
  (spec.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
  });
  return errs;
}

/** ValidateService's spec rules. */
export function validateServiceSpec(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const type = spec.type ?? '';
  if (!type) errs.push(required('spec.type', ''));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ExternalName') {
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname) errs.push(...dns1123Subdomain(cname, 'spec.externalName'));
    else errs.push(required('spec.externalName', ''));
  }
  errs.push(...validateClusterIPs(spec));
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(required('spec.ports', ''));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validatePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const affinity = spec.sessionAffinity ?? '';
  if (!affinity) errs.push(required('spec.sessionAffinity', ''));
  else if (!AFFINITIES.includes(affinity)) errs.push(notSupported('spec.sessionAffinity', affinity, AFFINITIES));
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (affinity === 'ClientIP' && timeout !== undefined && (timeout <= 0 || timeout > 86400)) {
    errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400'));
  }
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const seenPorts = new Set<string>();
  const seenNodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seenPorts.has(key)) errs.push(duplicate(`spec.ports[${i}]`, goLiteral(goServicePort(p))));
    seenPorts.add(key);
    if (!p.nodePort) return;
    const nodeKey = `${p.protocol}/${p.nodePort}`;
    if (seenNodePorts.has(nodeKey)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    seenNodePorts.add(nodeKey);
  });
  const etp = spec.externalTrafficPolicy;
  if (externallyAccessible(spec)) {
    if (!etp) errs.push(required('spec.externalTrafficPolicy', ''));
    else if (!TRAFFIC_POLICIES.includes(etp)) errs.push(notSupported('spec.externalTrafficPolicy', etp, TRAFFIC_POLICIES));
  } else if (etp) {
    errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  }
  const itp = spec.internalTrafficPolicy;
  if (!itp && type !== 'ExternalName') errs.push(required('spec.internalTrafficPolicy', ''));
  else if (itp && !TRAFFIC_POLICIES.includes(itp)) errs.push(notSupported('spec.internalTrafficPolicy', itp, TRAFFIC_POLICIES));
  return errs;
}

/** validateUpgradeDowngradeClusterIPs: the primary cluster IP never changes (unless to or from ExternalName). */
export function validateClusterIPsUpdate(spec: ServiceSpec, old: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  if (isHeadless(spec) && isHeadless(old)) return [];
  const next = spec.clusterIPs ?? [];
  const prev = old.clusterIPs ?? [];
  const errs: FieldError[] = [];
  if (prev.length === next.length) {
    prev.forEach((ip, i) => {
      if (ip !== next[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, next, 'may not change once set'));
    });
  } else if (prev.length > next.length) {
    if (next.length === 0) errs.push(invalid('spec.clusterIPs[0]', next, 'primary clusterIP can not be unset'));
  } else if (prev.length > 0 && prev[0] !== next[0]) {
    errs.push(invalid('spec.clusterIPs[0]', next, 'may not change once set'));
  }
  return errs;
}
