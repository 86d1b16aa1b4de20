import { describe, expect, it } from 'vitest';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Rng } from '../../sim/rng.ts';
import type { PodNominator } from '../framework/framework.ts';
import { PodInfo } from '../framework/pod-info.ts';
import { scheduleOne } from '../schedule-one.ts';
import { MiniScheduler } from '../testing/mini-scheduler.ts';
import { makePod, worker } from '../testing/wrappers.ts';
import { calculateNumCandidates } from './evaluator.ts';
import { pickOneNodeForPreemption } from './pick-one-node.ts';

const running = (name: string, node: string, priority: number, cpu: string, start = '2026-01-01T00:00:00Z') =>
  makePod().name(name).node(node).priority(priority).req({ cpu }).startTime(start).label('app', name.replace(/\d+$/, '')).obj();

const pdb = (selector: Record<string, string>, allowed: number): IPodDisruptionBudget => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'pdb', namespace: 'default' },
  spec: { selector: { matchLabels: selector } },
  status: { disruptionsAllowed: allowed, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 },
});

describe('DefaultPreemption', () => {
  it('picks the node whose victims have the lowest priority, and evicts as few as needed (youngest first)', () => {
    const s = new MiniScheduler([worker('a', '2'), worker('b', '2')]);
    s.running(running('low1', 'a', 1, '1', '2026-01-01T00:00:00Z'));
    s.running(running('low2', 'a', 1, '1', '2026-01-01T00:05:00Z'));
    s.running(running('mid1', 'b', 5, '1'));
    s.running(running('mid2', 'b', 5, '1'));
    const r = s.schedule(makePod().name('high').priority(10).req({ cpu: '1' }).obj());
    expect(r.outcome).toBe('Unschedulable');
    expect(r.message).toBe('0/2 nodes are available: 2 Insufficient cpu.');
    expect(r.postFilter?.nominatedNodeName).toBe('a');
    expect(r.postFilter?.victims?.map((v) => v.name)).toEqual(['low2']);
    expect(r.record.preemption?.chosen).toBe('a');
    expect(r.record.preemption?.chosenBy).toBe('lowest highest-victim priority');
    expect(r.record.preemption?.candidates.map((c) => c.node).sort()).toEqual(['a', 'b']);
  });

  it('avoids violating a PodDisruptionBudget', () => {
    const s = new MiniScheduler([worker('a', '1'), worker('b', '1')], { ctx: { listPDBs: () => [pdb({ app: 'guarded' }, 0)] } });
    s.running(running('guarded1', 'a', 1, '1'));
    s.running(running('free1', 'b', 1, '1'));
    const r = s.schedule(makePod().name('high').priority(10).req({ cpu: '1' }).obj());
    expect(r.postFilter?.nominatedNodeName).toBe('b');
    expect(r.record.preemption?.chosenBy).toBe('fewest PDB violations');
    const a = r.record.preemption?.candidates.find((c) => c.node === 'a');
    expect(a?.numPDBViolations).toBe(1);
    expect(a?.victims[0]?.violatesPDB).toBe(true);
  });

  it('prefers fewer victims at equal priorities (smaller priority sum)', () => {
    const s = new MiniScheduler([worker('a', '1'), worker('b', '1')]);
    s.running(running('x1', 'a', 1, '500m'));
    s.running(running('x2', 'a', 1, '500m'));
    s.running(running('y1', 'b', 1, '1'));
    const r = s.schedule(makePod().name('high').priority(10).req({ cpu: '1' }).obj());
    expect(r.postFilter?.nominatedNodeName).toBe('b');
    expect(r.record.preemption?.chosenBy).toBe('smallest sum of victim priorities');
  });

  it('never preempts pods of equal or higher priority', () => {
    const s = new MiniScheduler([worker('a', '1')]);
    s.running(running('peer1', 'a', 10, '1'));
    const r = s.schedule(makePod().name('high').priority(10).req({ cpu: '1' }).obj());
    expect(r.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    expect(r.postFilter?.nominatedNodeName).toBe('');
  });

  it('a pod too big for any node even when emptied reports the filter reason', () => {
    const s = new MiniScheduler([worker('a', '1')]);
    s.running(running('low1', 'a', 1, '500m'));
    const r = s.schedule(makePod().name('huge').priority(10).req({ cpu: '4' }).obj());
    expect(r.message).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.');
  });

  it('preemptionPolicy Never', () => {
    const s = new MiniScheduler([worker('a', '1')]);
    s.running(running('low1', 'a', 1, '1'));
    const r = s.schedule(makePod().name('high').priority(10).preemptionPolicy('Never').req({ cpu: '1' }).obj());
    expect(r.message).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
    expect(r.record.preemption?.ineligible).toBe('not eligible due to preemptionPolicy=Never.');
  });

  it('waits while victims of its earlier preemption terminate', () => {
    const s = new MiniScheduler([worker('a', '1'), worker('b', '1')]);
    s.running(
      makePod().name('low1').node('a').priority(1).req({ cpu: '1' }).terminating().condition('DisruptionTarget', 'True', 'PreemptionByScheduler').obj(),
    );
    s.running(running('low2', 'b', 1, '1'));
    const r = s.schedule(makePod().name('high').priority(10).req({ cpu: '1' }).nominatedNode('a').obj());
    expect(r.message).toBe('0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node.');
  });

  it('nominated pods hold their node against lower-priority pods', () => {
    const s = new MiniScheduler([worker('a', '1')]);
    const nominated = new PodInfo(makePod().name('high').priority(10).req({ cpu: '1' }).nominatedNode('a').obj());
    const nominator: PodNominator = { nominatedPodsForNode: (n) => (n === 'a' ? [nominated] : []) };
    s.cache.updateSnapshot(s.snapshot);
    const low = scheduleOne(makePod().name('low').priority(1).req({ cpu: '500m' }).obj(), s.snapshot, s.fw, new Rng(1), { nominator });
    expect(low.outcome).toBe('Unschedulable');
    expect(low.message).toContain('1 Insufficient cpu');
    const higher = scheduleOne(makePod().name('higher').priority(20).req({ cpu: '500m' }).obj(), s.snapshot, s.fw, new Rng(1), { nominator });
    expect(higher.nodeName).toBe('a');
  });

  it('numCandidates: 10% of potential nodes, at least 100, at most all', () => {
    expect(calculateNumCandidates(50)).toBe(50);
    expect(calculateNumCandidates(500)).toBe(100);
    expect(calculateNumCandidates(5000)).toBe(500);
  });

  it('pickOneNodeForPreemption: latest start time breaks the last tie', () => {
    const v = (name: string, start: string) => new PodInfo(makePod().name(name).priority(1).startTime(start).obj());
    const pick = pickOneNodeForPreemption(
      [
        { node: 'old', victims: [v('o', '2026-01-01T00:00:00Z')], numPDBViolations: 0 },
        { node: 'young', victims: [v('y', '2026-01-01T01:00:00Z')], numPDBViolations: 0 },
      ],
      0,
    );
    expect(pick?.candidate.node).toBe('young');
    expect(pick?.criterion).toBe('latest start time of highest-priority victims');
  });
});
