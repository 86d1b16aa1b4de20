/**
 * What `kubectl get nodes` prints for a node — STATUS and ROLES — and the figures a node card shows:
 * allocatable resources and, for a node that stopped reporting, when its pods will be evicted.
 */
import type { KubeObject } from '../../cluster/api/types.ts';
import { parseQuantity } from '../format/quantity.ts';

interface NodeShape {
  spec?: { unschedulable?: boolean; taints?: Taint[] };
  status?: {
    conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; lastHeartbeatTime?: string }[];
    allocatable?: Record<string, string>;
    capacity?: Record<string, string>;
  };
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

/** `Ready` or `NotReady` (a node whose Ready condition is False or Unknown, or missing). */
export function nodeReadiness(node: KubeObject): 'Ready' | 'NotReady' {
  const ready = ((node as NodeShape).status?.conditions ?? []).find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? 'Ready' : 'NotReady';
}

/** kubectl's STATUS column: `Ready`, `NotReady`, `Ready,SchedulingDisabled`. */
export function nodeStatusText(node: KubeObject): string {
  const base = nodeReadiness(node);
  return (node as NodeShape).spec?.unschedulable ? `${base},SchedulingDisabled` : base;
}

export function isCordoned(node: KubeObject): boolean {
  return (node as NodeShape).spec?.unschedulable === true;
}

/** kubectl's ROLES: every `node-role.kubernetes.io/<role>` label (and `kubernetes.io/role`), sorted, else `<none>`. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

export function isControlPlane(node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  return 'node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels;
}

export function nodeTaints(node: KubeObject): Taint[] {
  return (node as NodeShape).spec?.taints ?? [];
}

/** `key=value:Effect`, as kubectl describe prints a taint. */
export function taintText(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** Allocatable cpu (cores), memory (bytes) and pods. */
export function nodeAllocatable(node: KubeObject): { cpu: number; memory: number; pods: number } {
  const a = (node as NodeShape).status?.allocatable ?? (node as NodeShape).status?.capacity ?? {};
  return { cpu: parseQuantity(a.cpu ?? '0'), memory: parseQuantity(a.memory ?? '0'), pods: parseQuantity(a.pods ?? '0') };
}

/** The pods' default toleration of not-ready/unreachable NoExecute taints (DefaultTolerationSeconds). */
export const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * When a NotReady node's pods will be evicted (ms), from the NoExecute taint's timeAdded (else the Ready
 * condition's transition) plus the default 300 s toleration; undefined while the node is Ready.
 */
export function evictionAt(node: KubeObject): number | undefined {
  if (nodeReadiness(node) === 'Ready') return undefined;
  const taint = nodeTaints(node).find((t) => t.effect === 'NoExecute' && (t.key === 'node.kubernetes.io/unreachable' || t.key === 'node.kubernetes.io/not-ready'));
  const since = taint?.timeAdded ?? ((node as NodeShape).status?.conditions ?? []).find((c) => c.type === 'Ready')?.lastTransitionTime;
  if (!since) return undefined;
  const ms = Date.parse(since);
  return Number.isNaN(ms) ? undefined : ms + DEFAULT_TOLERATION_SECONDS * 1000;
}

/** The Ready condition's reason and message, for the NotReady banner. */
export function readyCondition(node: KubeObject): { status: string; reason?: string; message?: string } | undefined {
  return ((node as NodeShape).status?.conditions ?? []).find((c) => c.type === 'Ready');
}
