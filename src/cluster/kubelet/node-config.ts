/**
 * The shape of one machine and the Node object its kubelet registers, as a kubeadm 1.32 node on
 * containerd reports itself: the standard labels, capacity and allocatable, nodeInfo, addresses,
 * podCIDR and the kubelet endpoint.
 *
 * Pure: `nodeObject` depends only on its arguments, so the same config gives the same Node.
 */
import { parseQuantity, Quantity } from '../api/quantity.ts';
import type { KubeObject } from '../api/types.ts';
import { healthyConditions } from './node-conditions.ts';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
  timeAdded?: string;
}

export interface NodeConfig {
  name: string;
  /** CPU capacity as a quantity string ('4', '3500m'). */
  cpu: string;
  /** Memory capacity as a quantity string ('8Gi'). */
  memory: string;
  /** maxPods (110 by default in the kubelet). */
  pods: number;
  /** Node filesystem size ('100Gi' when unset). */
  ephemeralStorage?: string;
  /** Labels added to (and overriding) the standard ones. */
  labels?: Record<string, string>;
  /** Taints registered with the node (--register-with-taints). */
  taints?: Taint[];
  /** Sets topology.kubernetes.io/zone. */
  zone?: string;
  role?: 'control-plane' | 'worker';
  /** The node's pod range; `10.244.<n>.0/24` from its index when unset. */
  podCIDR?: string;
  /** Index used for the default podCIDR and InternalIP (control plane 0, worker-N N). */
  index?: number;
}

export const KUBELET_VERSION = 'v1.32.0';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.24';
export const OS_IMAGE = 'Ubuntu 24.04.1 LTS';
export const KERNEL_VERSION = '6.8.0-51-generic';
export const KUBELET_PORT = 10250;
export const DEFAULT_EPHEMERAL_STORAGE = '100Gi';
/** Hard eviction threshold memory.available (kubelet default). */
export const EVICTION_MEMORY = '100Mi';

export const CONTROL_PLANE_TAINT: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

/** The kubeadm control-plane node `control-plane`: 4 CPU, 8Gi, its role labels and NoSchedule taint. */
export function controlPlaneNode(opts: Partial<NodeConfig> = {}): NodeConfig {
  return {
    name: 'control-plane',
    cpu: '4',
    memory: '8Gi',
    pods: 110,
    role: 'control-plane',
    index: 0,
    ...opts,
    labels: { 'node.kubernetes.io/exclude-from-external-load-balancers': '', ...(opts.labels ?? {}) },
    taints: opts.taints ?? [{ ...CONTROL_PLANE_TAINT }],
  };
}

/** A worker: 4 CPU, 8Gi, 110 pods unless told otherwise; index from a trailing number in the name. */
export function workerNode(name: string, opts: Partial<Omit<NodeConfig, 'name'>> = {}): NodeConfig {
  const m = /(\d+)$/.exec(name);
  return { name, cpu: '4', memory: '8Gi', pods: 110, role: 'worker', ...(m ? { index: Number(m[1]) } : {}), ...opts };
}

/** `10.244.<index>.0/24`, the kubeadm/flannel default range split per node. */
export function podCIDRFor(config: NodeConfig): string {
  return config.podCIDR ?? `10.244.${nodeIndex(config) % 256}.0/24`;
}

/** 172.18.0.<index + 2>: the docker network kind nodes sit on, deterministic per node. */
export function internalIPFor(config: NodeConfig): string {
  const n = nodeIndex(config) + 2;
  if (n < 255) return `172.18.0.${n}`;
  const m = n - 255;
  return `172.18.${1 + Math.floor(m / 254)}.${(m % 254) + 1}`;
}

function nodeIndex(config: NodeConfig): number {
  if (config.index !== undefined) return config.index;
  // A stable index from the name, so nodes without numbers still get distinct addresses.
  let h = 0;
  for (let i = 0; i < config.name.length; i++) h = (Math.imul(h, 31) + config.name.charCodeAt(i)) >>> 0;
  return 100 + (h % 150);
}

/** The standard labels the kubelet sets, then the config's own. */
export function nodeLabels(config: NodeConfig): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': config.name,
    'kubernetes.io/os': 'linux',
  };
  if (config.role === 'control-plane') labels['node-role.kubernetes.io/control-plane'] = '';
  if (config.zone) labels['topology.kubernetes.io/zone'] = config.zone;
  return { ...labels, ...(config.labels ?? {}) };
}

/** Capacity as the kubelet reports it from cAdvisor. */
export function nodeCapacity(config: NodeConfig): Record<string, string> {
  return {
    cpu: parseQuantity(config.cpu).toString(),
    'ephemeral-storage': parseQuantity(config.ephemeralStorage ?? DEFAULT_EPHEMERAL_STORAGE).toString(),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: parseQuantity(config.memory).toString(),
    pods: String(config.pods),
  };
}

/** Allocatable: capacity minus the hard eviction thresholds (memory.available 100Mi, nodefs.available 10%). */
export function nodeAllocatable(config: NodeConfig): Record<string, string> {
  const cap = nodeCapacity(config);
  const memory = parseQuantity(config.memory).sub(parseQuantity(EVICTION_MEMORY));
  // nodefs.available 10%: subtracted from capacity, which keeps capacity's format (as Quantity.Sub does).
  const storage = parseQuantity(config.ephemeralStorage ?? DEFAULT_EPHEMERAL_STORAGE);
  const storageAlloc = storage.sub(Quantity.of(storage.valueBig() / 10n));
  return { ...cap, memory: nonNegative(memory).toString(), 'ephemeral-storage': storageAlloc.toString() };
}

function nonNegative(q: Quantity): Quantity {
  return q.sign() < 0 ? Quantity.zero('BinarySI') : q;
}

export interface NodeIdentity {
  machineID: string;
  systemUUID: string;
  bootID: string;
}

/**
 * The Node the kubelet registers at `nowMs`: metadata, spec (podCIDR, taints) and the static part of
 * status (capacity, allocatable, addresses, nodeInfo, daemonEndpoints) with healthy conditions stamped
 * `nowMs`. Images are the kubelet's to add. `identity` ids default to ones derived from the name.
 */
export function nodeObject(config: NodeConfig, nowMs: number, identity?: NodeIdentity): KubeObject {
  const cidr = podCIDRFor(config);
  const id = identity ?? { machineID: fakeHex(config.name, 32), systemUUID: fakeUuid(config.name), bootID: fakeUuid(`${config.name}/boot`) };
  const taints = (config.taints ?? []).map((t) => ({ ...t }));
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: config.name,
      labels: nodeLabels(config),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr], ...(taints.length > 0 ? { taints } : {}) },
    status: {
      addresses: [
        { address: internalIPFor(config), type: 'InternalIP' },
        { address: config.name, type: 'Hostname' },
      ],
      allocatable: nodeAllocatable(config),
      capacity: nodeCapacity(config),
      conditions: healthyConditions(nowMs),
      daemonEndpoints: { kubeletEndpoint: { Port: KUBELET_PORT } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: id.bootID,
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION,
        machineID: id.machineID,
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: id.systemUUID,
      },
    },
  };
}

/** A deterministic hex string of `len` characters derived from `seed` (FNV-1a, re-mixed per word). */
export function fakeHex(seed: string, len: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  while (out.length < len) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, len);
}

function fakeUuid(seed: string): string {
  const s = fakeHex(seed, 32);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
