import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { rfc3339 } from '../../sim/clock.ts';
import { assessNodeHealth, type NodeHealth } from './node-health.ts';

const T0 = Date.UTC(2026, 0, 1);
const s = (sec: number) => T0 + sec * 1000;
const timing = { gracePeriodMs: 50_000, startupGracePeriodMs: 60_000 };

function node(ready?: { status: string; heartbeat: number }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n', creationTimestamp: rfc3339(T0) },
    status: ready
      ? {
          conditions: [
            {
              type: 'MemoryPressure',
              status: 'False',
              reason: 'KubeletHasSufficientMemory',
              lastHeartbeatTime: rfc3339(s(ready.heartbeat)),
              lastTransitionTime: rfc3339(T0),
            },
            {
              type: 'Ready',
              status: ready.status,
              reason: 'KubeletReady',
              lastHeartbeatTime: rfc3339(s(ready.heartbeat)),
              lastTransitionTime: rfc3339(T0),
            },
          ],
        }
      : {},
  };
}

const lease = (renew: number): KubeObject => ({
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'n', namespace: 'kube-node-lease' },
  spec: { renewTime: new Date(s(renew)).toISOString() },
});

/** Runs passes every 5 s from `from` to `to`, with the lease renewed at the given seconds. */
function run(
  n: KubeObject,
  renewals: number[],
  from: number,
  to: number,
): { at: number; verdictReady?: string }[] {
  let health: NodeHealth | undefined;
  const updates: { at: number; verdictReady?: string }[] = [];
  for (let t = from; t <= to; t += 5) {
    const renewed = renewals.filter((r) => r <= t);
    const l = renewed.length ? lease(renewed[renewed.length - 1]!) : undefined;
    const v = assessNodeHealth(n, l, health, s(t), rfc3339(s(t)), timing);
    health = v.health;
    if (v.statusUpdate) {
      updates.push({ at: t, verdictReady: v.currentReady?.status });
      n = v.statusUpdate;
    }
  }
  return updates;
}

describe('assessNodeHealth', () => {
  it('marks Unknown once the grace period after the last observed lease renewal has passed', () => {
    expect(run(node({ status: 'True', heartbeat: 0 }), [0, 10, 20], 0, 120)).toEqual([
      { at: 75, verdictReady: 'Unknown' },
    ]);
  });

  it('leaves a node alone while its lease keeps being renewed, however old its status', () => {
    const renewals = Array.from({ length: 30 }, (_, i) => i * 10);
    expect(run(node({ status: 'True', heartbeat: 0 }), renewals, 0, 290)).toEqual([]);
  });

  it('gives a node without a Ready condition the startup grace from its creation', () => {
    expect(run(node(), [], 0, 120)).toEqual([{ at: 65, verdictReady: 'Unknown' }]);
  });

  it('sets every monitored condition to Unknown, and adds the missing ones as never updated', () => {
    const n = node({ status: 'True', heartbeat: 0 });
    const first = assessNodeHealth(n, undefined, undefined, s(0), rfc3339(s(0)), timing);
    const v = assessNodeHealth(n, undefined, first.health, s(51), rfc3339(s(51)), timing);
    const conds = (
      v.statusUpdate!.status as { conditions: { type: string; status: string; reason: string }[] }
    ).conditions;
    expect(conds.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'MemoryPressure=Unknown/NodeStatusUnknown',
      'Ready=Unknown/NodeStatusUnknown',
      'DiskPressure=Unknown/NodeStatusNeverUpdated',
      'PIDPressure=Unknown/NodeStatusNeverUpdated',
    ]);
    expect(v.observedReady.status).toBe('True');
  });

  it('does not write again for a node already Unknown', () => {
    const once = assessNodeHealth(
      node({ status: 'True', heartbeat: 0 }),
      undefined,
      undefined,
      s(0),
      rfc3339(s(0)),
      timing,
    );
    const later = assessNodeHealth(
      node({ status: 'True', heartbeat: 0 }),
      undefined,
      once.health,
      s(60),
      rfc3339(s(60)),
      timing,
    );
    expect(later.statusUpdate).toBeDefined();
    const again = assessNodeHealth(
      later.statusUpdate!,
      undefined,
      later.health,
      s(65),
      rfc3339(s(65)),
      timing,
    );
    expect(again.statusUpdate).toBeUndefined();
    expect(again.observedReady.status).toBe('Unknown');
  });
});
