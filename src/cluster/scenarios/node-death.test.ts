/**
 * The story people come to watch: a 6-replica Deployment spreads over three workers; worker-2 dies;
 * after the 50 s grace period it goes NotReady and is tainted; after the 300 s default toleration its
 * pods are evicted (Terminating for ever, as no kubelet confirms) and replaced on worker-1/3; when
 * worker-2 comes back it rejoins Ready and cleans up the pods deleted while it was away.
 *
 * The steps are one story: each `it` continues from where the previous one left the cluster.
 */
import { describe, expect, it } from 'vitest';
import { deploymentYaml, fullyAvailable, scenario } from './scenario-kit.ts';
import { parseTime } from '../sim/clock.ts';
import { LEASE } from '../client/client.ts';

const UNREACHABLE = ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule'];

describe('a node dies and the cluster heals', () => {
  const s = scenario();
  let victims: string[] = [];
  let killedAt = 0;
  let lastBeatMs = 0;
  let terminatingAt = 0;

  it('spreads 6 replicas over the three workers, all Running and Ready within seconds, none on the control plane', () => {
    expect(s.apply(deploymentYaml('web', 6))).toEqual(['deployment.apps/web created']);
    const runningAt = s.until(() => s.rows().filter((r) => r.status === 'Running' && r.ready === '1/1').length === 6, 120);
    expect(runningAt).toBeDefined();
    expect(runningAt!).toBeLessThan(60);
    const rows = s.rows();
    expect(rows).toHaveLength(6);
    const perNode = new Map<string, number>();
    for (const r of rows) perNode.set(r.node, (perNode.get(r.node) ?? 0) + 1);
    expect([...perNode.keys()].sort()).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect([...perNode.values()]).toEqual([2, 2, 2]);
    expect(rows.every((r) => r.restarts === 0 && /^web-[a-z0-9]{9,10}-[a-z0-9]{5}$/.test(r.name))).toBe(true);
    expect(s.until(() => fullyAvailable(s.deployment('web')), 30)).toBeDefined();
    const available = s.deployment('web')!.status!.conditions!.find((c) => c.type === 'Available');
    expect(available).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
  });

  it('kill worker-2: NotReady (Ready=Unknown) 50 s after its last heartbeat, with the NodeNotReady event', () => {
    // Let every kubelet beat a few times so the last heartbeat is a recent one, as on a settled cluster.
    s.advance(60);
    victims = s.rows().filter((r) => r.node === 'worker-2').map((r) => r.name);
    expect(victims).toHaveLength(2);
    killedAt = s.elapsed();
    // The controller counts from the later of the last Lease renewal and the last status heartbeat.
    const renewed = parseTime((s.person.get(LEASE, 'kube-node-lease', 'worker-2')!.spec as { renewTime: string }).renewTime);
    const beat = parseTime((s.nodeCondition('worker-2', 'Ready') as unknown as { lastHeartbeatTime: string }).lastHeartbeatTime);
    lastBeatMs = Math.max(renewed, beat);
    s.cluster.killNode('worker-2');

    const notReadyAt = s.until(() => s.nodeStatus('worker-2') === 'NotReady', 120);
    expect(notReadyAt).toBeDefined();
    const afterKill = notReadyAt! - killedAt;
    expect(afterKill).toBeGreaterThanOrEqual(40);
    expect(afterKill).toBeLessThanOrEqual(60);
    const ready = s.nodeCondition('worker-2', 'Ready')!;
    expect(ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    const sinceBeat = (parseTime((ready as unknown as { lastTransitionTime: string }).lastTransitionTime) - lastBeatMs) / 1000;
    expect(sinceBeat).toBeGreaterThanOrEqual(50);
    // Upstream counts from when a 5 s monitor pass *saw* the heartbeat, then fires on the first pass past 50 s.
    expect(sinceBeat).toBeLessThanOrEqual(61);
    expect(s.nodeCondition('worker-2', 'MemoryPressure')?.status).toBe('Unknown');
    expect(s.events('worker-2').filter((e) => e.reason === 'NodeNotReady').map((e) => e.message)).toEqual(['Node worker-2 status is now: NodeNotReady']);
  });

  it('is tainted unreachable (NoSchedule and NoExecute) and its pods turn Ready=False, still printed Running', () => {
    s.advance(10);
    expect(s.taints('worker-2').sort()).toEqual(UNREACHABLE);
    for (const name of victims) {
      const ready = (s.pod(name)!.status as { conditions: { type: string; status: string }[] }).conditions.find((c) => c.type === 'Ready');
      expect(ready?.status).toBe('False');
    }
    expect(s.rows().filter((r) => victims.includes(r.name)).map((r) => r.status)).toEqual(['Running', 'Running']);
  });

  it('evicts its pods after the 300 s toleration: Terminating at ~350 s after the kill', () => {
    terminatingAt = s.until(() => victims.every((v) => s.rows().find((r) => r.name === v)?.status === 'Terminating'), 600) ?? NaN;
    const afterKill = terminatingAt - killedAt;
    expect(afterKill).toBeGreaterThanOrEqual(345);
    expect(afterKill).toBeLessThanOrEqual(365);
    for (const v of victims) {
      const pod = s.pod(v)!;
      const target = (pod.status as { conditions: { type: string; status: string; reason?: string; message?: string }[] }).conditions.find((c) => c.type === 'DisruptionTarget');
      expect(target).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
      expect(s.events(v).map((e) => `${e.reason} ${e.message}`)).toContain(`TaintManagerEviction Marking for deletion Pod default/${v}`);
    }
  });

  it('replaces them on worker-1 and worker-3 soon after; the Deployment is Available with 6 again', () => {
    const recoveredAt = s.until(() => fullyAvailable(s.deployment('web')) && s.rows().filter((r) => r.status === 'Running' && r.node !== 'worker-2').length === 6, 120);
    expect(recoveredAt).toBeDefined();
    expect(recoveredAt! - terminatingAt).toBeLessThan(30);
    const rows = s.rows();
    const running = rows.filter((r) => r.status === 'Running');
    expect(running).toHaveLength(6);
    expect(new Set(running.map((r) => r.node))).toEqual(new Set(['worker-1', 'worker-3']));
    // The evicted pods stay Terminating: no kubelet is there to confirm.
    expect(rows.filter((r) => r.status === 'Terminating').map((r) => r.name).sort()).toEqual([...victims].sort());
    const d = s.deployment('web')!;
    expect(d.status!.availableReplicas).toBe(6);
    expect(d.status!.conditions!.find((c) => c.type === 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(d.status!.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });

  it('restart worker-2: it rejoins Ready, untainted, and its stale pods are cleaned from the store', () => {
    const restartedAt = s.elapsed();
    s.cluster.startNode('worker-2');
    const rejoinedAt = s.until(() => s.nodeStatus('worker-2') === 'Ready' && s.taints('worker-2').length === 0, 120);
    expect(rejoinedAt).toBeDefined();
    expect(rejoinedAt! - restartedAt).toBeLessThan(15);
    const cleanedAt = s.until(() => victims.every((v) => s.pod(v) === undefined), 120);
    expect(cleanedAt).toBeDefined();
    expect(cleanedAt! - restartedAt).toBeLessThan(45);
    expect(s.nodeCondition('worker-2', 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(s.rows().map((r) => r.status)).toEqual(Array(6).fill('Running'));
    expect(fullyAvailable(s.deployment('web'))).toBe(true);
  });

  it('takes new pods again: a scale-up to 12 lands some on worker-2', () => {
    s.scale('web', 12);
    expect(s.until(() => fullyAvailable(s.deployment('web')), 60)).toBeDefined();
    const onW2 = s.rows().filter((r) => r.node === 'worker-2' && r.status === 'Running');
    expect(onW2.length).toBeGreaterThan(0);
  });
});
