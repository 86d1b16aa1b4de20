/**
 * metrics-server on virtual time: every 15 s (metrics-server's resolution) it samples a CPU and memory
 * usage for each container of every running pod, and serves them as metrics.k8s.io/v1beta1 PodMetrics
 * and NodeMetrics, which is what `kubectl top` and the HPA read.
 *
 * Usage is a model, not a measurement: a person sets a load on a Service or a Deployment
 * (`setLoad(ns, name, factor)`), and every pod sharing that load uses
 * `requests * 0.5 * factor / readyPodsSharingTheLoad`, so factor 1 keeps the group at about 50% of its
 * requests whatever its size — the shape a real request-driven load has. Pods under no load idle at
 * `IDLE_FACTOR`. A seeded ±5% jitter keeps numbers alive yet reproducible.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import type { VirtualClock, TimerHandle } from '../sim/clock.ts';
import { rfc3339 } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import { Informer } from '../client/informer.ts';
import { tryParseQuantity } from '../api/quantity.ts';
import { selectorFromLabelSelector, selectorFromSet, type LabelSelectorLike } from '../api/labels/selector.ts';

/** metrics-server's scrape resolution. */
export const METRICS_RESOLUTION_MS = 15_000;
/** The load of a pod nobody has put a load on: 10% of its requests. */
export const IDLE_FACTOR = 0.2;
/** What a container without requests is modelled against. */
const FALLBACK_CPU_MILLI = 100;
const FALLBACK_MEMORY_BYTES = 128 * 1024 * 1024;
/** What the node itself (kubelet, container runtime, OS) uses besides pods. */
const NODE_OVERHEAD_CPU_MILLI = 60;
const NODE_OVERHEAD_MEMORY_BYTES = 480 * 1024 * 1024;
const JITTER = 0.05;

// metrics-server is an ordinary API client (its service account), not a control-plane component.
const ACTOR: Actor = { name: 'system:serviceaccount:kube-system:metrics-server', component: 'user' };

/** One container's sampled usage. */
export interface ContainerUsage {
  name: string;
  cpuMilli: number;
  memoryBytes: number;
}

/** One pod's sample: what the HPA reads (sums are over containers). */
export interface PodSample {
  namespace: string;
  name: string;
  nodeName: string;
  timestampMs: number;
  containers: ContainerUsage[];
  cpuMilli: number;
  memoryBytes: number;
}

interface PodLike extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: { name: string; resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }[];
  };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

/** `123m`, as metrics-server writes CPU. */
export function formatCpu(milli: number): string {
  return `${Math.max(0, Math.round(milli))}m`;
}

/** `45678Ki`, as metrics-server writes memory. */
export function formatMemory(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}

function isReady(pod: PodLike): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function quantityOf(list: Record<string, string> | undefined, key: string, milli: boolean): number | undefined {
  const raw = list?.[key];
  const q = raw === undefined ? undefined : tryParseQuantity(raw);
  if (!q) return undefined;
  return milli ? q.milliValue() : q.value();
}

export class MetricsModel {
  private readonly pods: Informer<PodLike>;
  private readonly services: Informer;
  private readonly deployments: Informer;
  private readonly loads = new Map<string, number>();
  private samples = new Map<string, PodSample>();
  private sampledAt: number | undefined;
  private timer: TimerHandle | undefined;

  constructor(private readonly ctx: { api: ApiServer; clock: VirtualClock; rng: Rng }) {
    this.pods = new Informer<PodLike>(ctx.api, { group: '', resource: 'pods' }, ACTOR);
    this.services = new Informer(ctx.api, { group: '', resource: 'services' }, ACTOR);
    this.deployments = new Informer(ctx.api, { group: 'apps', resource: 'deployments' }, ACTOR);
  }

  /** Starts watching and sampling (the first sample is one resolution away, as after a real start). */
  start(): this {
    if (this.timer !== undefined) return this;
    this.pods.start();
    this.services.start();
    this.deployments.start();
    const tick = () => {
      this.sample();
      this.timer = this.ctx.clock.setTimeout(tick, METRICS_RESOLUTION_MS);
    };
    this.timer = this.ctx.clock.setTimeout(tick, METRICS_RESOLUTION_MS);
    return this;
  }

  stop(): void {
    this.ctx.clock.cancel(this.timer);
    this.timer = undefined;
    this.pods.stop();
    this.services.stop();
    this.deployments.stop();
  }

  /**
   * Puts a load on the pods of a Service (by its selector) or, failing that, a Deployment. Factor 1
   * keeps them at about 50% of their requests; 0 idles them at nothing; the next sample shows it.
   */
  setLoad(namespace: string, name: string, factor: number): void {
    if (!Number.isFinite(factor) || factor < 0) throw new Error(`load factor must be a non-negative number, got ${factor}`);
    this.loads.set(`${namespace}/${name}`, factor);
  }

  /** The load set on a Service or Deployment, if any. */
  load(namespace: string, name: string): number | undefined {
    return this.loads.get(`${namespace}/${name}`);
  }

  /** The latest sample of a pod; undefined until the pod has run through one scrape. */
  podSample(namespace: string, name: string): PodSample | undefined {
    return this.samples.get(`${namespace}/${name}`);
  }

