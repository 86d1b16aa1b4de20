import { describe, expect, it } from 'vitest';
import { ClusterHost } from './cluster-host.ts';
import type { Delta } from './protocol.ts';
import type { KubeObject } from '../cluster/api/types.ts';
import { USER } from '../cluster/api/types.ts';

const NODE: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' }, spec: {} };

function pod(name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...extra }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] } };
}

function host(): { h: ClusterHost; deltas: Delta[] } {
  const h = new ClusterHost({ seed: 1, nodes: [] }, false);
  const deltas: Delta[] = [];
  h.subscribe((d) => deltas.push(d));
  return { h, deltas };
}

describe('ClusterHost', () => {
  it('sends deltas with activity that survive structured clone unchanged (plain data only)', () => {
    const { h, deltas } = host();
    const r = h.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', 'a.yaml');
    expect(r.outcomes[0]?.message).toBe('configmap/a created');
    h.flush();
    const d = deltas[deltas.length - 1]!;
    expect(structuredClone(d)).toEqual(d);
    const create = d.activity?.requests.find((t) => t.verb === 'create' && t.resource === 'configmaps');
    expect(create).toMatchObject({ actor: 'kubectl-client-side-apply', component: 'user', count: 1, errors: 0 });
    expect(d.activity?.watch.find((w) => w.resource === 'configmaps')?.count).toBe(1);
    expect(d.activity?.stats.store.keys).toBeGreaterThan(0);
    h.dispose();
  });

  it('cordons and uncordons as kubectl does, and says so', () => {
    const { h } = host();
    h.raw.api.create({ group: '', resource: 'nodes' }, NODE, { actor: USER });
    expect(h.cordon('worker-1', true)).toEqual({ ok: true, message: 'node/worker-1 cordoned' });
    expect((h.raw.api.get({ group: '', resource: 'nodes' }, 'worker-1', USER).spec as { unschedulable?: boolean }).unschedulable).toBe(true);
    expect(h.cordon('worker-1', true).message).toBe('node/worker-1 already cordoned');
    expect(h.cordon('worker-1', false).message).toBe('node/worker-1 uncordoned');
    expect((h.raw.api.get({ group: '', resource: 'nodes' }, 'worker-1', USER).spec as { unschedulable?: boolean }).unschedulable).toBeUndefined();
    expect(h.cordon('nope', true)).toEqual({ ok: false, message: 'Error from server (NotFound): nodes "nope" not found' });
    h.dispose();
  });

  it('drains: cordons, deletes ordinary pods, leaves DaemonSet and mirror pods', () => {
    const { h } = host();
    const api = h.raw.api;
    api.create({ group: '', resource: 'nodes' }, NODE, { actor: USER });
    const pods = { group: '', resource: 'pods', namespace: 'default' };
    api.create(pods, pod('web-1'), { actor: USER });
    api.create(pods, pod('agent-1', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid', controller: true }] }), { actor: USER });
    api.create(pods, pod('static-1', { annotations: { 'kubernetes.io/config.mirror': 'x' } }), { actor: USER });
    const r = h.drain('worker-1');
    expect(r.ok).toBe(true);
    expect(r.message.split('\n')).toEqual(['node/worker-1 cordoned', 'Warning: ignoring DaemonSet-managed Pods: default/agent-1', 'evicting pod default/web-1', 'node/worker-1 drained']);
    const left = api.list(pods, {}, USER).items;
    const web = left.find((p) => p.metadata.name === 'web-1');
    expect(web === undefined || web.metadata.deletionTimestamp !== undefined).toBe(true);
    expect(left.find((p) => p.metadata.name === 'agent-1')?.metadata.deletionTimestamp).toBeUndefined();
    expect(left.find((p) => p.metadata.name === 'static-1')?.metadata.deletionTimestamp).toBeUndefined();
    h.dispose();
  });

  it('answers chaos commands clearly when the cluster has no such method yet', () => {
    const { h } = host();
    const r = h.killNode('worker-1');
    if (!r.ok) expect(r.message).toMatch(/not available yet|not found/);
    h.dispose();
  });

  it('scales and deletes workloads with kubectl words', () => {
    const { h } = host();
    h.apply(['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 1', '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '    labels: {app: web}', '    spec:', '      containers: [{name: c, image: nginx}]', ''].join('\n').replace('    labels', '      labels'));
    const ref = { group: 'apps', resource: 'deployments', namespace: 'default', name: 'web' };
    expect(h.scale(ref, 3)).toEqual({ ok: true, message: 'deployment.apps/web scaled' });
    expect(h.restartRollout(ref)).toEqual({ ok: true, message: 'deployment.apps/web restarted' });
    expect(h.deleteObject(ref, 'Orphan')).toEqual({ ok: true, message: 'deployment.apps "web" deleted' });
    h.dispose();
  });
});
