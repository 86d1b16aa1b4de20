/**
 * kube-controller-manager's EndpointSlice controller (k/k pkg/controller/endpointslice, reconciler.go),
 * simplified: for each Service with a selector, one EndpointSlice per distinct port list (at most 100
 * endpoints each), named `<service>-<5 random>` by generateName, labelled
 * `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by:
 * endpointslice-controller.k8s.io`, owned by the Service. Endpoints carry conditions ready (ready and
 * not terminating), serving (ready) and terminating, nodeName, zone and a Pod targetRef; terminating pods
 * stay listed. A Service without endpoints keeps one empty placeholder slice. Existing slices are
 * updated in place, surplus ones deleted; the Service's deletion takes its slices through the garbage
 * collector (owner references).
 */
import type { KubeObject } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { selectorFromSet } from '../../api/labels/selector.ts';
import { splitKey, type Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { isPodReady, newControllerRef } from '../replica-set/pod-utils.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { findPort, HEADLESS_LABEL, isHeadless, podIP, podRef, shouldPodBeInEndpoints, type PodReference, type Service } from './endpoint-pods.ts';
import { servicesSelecting } from './services-selecting.ts';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;
const SLICE = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' };
const ZONE_LABEL = 'topology.kubernetes.io/zone';

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef: PodReference;
}

export interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface EndpointSlice extends KubeObject {
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: SliceEndpoint[];
  ports?: SlicePort[];
}

interface Desired {
  ports?: SlicePort[];
  endpoints: SliceEndpoint[];
}

const ipKey = (ip: string) => ip.split('.').map((n) => n.padStart(3, '0')).join('.');

/** The slices `svc` should have over `pods`: endpoints and ports per slice, before naming. */
export function desiredSlices(svc: Service, pods: readonly Pod[], zoneOf: (node: string) => string | undefined = () => undefined): Desired[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, Desired>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: SlicePort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    if (ports.length === 0 && (svc.spec?.ports ?? []).length > 0) continue;
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, endpoints: [] }));
    const terminating = !!pod.metadata.deletionTimestamp;
    const serving = publishNotReady || isPodReady(pod);
    const spec = pod.spec as { hostname?: string; subdomain?: string; nodeName?: string } | undefined;
    const ep: SliceEndpoint = { addresses: [podIP(pod)!], conditions: { ready: serving && !terminating, serving, terminating }, targetRef: podRef(pod) };
    if (spec?.hostname && spec.subdomain === svc.metadata.name) ep.hostname = spec.hostname;
    if (spec?.nodeName) {
      ep.nodeName = spec.nodeName;
      const zone = zoneOf(spec.nodeName);
      if (zone) ep.zone = zone;
    }
    g.endpoints.push(ep);
  }
  const out: Desired[] = [];
  for (const [, g] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    g.endpoints.sort((a, b) => ipKey(a.addresses[0]!).localeCompare(ipKey(b.addresses[0]!)));
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  }
  // A Service that selects nothing still gets a placeholder slice, as upstream keeps one.
  if (out.length === 0) out.push({ endpoints: [] });
  return out;
}

export class EndpointSliceController extends Controller {
  readonly name = ENDPOINTSLICE_CONTROLLER;
  private services!: Informer<Service>;
  private podInformer!: Informer<Pod>;
  private slices!: Informer<EndpointSlice>;
  private nodes!: Informer;

  constructor(ctx: ControllerContext) {
    super(ctx, ENDPOINTSLICE_CONTROLLER);
  }

  start(): void {
    this.services = this.ctx.informers.get<Service>('', 'services');
    this.podInformer = this.ctx.informers.pods<Pod>();
    this.slices = this.ctx.informers.get<EndpointSlice>('discovery.k8s.io', 'endpointslices');
    this.nodes = this.ctx.informers.nodes();
    this.services.addHandler({ onAdd: (s) => this.enqueue(s), onUpdate: (_o, s) => this.enqueue(s) });
    const podChanged = (old: Pod | undefined, pod: Pod) => {
      for (const s of servicesSelecting(this.services, pod, old)) this.enqueue(s);
    };
    this.podInformer.addHandler({ onAdd: (p) => podChanged(undefined, p), onUpdate: (o, p) => podChanged(o, p), onDelete: (p) => podChanged(undefined, p) });
    const sliceChanged = (s: EndpointSlice) => {
      if (s.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY) return;
      const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
      if (svc) this.queue.add(`${s.metadata.namespace}/${svc}`);
    };
    this.slices.addHandler({ onUpdate: (_o, s) => sliceChanged(s), onDelete: sliceChanged });
  }

  private ownedSlices(namespace: string, service: string): EndpointSlice[] {
    return this.slices
      .listIn(namespace)
      .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === service && s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY && !s.metadata.deletionTimestamp)
      .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace = 'default', name } = splitKey(key);
    const svc = this.services.get(key);
    // A deleted Service's slices go with it through their owner reference.
    if (!svc || svc.metadata.deletionTimestamp) return;
    const selector = svc.spec?.selector;
    if (!selector || svc.spec?.type === 'ExternalName') return;
    const sel = selectorFromSet(selector);
    const pods = this.podInformer.listIn(namespace).filter((p) => sel.matches(p.metadata.labels ?? {}));
    const zoneOf = (node: string) => this.nodes.get(node)?.metadata.labels?.[ZONE_LABEL];
    const desired = desiredSlices(svc, pods, zoneOf);
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MANAGED_BY };
    if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
    const existing = this.ownedSlices(namespace, name);
    const ownerRef = newControllerRef(svc, 'v1', 'Service');
    desired.forEach((d, i) => {
      const cur = existing[i];
      if (!cur) {
        const slice: EndpointSlice = {
          apiVersion: SLICE.apiVersion,
          kind: SLICE.kind,
          metadata: { generateName: `${name}-`, namespace, labels, ownerReferences: [ownerRef] },
          addressType: 'IPv4',
          endpoints: d.endpoints,
          ...(d.ports ? { ports: d.ports } : {}),
        };
        this.client.create(slice);
        return;
      }
      const same = JSON.stringify(cur.endpoints ?? []) === JSON.stringify(d.endpoints) && JSON.stringify(cur.ports ?? null) === JSON.stringify(d.ports ?? null) && JSON.stringify(cur.metadata.labels) === JSON.stringify(labels);
      if (same) return;
      const next = clone(cur) as EndpointSlice;
      next.endpoints = d.endpoints;
      if (d.ports) next.ports = d.ports;
      else delete next.ports;
      next.metadata.labels = labels;
      this.client.update(next);
    });
    for (const extra of existing.slice(desired.length)) this.client.delete(SLICE, namespace, extra.metadata.name ?? '');
  }
}
