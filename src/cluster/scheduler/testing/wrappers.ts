/**
 * Test builders in the style of k/k pkg/scheduler/testing/wrappers.go:
 *   makePod().name('a').req({ cpu: '500m' }).obj()
 *   makeNode().name('n1').capacity({ cpu: '4', memory: '8Gi', pods: 110 }).obj()
 * Each call returns the same builder; obj() returns a fresh deep copy.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { ITaint } from 'kubernetes-models/v1/Taint';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import type { IPodAffinityTerm } from 'kubernetes-models/v1/PodAffinityTerm';
import type { INodeSelectorRequirement } from 'kubernetes-models/v1/NodeSelectorRequirement';
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';

type Quantities = Record<string, string | number>;

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export class PodWrapper {
  private readonly p: IPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: '', namespace: 'default', uid: '' },
    spec: { containers: [], schedulerName: 'default-scheduler' },
    status: { phase: 'Pending' },
  };

  name(n: string): this {
    this.p.metadata!.name = n;
    if (!this.p.metadata!.uid) this.p.metadata!.uid = `uid-${n}`;
    return this;
  }
  namespace(ns: string): this {
    this.p.metadata!.namespace = ns;
    return this;
  }
  uid(u: string): this {
    this.p.metadata!.uid = u;
    return this;
  }
  label(k: string, v: string): this {
    (this.p.metadata!.labels ??= {})[k] = v;
    return this;
  }
  labels(ls: Record<string, string>): this {
    for (const [k, v] of Object.entries(ls)) this.label(k, v);
    return this;
  }
  priority(n: number): this {
    this.p.spec!.priority = n;
    return this;
  }
  preemptionPolicy(p: 'Never' | 'PreemptLowerPriority'): this {
    this.p.spec!.preemptionPolicy = p;
    return this;
  }
  node(n: string): this {
    this.p.spec!.nodeName = n;
    return this;
  }
  nominatedNode(n: string): this {
    this.p.status!.nominatedNodeName = n;
    return this;
  }
  startTime(t: string): this {
    this.p.status!.startTime = t;
    return this;
  }
  terminating(t = '2026-01-01T00:00:00Z'): this {
    this.p.metadata!.deletionTimestamp = t;
    return this;
  }
  condition(type: string, status: string, reason?: string): this {
    (this.p.status!.conditions ??= []).push({ type, status, reason });
    return this;
  }
  /** Adds a container with these requests (and image). */
  req(requests: Quantities, image = 'registry.k8s.io/pause:3.10'): this {
    const c: IContainer = { name: `c${this.p.spec!.containers.length}`, image, resources: { requests: { ...requests } } };
    this.p.spec!.containers.push(c);
    return this;
  }
  container(c: IContainer): this {
    this.p.spec!.containers.push(c);
    return this;
  }
  initReq(requests: Quantities, sidecar = false): this {
    const list = (this.p.spec!.initContainers ??= []);
    list.push({ name: `init${list.length}`, image: 'busybox', resources: { requests: { ...requests } }, ...(sidecar ? { restartPolicy: 'Always' } : {}) });
    return this;
  }
  overhead(o: Quantities): this {
    this.p.spec!.overhead = { ...o };
    return this;
  }
  hostPort(port: number, protocol: 'TCP' | 'UDP' | 'SCTP' = 'TCP', hostIP?: string): this {
    this.p.spec!.containers.push({ name: `p${port}`, image: 'nginx', ports: [{ containerPort: port, hostPort: port, protocol, hostIP }] });
    return this;
  }
  toleration(t: IToleration): this {
    (this.p.spec!.tolerations ??= []).push(t);
    return this;
  }
  nodeSelector(s: Record<string, string>): this {
    this.p.spec!.nodeSelector = { ...s };
    return this;
  }
  /** Adds one required node affinity term (ORed with earlier ones). */
  nodeAffinityIn(key: string, values: string[], op: INodeSelectorRequirement['operator'] = 'In'): this {
    return this.nodeAffinityTerm({ matchExpressions: [{ key, operator: op, values }] });
  }
  nodeAffinityTerm(term: { matchExpressions?: INodeSelectorRequirement[]; matchFields?: INodeSelectorRequirement[] }): this {
    const na = ((this.p.spec!.affinity ??= {}).nodeAffinity ??= {});
    (na.requiredDuringSchedulingIgnoredDuringExecution ??= { nodeSelectorTerms: [] }).nodeSelectorTerms.push(term);
    return this;
  }
  preferredNodeAffinity(weight: number, key: string, values: string[]): this {
    const na = ((this.p.spec!.affinity ??= {}).nodeAffinity ??= {});
    (na.preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight, preference: { matchExpressions: [{ key, operator: 'In', values }] } });
    return this;
  }
  podAffinity(topologyKey: string, selector: ILabelSelector, extra: Partial<IPodAffinityTerm> = {}): this {
    const pa = ((this.p.spec!.affinity ??= {}).podAffinity ??= {});
    (pa.requiredDuringSchedulingIgnoredDuringExecution ??= []).push({ topologyKey, labelSelector: selector, ...extra });
    return this;
  }
  podAntiAffinity(topologyKey: string, selector: ILabelSelector, extra: Partial<IPodAffinityTerm> = {}): this {
    const pa = ((this.p.spec!.affinity ??= {}).podAntiAffinity ??= {});
    (pa.requiredDuringSchedulingIgnoredDuringExecution ??= []).push({ topologyKey, labelSelector: selector, ...extra });
    return this;
  }
  preferredPodAffinity(weight: number, topologyKey: string, selector: ILabelSelector): this {
    const pa = ((this.p.spec!.affinity ??= {}).podAffinity ??= {});
    (pa.preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight, podAffinityTerm: { topologyKey, labelSelector: selector } });
    return this;
  }
  preferredPodAntiAffinity(weight: number, topologyKey: string, selector: ILabelSelector): this {
    const pa = ((this.p.spec!.affinity ??= {}).podAntiAffinity ??= {});
    (pa.preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight, podAffinityTerm: { topologyKey, labelSelector: selector } });
    return this;
  }
  spread(c: Omit<ITopologySpreadConstraint, 'whenUnsatisfiable'> & { whenUnsatisfiable?: ITopologySpreadConstraint['whenUnsatisfiable'] }): this {
    (this.p.spec!.topologySpreadConstraints ??= []).push({ whenUnsatisfiable: 'DoNotSchedule', ...c });
    return this;
  }
  schedulingGates(...gates: string[]): this {
    this.p.spec!.schedulingGates = gates.map((name) => ({ name }));
    return this;
  }
  pvc(claimName: string): this {
    (this.p.spec!.volumes ??= []).push({ name: `vol-${claimName}`, persistentVolumeClaim: { claimName } });
    return this;
  }
  schedulerName(n: string): this {
    this.p.spec!.schedulerName = n;
    return this;
  }
  obj(): IPod {
    return clone(this.p);
  }
}

