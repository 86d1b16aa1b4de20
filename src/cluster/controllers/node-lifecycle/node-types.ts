/**
 * The slices of core/v1 Node, Pod and coordination/v1 Lease the node lifecycle and taint eviction
 * controllers read, typed as plain JSON (field names exactly as the API's).
 */
import type { KubeObject } from '../../api/types.ts';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect | string;
  /** RFC 3339; set on NoExecute taints (and on every taint the node controller adds). */
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  lastHeartbeatTime?: string | null;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

export interface PodCondition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

export function nodeTaints(node: KubeObject): readonly Taint[] {
  return ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as readonly Taint[];
}

export function nodeConditions(node: KubeObject): readonly NodeCondition[] {
  return ((node.status as { conditions?: NodeCondition[] } | undefined)?.conditions ??
    []) as readonly NodeCondition[];
}

export function nodeCondition(node: KubeObject, type: string): NodeCondition | undefined {
  return nodeConditions(node).find((c) => c.type === type);
}

export function podNodeName(pod: KubeObject): string {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
}

export function podTolerations(pod: KubeObject): readonly Toleration[] {
  return ((pod.spec as { tolerations?: Toleration[] } | undefined)?.tolerations ??
    []) as readonly Toleration[];
}

export function podConditions(pod: KubeObject): readonly PodCondition[] {
  return ((pod.status as { conditions?: PodCondition[] } | undefined)?.conditions ??
    []) as readonly PodCondition[];
}
