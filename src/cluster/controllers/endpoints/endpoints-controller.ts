/**
 * kube-controller-manager's Endpoints controller (k/k pkg/controller/endpoint/endpoints_controller.go).
 *
 * reconcile(`ns/name` of a Service): a Service with a selector gets an Endpoints object of the same
 * name whose subsets list, for each set of ports, the ready pods in `addresses` and the others in
 * `notReadyAddresses` (all ready with `publishNotReadyAddresses`), each with ip, nodeName and a Pod
 * targetRef, sorted by IP. A Service without a selector is left alone (its hand-made Endpoints stay);
 * a deleted Service's Endpoints go.
 */
import type { KubeObject } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { selectorFromSet } from '../../api/labels/selector.ts';
import { keyOf, splitKey, type Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { isPodReady } from '../replica-set/pod-utils.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { findPort, HEADLESS_LABEL, isHeadless, podIP, podRef, shouldPodBeInEndpoints, type PodReference, type Service } from './endpoint-pods.ts';
import { servicesSelecting } from './services-selecting.ts';

export const ENDPOINT_CONTROLLER = 'endpoint-controller';
const ENDPOINTS = { apiVersion: 'v1', kind: 'Endpoints' };

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: PodReference;
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints extends KubeObject {
  subsets?: EndpointSubset[];
}

const ipKey = (ip: string) => ip.split('.').map((n) => n.padStart(3, '0')).join('.');

/** The subsets for `svc` over `pods`, grouped by identical port lists (RepackSubsets), sorted. */
export function endpointSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointPort = { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      ports.push(ep);
    }
    if (ports.length === 0 && (svc.spec?.ports ?? []).length > 0) continue;
    ports.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }));
    const addr: EndpointAddress = { ip: podIP(pod)! };
    const spec = pod.spec as { hostname?: string; subdomain?: string; nodeName?: string } | undefined;
    if (spec?.hostname && spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace) addr.hostname = spec.hostname;
    if (spec?.nodeName) addr.nodeName = spec.nodeName;
    addr.targetRef = podRef(pod);
    if (publishNotReady || isPodReady(pod)) g.ready.push(addr);
    else g.notReady.push(addr);
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) => ipKey(a.ip).localeCompare(ipKey(b.ip)) || (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? '');
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, g]) => {
      const s: EndpointSubset = {};
      if (g.ready.length) s.addresses = g.ready.sort(byIp);
      if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIp);
      if (g.ports.length) s.ports = g.ports;
      return s;
    });
}

export class EndpointsController extends Controller {
  readonly name = ENDPOINT_CONTROLLER;
  private services!: Informer<Service>;
  private podInformer!: Informer<Pod>;
  private endpoints!: Informer<Endpoints>;

  constructor(ctx: ControllerContext) {
    super(ctx, ENDPOINT_CONTROLLER);
  }

  start(): void {
    this.services = this.ctx.informers.get<Service>('', 'services');
    this.podInformer = this.ctx.informers.pods<Pod>();
    this.endpoints = this.ctx.informers.get<Endpoints>('', 'endpoints');
    this.services.addHandler({ onAdd: (s) => this.enqueue(s), onUpdate: (_o, s) => this.enqueue(s), onDelete: (s) => this.enqueue(s) });
    const podChanged = (old: Pod | undefined, pod: Pod) => {
      for (const s of servicesSelecting(this.services, pod, old)) this.enqueue(s);
    };
    this.podInformer.addHandler({ onAdd: (p) => podChanged(undefined, p), onUpdate: (o, p) => podChanged(o, p), onDelete: (p) => podChanged(undefined, p) });
    // Someone changed or removed our Endpoints: put them back.
    const epChanged = (ep: Endpoints) => {
      const svc = this.services.get(keyOf(ep));
      if (svc?.spec?.selector) this.enqueue(svc);
    };
    this.endpoints.addHandler({ onUpdate: (_o, ep) => epChanged(ep), onDelete: epChanged });
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(key);
    if (!svc) {
      // The Service is gone: so are its Endpoints (upstream deletes them by name).
      if (this.endpoints.get(key)) this.client.delete(ENDPOINTS, namespace, name);
      return;
    }
    const selector = svc.spec?.selector;
    if (!selector || svc.spec?.type === 'ExternalName') return;
    const sel = selectorFromSet(selector);
    const pods = this.podInformer.listIn(namespace ?? 'default').filter((p) => sel.matches(p.metadata.labels ?? {}));
    const subsets = endpointSubsets(svc, pods);
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];
    const current = this.endpoints.get(key);
    if (current) {
      if (JSON.stringify(current.subsets ?? []) === JSON.stringify(subsets) && JSON.stringify(current.metadata.labels ?? {}) === JSON.stringify(labels)) return;
      const next = clone(current) as Endpoints;
      if (subsets.length) next.subsets = subsets;
      else delete next.subsets;
      if (Object.keys(labels).length) next.metadata.labels = labels;
      else delete next.metadata.labels;
      this.client.update(next);
      return;
    }
    const ep: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
    if (Object.keys(labels).length) ep.metadata.labels = labels;
    if (subsets.length) ep.subsets = subsets;
    this.client.create(ep);
  }
}