export class NodeWrapper {
  private readonly n: INode = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: '', labels: {} },
    spec: {},
    status: { capacity: {}, allocatable: {} },
  };

  name(n: string): this {
    this.n.metadata!.name = n;
    this.n.metadata!.labels!['kubernetes.io/hostname'] = n;
    return this;
  }
  label(k: string, v: string): this {
    this.n.metadata!.labels![k] = v;
    return this;
  }
  zone(z: string): this {
    return this.label('topology.kubernetes.io/zone', z);
  }
  /** Sets capacity and allocatable alike. */
  capacity(c: Quantities): this {
    this.n.status!.capacity = { ...c };
    this.n.status!.allocatable = { ...c };
    return this;
  }
  taint(t: ITaint): this {
    (this.n.spec!.taints ??= []).push(t);
    return this;
  }
  unschedulable(u = true): this {
    this.n.spec!.unschedulable = u;
    return this;
  }
  image(names: string[], sizeBytes: number): this {
    (this.n.status!.images ??= []).push({ names, sizeBytes });
    return this;
  }
  obj(): INode {
    return clone(this.n);
  }
}

export const makePod = (): PodWrapper => new PodWrapper();
export const makeNode = (): NodeWrapper => new NodeWrapper();

/** A typical worker node: 4 cpu, 8Gi, 110 pods. */
export function worker(name: string, cpu: string | number = '4', memory = '8Gi', pods = 110): INode {
  return makeNode().name(name).capacity({ cpu, memory, pods }).obj();
}
