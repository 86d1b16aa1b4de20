import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../cluster/api/types.ts';
import { useCluster } from './cluster-store.ts';

const pod = (name: string, nodeName?: string): { key: string; object: KubeObject } => ({
  key: `/registry/pods/default/${name}`,
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: nodeName ? { nodeName } : {} },
});
const node = (name: string) => ({ key: `/registry/minions/${name}`, object: { apiVersion: 'v1', kind: 'Node', metadata: { name } } as KubeObject });
const delta = (added: { key: string; object: KubeObject }[], updated: { key: string; object: KubeObject }[] = [], removed: string[] = []) => ({ revision: 1, time: 0, added, updated, removed, speed: 1, paused: false });

describe('cluster mirror indexes', () => {
  beforeEach(() => useCluster.getState().applySnapshot({ revision: 0, time: 0, objects: [node('b'), node('a'), pod('p1'), pod('p2', 'a')], speed: 1, paused: false }));

  it('lists node names sorted and files pods under their node ("" while unscheduled)', () => {
    const s = useCluster.getState();
    expect(s.nodeNames).toEqual(['a', 'b']);
    expect(s.podsByNode.get('')).toEqual(['/registry/pods/default/p1']);
    expect(s.podsByNode.get('a')).toEqual(['/registry/pods/default/p2']);
  });

  it('moves a pod when it is bound, keeping untouched nodes and the node list identical', () => {
    const before = useCluster.getState();
    useCluster.getState().applyDelta(delta([], [pod('p1', 'b')]));
    const after = useCluster.getState();
    expect(after.podsByNode.get('')).toBeUndefined();
    expect(after.podsByNode.get('b')).toEqual(['/registry/pods/default/p1']);
    expect(after.podsByNode.get('a')).toBe(before.podsByNode.get('a'));
    expect(after.nodeNames).toBe(before.nodeNames);
  });

  it('keeps the whole index identical when a pod changes without moving', () => {
    const before = useCluster.getState().podsByNode;
    useCluster.getState().applyDelta(delta([], [pod('p2', 'a')]));
    expect(useCluster.getState().podsByNode).toBe(before);
  });

  it('drops removed pods and nodes', () => {
    useCluster.getState().applyDelta(delta([], [], ['/registry/pods/default/p2', '/registry/minions/b']));
    const s = useCluster.getState();
    expect(s.podsByNode.get('a')).toBeUndefined();
    expect(s.nodeNames).toEqual(['a']);
    expect(s.objects.has('/registry/pods/default/p2')).toBe(false);
  });
});
