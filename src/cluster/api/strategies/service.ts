/**
 * core/v1 Service (k/k pkg/apis/core/v1 SetDefaults_Service, pkg/registry/core/service/strategy.go and
 * storage/alloc.go). Defaults: ClusterIP, sessionAffinity None, ports TCP with targetPort = port,
 * internalTrafficPolicy Cluster, externalTrafficPolicy Cluster for NodePort/LoadBalancer,
 * allocateLoadBalancerNodePorts for LoadBalancer. Create allocates the cluster IP (`None` stays headless;
 * ExternalName gets none), ipFamilies [IPv4] / SingleStack, and node ports; update keeps what was allocated
 * when the new object leaves it out, and drops what the new type no longer uses.
 *
 * Allocation failures (a requested IP or port in use or out of range) are reported by `validate` after the
 * spec's own rules pass, as kube-apiserver allocates only for valid objects.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy, StrategyContext } from '../strategy.ts';
import { invalid, type FieldError } from '../validation/field-error.ts';
import { sameJson } from './field-rules.ts';
import {
  allocateClusterIP,
  allocateNodePort,
  clusterIPProblem,
  needsClusterIP,
  needsHealthCheckNodePort,
  needsNodePorts,
  nodePortProblem,
  takenBy,
  type ServiceSpec,
  type Taken,
} from './service-allocation.ts';
import { validateClusterIPsUpdate, validateServiceSpec } from './service-validation.ts';

/** Allocation errors found by prepareForCreate/Update, reported by validate. */
const allocationErrors = new WeakMap<KubeObject, FieldError[]>();

function specOf(obj: KubeObject): ServiceSpec {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
  return obj.spec as ServiceSpec;
}

/** SetDefaults_Service. */
export function defaultServiceSpec(spec: ServiceSpec): void {
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (!spec.internalTrafficPolicy && spec.type !== 'ExternalName') spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

/** clusterIP and clusterIPs agree (the strategy's normalizeClusterIPs). */
function normalizeClusterIPs(spec: ServiceSpec): void {
  if (spec.clusterIP && !(spec.clusterIPs?.length)) spec.clusterIPs = [spec.clusterIP];
  else if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
}

function allocateIPs(spec: ServiceSpec, ctx: StrategyContext, taken: Taken, errs: FieldError[]): void {
  if (!needsClusterIP(spec)) return;
  normalizeClusterIPs(spec);
  if (!spec.clusterIP) {
    const ip = allocateClusterIP(ctx.rng, taken);
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  } else if (spec.clusterIP !== 'None') {
    const problem = clusterIPProblem(spec.clusterIP, taken);
    if (problem) errs.push(invalid('spec.clusterIPs', spec.clusterIPs ?? [], problem));
    else taken.ips.add(spec.clusterIP);
  }
  if (!(spec.ipFamilies?.length)) spec.ipFamilies = ['IPv4'];
  if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = spec.clusterIP === 'None' && !spec.selector ? 'RequireDualStack' : 'SingleStack';
}

/** Node ports for every port lacking one; requested ones checked (`keep` are the service's own, already held). */
function allocatePorts(spec: ServiceSpec, ctx: StrategyContext, taken: Taken, keep: ReadonlySet<number>, errs: FieldError[]): void {
  if (needsNodePorts(spec)) {
    const mine = new Set<number>();
    (spec.ports ?? []).forEach((p, i) => {
      if (!p.nodePort) return;
      if (keep.has(p.nodePort) || mine.has(p.nodePort)) {
        mine.add(p.nodePort);
        return;
      }
      const problem = nodePortProblem(p.nodePort, taken);
      if (problem) errs.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, problem));
      else {
        taken.ports.add(p.nodePort);
        mine.add(p.nodePort);
      }
    });
    for (const p of spec.ports ?? []) if (!p.nodePort) p.nodePort = allocateNodePort(ctx.rng, taken);
  }
  if (needsHealthCheckNodePort(spec)) {
    if (!spec.healthCheckNodePort) spec.healthCheckNodePort = allocateNodePort(ctx.rng, taken);
    else if (!keep.has(spec.healthCheckNodePort)) {
      const problem = nodePortProblem(spec.healthCheckNodePort, taken);
      if (problem) errs.push(invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, problem));
    }
  }
}

