/**
 * Turning informer changes into the scheduler's cluster events (eventhandlers.go
 * nodeSchedulingPropertiesChange and friends), so the caller can feed
 * SchedulingQueue.moveAllToActiveOrBackoffQueue without knowing the details.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ClusterEvent } from './events.ts';
import { computePodResourceRequests } from './pod-requests.ts';
import { jsonEqual } from '../../api/object-meta.ts';

// Every node heartbeat (10 s per node) passes through here: a structural compare, not two stringifies.
const same = (a: unknown, b: unknown): boolean => jsonEqual(a ?? null, b ?? null);

/** The node update events a change amounts to (none when nothing the scheduler reads changed). */
export function nodeUpdateEvents(oldNode: INode, newNode: INode): ClusterEvent[] {
  const out: ClusterEvent[] = [];
  if (oldNode.spec?.unschedulable !== newNode.spec?.unschedulable || !same(oldNode.spec?.taints, newNode.spec?.taints)) {
    out.push({ resource: 'Node', action: 'UpdateNodeTaint', label: 'NodeTaintChange' });
  }
  if (!same(oldNode.metadata?.labels, newNode.metadata?.labels)) out.push({ resource: 'Node', action: 'UpdateNodeLabel', label: 'NodeLabelChange' });
  if (!same(oldNode.status?.allocatable, newNode.status?.allocatable)) {
    out.push({ resource: 'Node', action: 'UpdateNodeAllocatable', label: 'NodeAllocatableChange' });
  }
  const conds = (n: INode) => (n.status?.conditions ?? []).map((c) => [c.type, c.status]);
  if (!same(conds(oldNode), conds(newNode))) out.push({ resource: 'Node', action: 'UpdateNodeCondition', label: 'NodeConditionChange' });
  return out;
}

export const NODE_ADD: ClusterEvent = { resource: 'Node', action: 'Add', label: 'NodeAdd' };
export const NODE_DELETE: ClusterEvent = { resource: 'Node', action: 'Delete', label: 'NodeDelete' };
export const ASSIGNED_POD_ADD: ClusterEvent = { resource: 'AssignedPod', action: 'Add', label: 'AssignedPodAdd' };
export const ASSIGNED_POD_DELETE: ClusterEvent = { resource: 'AssignedPod', action: 'Delete', label: 'AssignedPodDelete' };

/** Events for an assigned pod's update: label changes and resource scale-downs matter. */
export function assignedPodUpdateEvents(oldPod: IPod, newPod: IPod): ClusterEvent[] {
  const out: ClusterEvent[] = [];
  if (!same(oldPod.metadata?.labels, newPod.metadata?.labels)) out.push({ resource: 'AssignedPod', action: 'UpdatePodLabel', label: 'AssignedPodUpdate' });
  const a = computePodResourceRequests(oldPod).requests;
  const b = computePodResourceRequests(newPod).requests;
  if (b.milliCPU < a.milliCPU || b.memory < a.memory) out.push({ resource: 'AssignedPod', action: 'UpdatePodScaleDown', label: 'AssignedPodUpdate' });
  // A pod starting to terminate frees nothing yet, but spreading stops counting it.
  if (!oldPod.metadata?.deletionTimestamp && newPod.metadata?.deletionTimestamp) {
    out.push({ resource: 'AssignedPod', action: 'UpdatePodLabel', label: 'AssignedPodUpdate' });
  }
  return out;
}
