/**
 * The node conditions a healthy kubelet posts (k/k pkg/kubelet/nodestatus/setters.go: MemoryPressure,
 * DiskPressure, PIDPressure, ReadyCondition), and which node events a change of them records.
 */
import { rfc3339 } from '../sim/clock.ts';

export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastHeartbeatTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

interface ConditionSpec {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  /** The node event recorded when the condition moves to this status. */
  event: string;
}

/** The healthy state, in the order the kubelet lists them. */
export const HEALTHY: readonly ConditionSpec[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
];


/** The four healthy conditions, all transitioned and heard from at `nowMs`. */
export function healthyConditions(nowMs: number): NodeCondition[] {
  const t = rfc3339(nowMs);
  return HEALTHY.map((c) => ({ type: c.type, status: c.status, lastHeartbeatTime: t, lastTransitionTime: t, reason: c.reason, message: c.message }));
}

/**
 * The conditions to post at `nowMs` given what the Node shows now: heartbeats move, transition times
 * stay unless the status changes (the node lifecycle controller may have set Unknown meanwhile).
 * Conditions of other types are kept. Returns the events to record (reason per changed condition).
 */
export function postConditions(previous: readonly NodeCondition[] | undefined, nowMs: number): { conditions: NodeCondition[]; events: string[] } {
  const t = rfc3339(nowMs);
  const prev = new Map((previous ?? []).map((c) => [c.type, c]));
  const events: string[] = [];
  const conditions: NodeCondition[] = HEALTHY.map((c) => {
    const old = prev.get(c.type);
    const changed = !old || old.status !== c.status;
    if (changed) events.push(c.event);
    return { type: c.type, status: c.status, lastHeartbeatTime: t, lastTransitionTime: changed ? t : old.lastTransitionTime, reason: c.reason, message: c.message };
  });
  for (const c of previous ?? []) if (!HEALTHY.some((h) => h.type === c.type)) conditions.push({ ...c });
  return { conditions, events };
}
