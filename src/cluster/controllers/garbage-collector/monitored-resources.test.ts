import { describe, expect, it } from 'vitest';
import { graphKey, monitoredResources, parseGraphKey } from './monitored-resources.ts';

describe('monitored resources', () => {
  it('tracks every deletable kind with ownerReferences but never events or virtual resources', () => {
    const names = monitoredResources().map((t) => `${t.group}/${t.resource}`);
    expect(names).toEqual(
      expect.arrayContaining([
        '/pods',
        'apps/replicasets',
        'apps/deployments',
        'apps/statefulsets',
        'apps/daemonsets',
        'batch/jobs',
        'batch/cronjobs',
        'apps/controllerrevisions',
        'discovery.k8s.io/endpointslices',
      ]),
    );
    expect(names).not.toContain('/events');
    expect(names).not.toContain('/bindings');
  });

  it.each([
    [{ group: '', resource: 'pods' }, 'default', 'web-1'],
    [{ group: 'apps', resource: 'replicasets' }, 'kube-system', 'coredns-5d78c9869d'],
    [{ group: '', resource: 'nodes' }, undefined, 'worker-1'],
  ])('round-trips the key of %o', (t, ns, name) => {
    expect(parseGraphKey(graphKey(t, ns, name))).toEqual({ ...t, namespace: ns, name });
  });
});
