import { describe, expect, it } from 'vitest';
import { makeNode, makePod, worker } from '../testing/wrappers.ts';
import { PodInfo } from './pod-info.ts';
import { SchedulerCache } from './scheduler-cache.ts';
import { Snapshot } from './snapshot.ts';

describe('SchedulerCache', () => {
  it('keeps requested resources incrementally through add, assume, forget and remove', () => {
    const c = new SchedulerCache();
    c.addNode(worker('a'));
    c.addPod(makePod().name('p1').node('a').req({ cpu: '500m', memory: '1Gi' }).obj());
    const assumed = new PodInfo(makePod().name('p2').req({ cpu: '250m' }).obj());
    c.assumePod(assumed, 'a');
    expect(c.nodeInfo('a')?.requested.milliCPU).toBe(750);
    expect(c.isAssumed('uid-p2')).toBe(true);
    c.forgetPod('uid-p2');
    expect(c.nodeInfo('a')?.requested.milliCPU).toBe(500);
    // The informer confirms an assumed pod (possibly on the node it was assumed on).
    c.assumePod(assumed, 'a');
    c.addPod(makePod().name('p2').node('a').req({ cpu: '250m' }).obj());
    expect(c.isAssumed('uid-p2')).toBe(false);
    expect(c.nodeInfo('a')?.pods).toHaveLength(2);
    c.removePod(makePod().name('p1').node('a').obj());
    expect(c.nodeInfo('a')?.requested.milliCPU).toBe(250);
    expect(c.nodeInfo('a')?.nonZeroRequested.memory).toBe(200 * 1024 * 1024);
  });

  it('updates a snapshot by copying only changed nodes, keeping object identity', () => {
    const c = new SchedulerCache();
    for (const n of ['a', 'b', 'c']) c.addNode(worker(n));
    const s = new Snapshot();
    c.updateSnapshot(s);
    const [a, b] = [s.get('a')!, s.get('b')!];
    expect(s.numNodes).toBe(3);
    c.assumePod(new PodInfo(makePod().name('p').req({ cpu: '1' }).obj()), 'a');
    c.updateSnapshot(s);
    expect(s.get('a')).toBe(a);
    expect(a.requested.milliCPU).toBe(1000);
    expect(b.pods).toHaveLength(0);
    // The snapshot is a copy: later cache changes do not leak in until the next update.
    c.assumePod(new PodInfo(makePod().name('q').req({ cpu: '1' }).obj()), 'b');
    expect(s.get('b')!.pods).toHaveLength(0);
    c.updateSnapshot(s);
    expect(s.get('b')!.pods).toHaveLength(1);
  });

  it('drops removed nodes and lists nodes round-robin across zones', () => {
    const c = new SchedulerCache();
    c.addNode(makeNode().name('a1').zone('a').obj());
    c.addNode(makeNode().name('a2').zone('a').obj());
    c.addNode(makeNode().name('a3').zone('a').obj());
    c.addNode(makeNode().name('b1').zone('b').obj());
    const s = c.snapshot();
    expect(s.nodeInfoList.map((n) => n.name)).toEqual(['a1', 'b1', 'a2', 'a3']);
    c.removeNode('b1');
    c.updateSnapshot(s);
    expect(s.nodeInfoList.map((n) => n.name)).toEqual(['a1', 'a2', 'a3']);
    expect(s.get('b1')).toBeUndefined();
  });

  it('tracks nodes holding pods with affinity and image spread', () => {
    const c = new SchedulerCache();
    c.addNode(makeNode().name('a').image(['nginx:1'], 100).obj());
    c.addNode(makeNode().name('b').image(['nginx:1'], 100).obj());
    const s = c.snapshot();
    expect(s.imageNumNodes.get('nginx:1')).toBe(2);
    expect(s.havePodsWithAffinityList).toHaveLength(0);
    c.addPod(makePod().name('x').node('b').podAntiAffinity('kubernetes.io/hostname', { matchLabels: { a: 'b' } }).obj());
    c.updateSnapshot(s);
    expect(s.havePodsWithAffinityList.map((n) => n.name)).toEqual(['b']);
    expect(s.havePodsWithRequiredAntiAffinityList.map((n) => n.name)).toEqual(['b']);
    c.removeNode('a');
    c.updateSnapshot(s);
    expect(s.imageNumNodes.get('nginx:1')).toBe(1);
  });

  it('a node removed with pods on it leaves the snapshot at once', () => {
    const c = new SchedulerCache();
    c.addNode(worker('a'));
    c.addPod(makePod().name('p').node('a').obj());
    c.removeNode('a');
    expect(c.snapshot().numNodes).toBe(0);
    c.removePod(makePod().name('p').node('a').obj());
    expect(c.podCount).toBe(0);
  });
});
