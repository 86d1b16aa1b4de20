/**
 * How the node controller judges a node's health from what its kubelet posts (k/k
 * pkg/controller/nodelifecycle tryUpdateNodeHealth).
 *
 * Worked example (grace 50 s, monitor every 5 s): a kubelet renews its Lease at t=0 and dies. The pass
 * at t=0 notes the renewal (probe = 0). Passes at 5..50 s see nothing new; at t=55 s, 55 > 0 + 50, so
 * Ready, MemoryPressure, DiskPressure and PIDPressure become Unknown / `NodeStatusUnknown`.
 *
 * The probe time is when the controller *saw* a new heartbeat (a newer Lease renewTime or a new Ready
 * lastHeartbeatTime), never the kubelet's own clock, as upstream does to survive clock skew.
 */
import type { KubeObject } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { parseTime } from '../../sim/clock.ts';
import type { NodeCondition } from './node-types.ts';
import { nodeCondition } from './node-types.ts';

/** What the controller remembers about a node between passes (nodeHealthData). */
export interface NodeHealth {
  /** When a heartbeat was last observed (virtual ms). */
  probeTimestamp: number;
  /** When the Ready condition was last seen to change. */
  readyTransitionTimestamp: number;
  /** The Ready condition as last observed (a copy). */
  savedReady: NodeCondition | undefined;
  /** The Lease renewTime last observed (ms; NaN when none). */
  leaseRenewMs: number;
  /** The same as written (skips re-parsing an unchanged Lease every pass). */
  leaseRenewTime?: string;
}

export interface HealthTiming {
  gracePeriodMs: number;
  startupGracePeriodMs: number;
}

export interface HealthVerdict {
  /** The Ready condition as observed at the start of the pass (synthesised Unknown if never posted). */
  observedReady: NodeCondition;
  /** The Ready condition after this pass (undefined when the node never posted one and is in grace). */
  currentReady: NodeCondition | undefined;
  /** The node with its conditions set to Unknown, when a status update is due. */
  statusUpdate?: KubeObject;
  health: NodeHealth;
}

const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/**
 * Decides one node's health at `nowMs`. Pure: returns the new memory and, when the grace period has
 * run out, the node to write through nodes/status; never mutates its inputs.
 */
export function assessNodeHealth(
  node: KubeObject,
  lease: KubeObject | undefined,
  saved: NodeHealth | undefined,
  nowMs: number,
  nowRfc3339: string,
  timing: HealthTiming,
): HealthVerdict {
  const created = node.metadata.creationTimestamp ?? nowRfc3339;
  const current = nodeCondition(node, 'Ready');
  let observedReady: NodeCondition;
  let gracePeriodMs: number;
  // Never mutated: every change below makes a new object, so the saved one can be shared.
  let health: NodeHealth | undefined = saved;
  if (!current) {
    observedReady = {
      type: 'Ready',
      status: 'Unknown',
      lastHeartbeatTime: created,
      lastTransitionTime: created,
    };
    gracePeriodMs = timing.startupGracePeriodMs;
    health = health
      ? { ...health, savedReady: undefined }
      : {
          probeTimestamp: parseTime(created),
          readyTransitionTimestamp: parseTime(created),
          savedReady: undefined,
          leaseRenewMs: NaN,
        };
  } else {
    observedReady = current;
    gracePeriodMs = timing.gracePeriodMs;
  }
  const savedReady = saved?.savedReady;
  if (!health) {
    health = {
      probeTimestamp: nowMs,
      readyTransitionTimestamp: nowMs,
      savedReady: current && { ...current },
      leaseRenewMs: NaN,
    };
  } else if (!savedReady && current) {
    health = {
      probeTimestamp: nowMs,
      readyTransitionTimestamp: nowMs,
      savedReady: { ...current },
      leaseRenewMs: health.leaseRenewMs,
      ...(health.leaseRenewTime !== undefined ? { leaseRenewTime: health.leaseRenewTime } : {}),
    };
  } else if (savedReady && current && savedReady.lastHeartbeatTime !== current.lastHeartbeatTime) {
    const transition =
      savedReady.lastTransitionTime !== current.lastTransitionTime ? nowMs : health.readyTransitionTimestamp;
    health = {
      probeTimestamp: nowMs,
      readyTransitionTimestamp: transition,
      savedReady: { ...current },
      leaseRenewMs: health.leaseRenewMs,
      ...(health.leaseRenewTime !== undefined ? { leaseRenewTime: health.leaseRenewTime } : {}),
    };
  }
  // A renewed Lease is a heartbeat too: a kubelet that only renews its Lease is healthy.
  const renewTime = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
  if (renewTime && renewTime !== health.leaseRenewTime) {
    const renew = parseTime(renewTime);
    if (!Number.isNaN(renew) && (Number.isNaN(health.leaseRenewMs) || health.leaseRenewMs < renew)) {
      health = { ...health, leaseRenewMs: renew, leaseRenewTime: renewTime, probeTimestamp: nowMs };
    }
  }

  if (nowMs <= health.probeTimestamp + gracePeriodMs) return { observedReady, currentReady: current, health };

  const next = clone(node);
  const status = (next.status ?? {}) as { conditions?: NodeCondition[] };
  const conditions = status.conditions ?? [];
  for (const type of MONITORED_CONDITIONS) {
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      conditions.push({
        type,
        status: 'Unknown',
        lastHeartbeatTime: created,
        lastTransitionTime: nowRfc3339,
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
      });
    } else if (c.status !== 'Unknown') {
      c.status = 'Unknown';
      c.reason = 'NodeStatusUnknown';
      c.message = 'Kubelet stopped posting node status.';
      c.lastTransitionTime = nowRfc3339;
    }
  }
  status.conditions = conditions;
  next.status = status;
  const newReady = conditions.find((x) => x.type === 'Ready')!;
  if (sameCondition(newReady, observedReady)) return { observedReady, currentReady: newReady, health };
  return {
    observedReady,
    currentReady: newReady,
    statusUpdate: next,
    health: { ...health, savedReady: { ...newReady }, readyTransitionTimestamp: nowMs },
  };
}

function sameCondition(a: NodeCondition, b: NodeCondition): boolean {
  return (
    a.status === b.status &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.lastHeartbeatTime === b.lastHeartbeatTime &&
    a.lastTransitionTime === b.lastTransitionTime
  );
}