/** patchAllocatedValues: an update that leaves out allocated values keeps the old ones. */
function patchAllocated(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if (!(spec.clusterIPs?.length) && old.clusterIPs?.length) spec.clusterIPs = [...old.clusterIPs];
    if (!(spec.ipFamilies?.length) && old.ipFamilies?.length) spec.ipFamilies = [...old.ipFamilies];
    if (!spec.ipFamilyPolicy && old.ipFamilyPolicy) spec.ipFamilyPolicy = old.ipFamilyPolicy;
  }
  if (needsNodePorts(old) && needsNodePorts(spec)) {
    const used = new Set((spec.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n));
    const byName = new Map((old.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const p of spec.ports ?? []) {
      const oldPort = byName.get(p.name ?? '');
      if (!p.nodePort && oldPort && !used.has(oldPort)) p.nodePort = oldPort;
    }
  }
  if (needsHealthCheckNodePort(old) && needsHealthCheckNodePort(spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
}

/** dropTypeDependentFields: what the new type does not use goes, if the user left it as it was. */
function dropTypeDependent(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (sameJson(spec.clusterIPs ?? null, old.clusterIPs ?? null) && spec.clusterIP === old.clusterIP) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameJson(spec.ipFamilies ?? null, old.ipFamilies ?? null)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === old.ipFamilyPolicy) delete spec.ipFamilyPolicy;
    if (spec.internalTrafficPolicy === old.internalTrafficPolicy) delete spec.internalTrafficPolicy;
  }
  if (needsNodePorts(old) && !needsNodePorts(spec)) {
    const same = sameJson((spec.ports ?? []).map((p) => p.nodePort ?? 0), (old.ports ?? []).map((p) => p.nodePort ?? 0));
    if (same) for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheckNodePort(old) && !needsHealthCheckNodePort(spec) && spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
  const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  if (!external && spec.externalTrafficPolicy === old.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
}

function ownPorts(spec: ServiceSpec): Set<number> {
  const s = new Set((spec.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n));
  if (spec.healthCheckNodePort) s.add(spec.healthCheckNodePort);
  return s;
}

function withAllocation(obj: KubeObject, errs: FieldError[]): FieldError[] {
  return errs.length > 0 ? errs : (allocationErrors.get(obj) ?? []);
}

export const serviceStrategy: Strategy = {
  default(obj) {
    defaultServiceSpec(specOf(obj));
  },
  prepareForCreate(obj, ctx) {
    const spec = specOf(obj);
    obj.status = { loadBalancer: {} };
    const taken = takenBy(ctx.reader, undefined);
    const errs: FieldError[] = [];
    allocateIPs(spec, ctx, taken, errs);
    allocatePorts(spec, ctx, taken, new Set(), errs);
    allocationErrors.set(obj, errs);
  },
  prepareForUpdate(obj, old, ctx) {
    const spec = specOf(obj);
    const oldSpec = (old.spec ?? {}) as ServiceSpec;
    dropTypeDependent(spec, oldSpec);
    patchAllocated(spec, oldSpec);
    const taken = takenBy(ctx.reader, old.metadata.uid);
    const errs: FieldError[] = [];
    if (needsClusterIP(spec) && !needsClusterIP(oldSpec)) allocateIPs(spec, ctx, taken, errs);
    else if (needsClusterIP(spec)) normalizeClusterIPs(spec);
    allocatePorts(spec, ctx, taken, ownPorts(oldSpec), errs);
    allocationErrors.set(obj, errs);
  },
  validate(obj) {
    return withAllocation(obj, validateServiceSpec(specOf(obj)));
  },
  validateUpdate(obj, old) {
    const spec = specOf(obj);
    const errs = [...validateServiceSpec(spec), ...validateClusterIPsUpdate(spec, (old.spec ?? {}) as ServiceSpec)];
    return withAllocation(obj, errs);
  },
};
