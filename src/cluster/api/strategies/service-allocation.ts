/**
 * kube-apiserver's Service IP and NodePort allocators, over the Services already stored: cluster IPs come
 * from 10.96.0.0/12 and node ports from 30000-32767, picked at random (from `ctx.rng`) in the upper,
 * dynamic part of each range, as Kubernetes keeps the lower band for addresses and ports people ask for
 * (10.96.0.1 for the `kubernetes` Service and 10.96.0.10 for kube-dns live there).
 *
 * A requested address or port is checked against the range and against every other Service, with the
 * allocator's words: `failed to allocate IP 10.96.0.5: provided IP is already allocated`,
 * `provided port is already allocated`.
 */
import type { KubeObject } from '../types.ts';
import type { Rng } from '../../sim/rng.ts';
import type { AdmissionReader } from '../admission/types.ts';

export const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
/** Lower band kept for requested IPs: min(max(16, size/16), 256). */
const IP_STATIC_BAND = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** Lower band kept for requested ports: min(max(16, size/32), 128). */
const PORT_STATIC_BAND = 86;

export interface ServicePort {
  name?: string;
  protocol?: string;
  appProtocol?: string;
  port?: number;
  targetPort?: number | string;
  nodePort?: number;
}

export interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: ServicePort[];
  selector?: Record<string, string>;
  sessionAffinity?: string;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } } | null;
  externalName?: string;
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  allocateLoadBalancerNodePorts?: boolean;
  healthCheckNodePort?: number;
  externalIPs?: string[];
  [field: string]: unknown;
}

export function parseIPv4(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255) || m.slice(1).some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
  return (((parts[0] as number) << 24) >>> 0) + ((parts[1] as number) << 16) + ((parts[2] as number) << 8) + (parts[3] as number);
}

function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function needsClusterIP(spec: ServiceSpec): boolean {
  return spec.type !== 'ExternalName';
}

export function needsNodePorts(spec: ServiceSpec): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

export function needsHealthCheckNodePort(spec: ServiceSpec): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

/** What other Services hold: cluster IPs and node ports (keyed `port/protocol`, plus bare health-check ports). */
export interface Taken {
  ips: Set<string>;
  ports: Set<number>;
}

/** Everything allocated by stored Services other than `self` (by uid). */
export function takenBy(reader: AdmissionReader, selfUid: string | undefined): Taken {
  const taken: Taken = { ips: new Set(), ports: new Set() };
  for (const svc of reader.list('', 'services') as readonly KubeObject[]) {
    if (selfUid && svc.metadata.uid === selfUid) continue;
    const spec = (svc.spec ?? {}) as ServiceSpec;
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) if (ip !== 'None') taken.ips.add(ip);
    for (const p of spec.ports ?? []) if (p.nodePort) taken.ports.add(p.nodePort);
    if (spec.healthCheckNodePort) taken.ports.add(spec.healthCheckNodePort);
  }
  return taken;
}

/** Why a requested cluster IP cannot be had, or undefined when it can. */
export function clusterIPProblem(ip: string, taken: Taken): string | undefined {
  const n = parseIPv4(ip);
  if (n === undefined) return undefined; // validation reports malformed addresses
  if (n <= CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE - 1) {
    return `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
  }
  if (taken.ips.has(ip)) return `failed to allocate IP ${ip}: provided IP is already allocated`;
  return undefined;
}

/** A free cluster IP in the dynamic band; marks it taken. */
export function allocateClusterIP(rng: Rng, taken: Taken): string {
  const lo = IP_STATIC_BAND;
  const hi = CIDR_SIZE - 2;
  let offset = rng.range(lo, hi);
  for (let tries = 0; tries < hi - lo + 1; tries++) {
    const ip = formatIPv4(CIDR_BASE + offset);
    if (!taken.ips.has(ip)) {
      taken.ips.add(ip);
      return ip;
    }
    offset = offset === hi ? lo : offset + 1;
  }
  throw new Error('range is full');
}

/** Why a requested node port cannot be had, or undefined when it can. */
export function nodePortProblem(port: number, taken: Taken): string | undefined {
  if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) {
    return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
  }
  if (taken.ports.has(port)) return 'provided port is already allocated';
  return undefined;
}

/** A free node port in the dynamic band; marks it taken. */
export function allocateNodePort(rng: Rng, taken: Taken): number {
  const lo = NODE_PORT_MIN + PORT_STATIC_BAND;
  const hi = NODE_PORT_MAX;
  let port = rng.range(lo, hi);
  for (let tries = 0; tries < hi - lo + 1; tries++) {
    if (!taken.ports.has(port)) {
      taken.ports.add(port);
      return port;
    }
    port = port === hi ? lo : port + 1;
  }
  throw new Error('range is full');
}
