import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster.ts';

const USER = { name: 'user', component: 'user' as const };

describe('PodGC', () => {
  it('force-deletes the pods of a removed node after the quarantine', () => {
    const c = new Cluster({ seed: 2 });
    c.advance(60_000);
    const onWorker2 = () =>
      c.api.list({ group: '', resource: 'pods' }, { fieldSelector: 'spec.nodeName=worker-2' }, USER).items.map((p) => p.metadata.name);
    expect(onWorker2().some((n) => n?.startsWith('kube-proxy-'))).toBe(true);
    c.removeNode('worker-2');
    c.advance(20_000);
    expect(onWorker2().length).toBeGreaterThan(0); // still quarantined: the node may only be late
    c.advance(60_000);
    expect(onWorker2()).toEqual([]);
  });
});