  /** metrics.k8s.io/v1beta1 PodMetrics, or undefined (the API's 404: "podmetrics ... not found"). */
  podMetrics(namespace: string, name: string): KubeObject | undefined {
    const s = this.podSample(namespace, name);
    if (!s) return undefined;
    return {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: { name, namespace, creationTimestamp: rfc3339(this.ctx.clock.now()) },
      timestamp: rfc3339(s.timestampMs),
      window: '15s',
      containers: s.containers.map((c) => ({ name: c.name, usage: { cpu: formatCpu(c.cpuMilli), memory: formatMemory(c.memoryBytes) } })),
    };
  }

  /** Every PodMetrics of a namespace (all namespaces when undefined), sorted by namespace and name. */
  listPodMetrics(namespace?: string): KubeObject[] {
    const keys = [...this.samples.values()].filter((s) => namespace === undefined || s.namespace === namespace);
    keys.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
    return keys.map((s) => this.podMetrics(s.namespace, s.name)!);
  }

  /** metrics.k8s.io/v1beta1 NodeMetrics: its pods' usage plus the node's own; undefined before a sample. */
  nodeMetrics(name: string): KubeObject | undefined {
    if (this.sampledAt === undefined) return undefined;
    const nodes = new Set([...this.samples.values()].map((s) => s.nodeName));
    if (!nodes.has(name) && !this.nodeNames().includes(name)) return undefined;
    let cpu = NODE_OVERHEAD_CPU_MILLI;
    let memory = NODE_OVERHEAD_MEMORY_BYTES;
    for (const s of this.samples.values()) {
      if (s.nodeName !== name) continue;
      cpu += s.cpuMilli;
      memory += s.memoryBytes;
    }
    return {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      metadata: { name, creationTimestamp: rfc3339(this.ctx.clock.now()) },
      timestamp: rfc3339(this.sampledAt),
      window: '15s',
      usage: { cpu: formatCpu(cpu), memory: formatMemory(memory) },
    };
  }

  private nodeNames(): string[] {
    const names = new Set<string>();
    for (const p of this.pods.list()) if (p.spec?.nodeName) names.add(p.spec.nodeName);
    return [...names];
  }

  /** Takes one scrape now. Called by the 15 s timer; tests may call it directly. */
  sample(): void {
    const now = this.ctx.clock.now();
    const groups = this.loadGroups();
    const next = new Map<string, PodSample>();
    for (const pod of this.pods.list()) {
      if (pod.status?.phase !== 'Running' || !pod.spec?.nodeName) continue;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      const share = groups.get(key) ?? IDLE_FACTOR;
      const containers: ContainerUsage[] = [];
      let cpuSum = 0;
      let memSum = 0;
      for (const c of pod.spec.containers ?? []) {
        const r = c.resources;
        const cpuBase = quantityOf(r?.requests, 'cpu', true) ?? quantityOf(r?.limits, 'cpu', true) ?? FALLBACK_CPU_MILLI;
        const memBase = quantityOf(r?.requests, 'memory', false) ?? quantityOf(r?.limits, 'memory', false) ?? FALLBACK_MEMORY_BYTES;
        const cpuMilli = Math.round(cpuBase * 0.5 * share * this.jitter());
        const memoryBytes = Math.round(memBase * 0.5 * share * this.jitter());
        containers.push({ name: c.name, cpuMilli, memoryBytes });
        cpuSum += cpuMilli;
        memSum += memoryBytes;
      }
      next.set(key, { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', nodeName: pod.spec.nodeName, timestampMs: now, containers, cpuMilli: cpuSum, memoryBytes: memSum });
    }
    this.samples = next;
    this.sampledAt = now;
  }

  /** Each loaded pod's share: factor / ready pods of its group (a pod in two groups takes the larger). */
  private loadGroups(): Map<string, number> {
    const shares = new Map<string, number>();
    for (const [key, factor] of this.loads) {
      const selector = this.selectorFor(key);
      if (!selector) continue;
      const ns = key.slice(0, key.indexOf('/'));
      const members = this.pods.listIn(ns).filter((p) => p.status?.phase === 'Running' && selector.matches(p.metadata.labels ?? {}));
      const ready = members.filter(isReady).length;
      const share = factor / Math.max(1, ready);
      for (const p of members) {
        const pk = `${ns}/${p.metadata.name}`;
        shares.set(pk, Math.max(shares.get(pk) ?? 0, share));
      }
    }
    return shares;
  }

  private selectorFor(key: string) {
    const svc = this.services.get(key) as { spec?: { selector?: Record<string, string> } } | undefined;
    if (svc?.spec?.selector && Object.keys(svc.spec.selector).length > 0) return selectorFromSet(svc.spec.selector);
    const deploy = this.deployments.get(key) as { spec?: { selector?: LabelSelectorLike } } | undefined;
    if (deploy?.spec?.selector) return selectorFromLabelSelector(deploy.spec.selector);
    return undefined;
  }

  private jitter(): number {
    return 1 + (this.ctx.rng.next() * 2 - 1) * JITTER;
  }
}
