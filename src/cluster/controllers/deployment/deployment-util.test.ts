import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../replica-set/workload-types.ts';
import { equalIgnoreHash, maxSurge, maxUnavailable, newRSNewReplicas, proportion, resolveFenceposts, setCondition, setNewReplicaSetAnnotations } from './deployment-util.ts';

function deployment(replicas: number, surge: number | string = '25%', unavailable: number | string = '25%', type = 'RollingUpdate'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', annotations: {} },
    spec: { replicas, strategy: type === 'RollingUpdate' ? { type, rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } : { type } },
  };
}

function rs(name: string, replicas: number, annotations: Record<string, string> = {}): ReplicaSet {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, annotations }, spec: { replicas } };
}

describe('resolveFenceposts / maxSurge / maxUnavailable', () => {
  it.each([
    // replicas, surge, unavailable -> surge, unavailable
    [10, '25%', '25%', 3, 2],
    [3, '25%', '25%', 1, 0],
    [4, '25%', '25%', 1, 1],
    [1, '25%', '25%', 1, 0],
    [10, 0, 0, 0, 1],
    [10, '0%', '0%', 0, 1],
    [10, 2, '50%', 2, 5],
    [2, 0, 5, 0, 2], // unavailable capped at replicas
  ])('%d replicas, surge %s, unavailable %s -> %d / %d', (replicas, s, un, wantSurge, wantUnavailable) => {
    const d = deployment(replicas, s, un);
    expect(maxSurge(d)).toBe(wantSurge);
    expect(maxUnavailable(d)).toBe(wantUnavailable);
  });

  it('is 0/0 for Recreate, and unavailability is 0 for 0 replicas', () => {
    expect([maxSurge(deployment(5, 1, 1, 'Recreate')), maxUnavailable(deployment(5, 1, 1, 'Recreate'))]).toEqual([0, 0]);
    expect(maxUnavailable(deployment(0))).toBe(0);
    expect(resolveFenceposts('0%', '0%', 0)).toEqual({ surge: 0, unavailable: 1 });
  });
});

describe('newRSNewReplicas', () => {
  it.each([
    // old, new, -> new size (10 replicas, surge 3)
    [10, 0, 3],
    [8, 3, 5],
    [8, 5, 5],
    [0, 9, 10],
  ])('old %d, new %d -> %d', (oldSize, newSize, want) => {
    const d = deployment(10);
    const fresh = rs('new', newSize);
    expect(newRSNewReplicas(d, [rs('old', oldSize), fresh], fresh)).toBe(want);
  });
});

describe('proportion', () => {
  it('shares extra replicas by size against the max-replicas annotation, never beyond what is left', () => {
    const d = deployment(20); // was 10 (max 13), now 20 (max 25): +12 to share
    const big = rs('old', 8, { 'deployment.kubernetes.io/max-replicas': '13' });
    const small = rs('new', 5, { 'deployment.kubernetes.io/max-replicas': '13' });
    const p1 = proportion(big, d, 12, 0);
    expect(p1).toBe(Math.round((8 * 25) / 13) - 8);
    const p2 = proportion(small, d, 12, p1);
    expect(p2).toBe(Math.min(Math.round((5 * 25) / 13) - 5, 12 - p1));
    expect(proportion(rs('idle', 0), d, 12, 0)).toBe(0);
  });
});

describe('setNewReplicaSetAnnotations', () => {
  it('raises the revision of a reused ReplicaSet and remembers the old one in revision-history', () => {
    const d = deployment(3);
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'undo', 'deployment.kubernetes.io/revision': '2', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    const old = rs('old', 0, { 'deployment.kubernetes.io/revision': '1' });
    expect(setNewReplicaSetAnnotations(d, old, 3, true)).toBe(true);
    expect(old.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1', 'kubernetes.io/change-cause': 'undo' });
    old.metadata.annotations!['deployment.kubernetes.io/revision'] = '3';
    setNewReplicaSetAnnotations(d, old, 5, true);
    expect(old.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1,3');
  });

  it('sets desired- and max-replicas on a ReplicaSet about to be created', () => {
    const fresh = rs('new', 0);
    setNewReplicaSetAnnotations(deployment(10), fresh, 1, false);
    expect(fresh.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13' });
  });
});

describe('setCondition', () => {
  it('keeps lastTransitionTime when only the reason changes, and leaves an identical condition alone', () => {
    const status = { conditions: [{ type: 'Progressing', status: 'True', reason: 'A', lastUpdateTime: 't0', lastTransitionTime: 't0' }] };
    setCondition(status, { type: 'Progressing', status: 'True', reason: 'A', lastUpdateTime: 't1', lastTransitionTime: 't1' });
    expect(status.conditions[0]!.lastUpdateTime).toBe('t0');
    setCondition(status, { type: 'Progressing', status: 'True', reason: 'B', lastUpdateTime: 't2', lastTransitionTime: 't2' });
    expect(status.conditions[0]).toMatchObject({ reason: 'B', lastUpdateTime: 't2', lastTransitionTime: 't0' });
  });
});

describe('equalIgnoreHash', () => {
  it('ignores the pod-template-hash label and nil-vs-empty differences', () => {
    const a = { metadata: { labels: { app: 'x', 'pod-template-hash': 'abc' } }, spec: { containers: [{ name: 'c' }], volumes: [] } };
    const b = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c' }] } };
    expect(equalIgnoreHash(a, b)).toBe(true);
    expect(equalIgnoreHash(a, { ...b, spec: { containers: [{ name: 'd' }] } })).toBe(false);
  });
});
