/**
 * NodeInfo: one node and what is already on it (framework.NodeInfo), kept incrementally: adding or
 * removing a pod updates the requested totals, host ports and affinity indexes in O(1) (plus the
 * removal's scan of the pod list), so a cycle never re-sums a node. `generation` changes on every
 * mutation; the cache and snapshot rely on it to copy only what changed.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { ITaint } from 'kubernetes-models/v1/Taint';
import type { PodInfo, HostPort } from './pod-info.ts';
import { addList, addResource, cloneResource, emptyResource, type Resource, type ResourceList } from './resource.ts';

let generationCounter = 0;

/** A process-wide, ever-increasing generation number. */
export function nextGeneration(): number {
  return ++generationCounter;
}

export class NodeInfo {
  node: INode | null = null;
  name = '';
  labels: Readonly<Record<string, string>> = {};
  taints: readonly ITaint[] = [];
  unschedulable = false;
  allocatable: Resource = emptyResource();
  /** Sum of the pods' real requests. */
  requested: Resource = emptyResource();
  /** Sum of the pods' non-zero cpu/memory requests (scoring only). */
  nonZeroRequested: Resource = emptyResource();
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** `ip|protocol|port` -> pods using it. */
  usedPorts: Map<string, number> = new Map();
  /** `protocol|port` -> pods using it on any ip (for 0.0.0.0 checks). */
  usedPortsAnyIP: Map<string, number> = new Map();
  /** Image name (every alias in node.status.images) -> size in bytes. */
  imageSizes: ReadonlyMap<string, number> = new Map();
  generation = nextGeneration();

  constructor(node?: INode) {
    if (node) this.setNode(node);
  }

  /** Replaces the node object (labels, taints, allocatable, images); pods stay. */
  setNode(node: INode): void {
    this.node = node;
    this.name = node.metadata?.name ?? '';
    this.labels = node.metadata?.labels ?? {};
    this.taints = node.spec?.taints ?? [];
    this.unschedulable = node.spec?.unschedulable === true;
    const alloc = emptyResource();
    addList(alloc, node.status?.allocatable as ResourceList);
    this.allocatable = alloc;
    const images = new Map<string, number>();
    for (const img of node.status?.images ?? []) {
      for (const n of img.names ?? []) images.set(n, img.sizeBytes ?? 0);
    }
    this.imageSizes = images;
    this.generation = nextGeneration();
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (pi.hasAffinity) this.podsWithAffinity.push(pi);
    if (pi.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.push(pi);
    this.account(pi, 1);
  }

  /** Removes the pod with this uid; returns false when it is not on this node. */
  removePod(uid: string): boolean {
    const i = this.pods.findIndex((p) => p.uid === uid);
    if (i < 0) return false;
    const pi = this.pods[i]!;
    // Order of pods does not matter to any plugin; swap-remove keeps removal O(1) after the scan.
    this.pods[i] = this.pods[this.pods.length - 1]!;
    this.pods.pop();
    if (pi.hasAffinity) removeByUid(this.podsWithAffinity, uid);
    if (pi.hasRequiredAntiAffinity) removeByUid(this.podsWithRequiredAntiAffinity, uid);
    this.account(pi, -1);
    return true;
  }

  /** Whether a host port is taken (HostPortInfo.CheckConflict): 0.0.0.0 conflicts with every ip. */
  portConflict(p: HostPort): boolean {
    if (p.port <= 0) return false;
    if (p.ip === '0.0.0.0') return (this.usedPortsAnyIP.get(`${p.protocol}|${p.port}`) ?? 0) > 0;
    return (
      (this.usedPorts.get(`0.0.0.0|${p.protocol}|${p.port}`) ?? 0) > 0 ||
      (this.usedPorts.get(`${p.ip}|${p.protocol}|${p.port}`) ?? 0) > 0
    );
  }

  /**
   * A copy that can be mutated (preemption dry runs, nominated pods) without touching this one. Pod
   * lists and counters are copied; PodInfos, the node object and image sizes are shared (immutable).
   */
  clone(): NodeInfo {
    const c = new NodeInfo();
    c.node = this.node;
    c.name = this.name;
    c.labels = this.labels;
    c.taints = this.taints;
    c.unschedulable = this.unschedulable;
    c.allocatable = this.allocatable;
    c.requested = cloneResource(this.requested);
    c.nonZeroRequested = cloneResource(this.nonZeroRequested);
    c.pods = this.pods.slice();
    c.podsWithAffinity = this.podsWithAffinity.slice();
    c.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.slice();
    c.usedPorts = new Map(this.usedPorts);
    c.usedPortsAnyIP = new Map(this.usedPortsAnyIP);
    c.imageSizes = this.imageSizes;
    c.generation = this.generation;
    return c;
  }

  private account(pi: PodInfo, sign: 1 | -1): void {
    addResource(this.requested, pi.resources.requests, sign);
    this.nonZeroRequested.milliCPU += sign * pi.resources.nonZeroCPU;
    this.nonZeroRequested.memory += sign * pi.resources.nonZeroMem;
    for (const p of pi.hostPorts) {
      bump(this.usedPorts, `${p.ip}|${p.protocol}|${p.port}`, sign);
      bump(this.usedPortsAnyIP, `${p.protocol}|${p.port}`, sign);
    }
    this.generation = nextGeneration();
  }
}

function bump(m: Map<string, number>, k: string, d: number): void {
  const v = (m.get(k) ?? 0) + d;
  if (v <= 0) m.delete(k);
  else m.set(k, v);
}

function removeByUid(list: PodInfo[], uid: string): void {
  const i = list.findIndex((p) => p.uid === uid);
  if (i >= 0) list.splice(i, 1);
}
