/**
 * kube-scheduler running inside a cluster, on virtual time: pods go through the API, the scheduler
 * binds them through pods/binding, and what kubectl would show — events, PodScheduled conditions,
 * spec.nodeName — is asserted.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster.ts';
import { makeNode, makePod } from './testing/wrappers.ts';
import type { KubeObject } from '../api/types.ts';

const USER = { name: 'user', component: 'user' as const };

function setup(nodes: KubeObject[]) {
  const c = new Cluster({ seed: 3, controllers: false, nodes: [] });
  for (const n of nodes) c.api.create({ group: '', resource: 'nodes' }, n, { actor: USER });
  const pods = { group: '', resource: 'pods', namespace: 'default' };
  const create = (p: object) => c.api.create(pods, p, { actor: USER });
  const get = (name: string) => c.api.get(pods, name, USER);
  const nodeOf = (name: string) => (get(name).spec as { nodeName?: string }).nodeName;
  const events = (reason: string) =>
    c.api
      .list({ group: '', resource: 'events', namespace: 'default' }, { fieldSelector: `reason=${reason}` }, USER)
      .items.map((e) => `${(e.involvedObject as { name: string }).name}: ${e.message as string}`);
  return { c, create, get, nodeOf, events };
}

const node = (name: string, cpu = '4', extra: (w: ReturnType<typeof makeNode>) => ReturnType<typeof makeNode> = (w) => w) =>
  extra(makeNode().name(name).label('kubernetes.io/hostname', name).capacity({ cpu, memory: '8Gi', pods: 110 })).obj() as unknown as KubeObject;

const controlPlane = () =>
  node('control-plane', '4', (w) => w.label('node-role.kubernetes.io/control-plane', '').taint({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }));

const pod = (name: string, cpu = '1') => ({ ...makePod().name(name).req({ cpu }).obj(), metadata: { name } });

describe('kube-scheduler in the cluster', () => {
  it('binds a pod and records the Scheduled event in kubectl words', () => {
    const { c, create, nodeOf, events, get } = setup([node('worker-1')]);
    create(pod('web'));
    c.advance(10);
    expect(nodeOf('web')).toBe('worker-1');
    expect(events('Scheduled')).toEqual(['web: Successfully assigned default/web to worker-1']);
    const cond = (get('web').status as { conditions: { type: string; status: string }[] }).conditions.find((x) => x.type === 'PodScheduled');
    expect(cond?.status).toBe('True');
  });

  it('resource exhaustion leaves the right pods Pending with the right message, until a node is added', () => {
    const { c, create, nodeOf, events, get } = setup([controlPlane(), node('worker-1', '2'), node('worker-2', '2')]);
    for (let i = 0; i < 5; i++) create(pod(`p${i}`, '1'));
    c.advance(100);
    const placed = [0, 1, 2, 3, 4].filter((i) => nodeOf(`p${i}`));
    expect(placed).toHaveLength(4);
    const pending = `p${[0, 1, 2, 3, 4].find((i) => !nodeOf(`p${i}`))}`;
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(events('FailedScheduling')).toContain(`${pending}: ${message}`);
    const cond = (get(pending).status as { conditions: { type: string; status: string; reason: string; message: string }[] }).conditions.find((x) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    // A new node is a cluster event that moves the pod back to the active queue.
    c.api.create({ group: '', resource: 'nodes' }, node('worker-3', '2'), { actor: USER });
    c.advance(2000); // it waits out its back-off (1 s after the first attempt) first

    expect(nodeOf(pending)).toBe('worker-3');
  });

  it('keeps pods off the control plane unless they tolerate its taint', () => {
    const { c, create, nodeOf } = setup([controlPlane()]);
    create(pod('plain', '100m'));
    create({
      ...pod('tolerant', '100m'),
      spec: { ...pod('tolerant', '100m').spec, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] },
    });
    c.advance(100);
    expect(nodeOf('plain')).toBeUndefined();
    expect(nodeOf('tolerant')).toBe('control-plane');
  });

  it('a cordoned node receives nothing', () => {
    const { c, create, nodeOf } = setup([node('worker-1'), node('worker-2')]);
    c.api.patch({ group: '', resource: 'nodes' }, 'worker-1', 'merge', { spec: { unschedulable: true } }, { actor: USER });
    for (let i = 0; i < 6; i++) create(pod(`p${i}`, '100m'));
    c.advance(100);
    for (let i = 0; i < 6; i++) expect(nodeOf(`p${i}`)).toBe('worker-2');
  });

  it('retries an unschedulable pod with back-off 1 s doubling to 10 s when something might help', () => {
    const { c, create } = setup([node('worker-1', '1')]);
    create(pod('big', '2'));
    c.advance(10);
    const start = c.clock.now();
    const attempts: number[] = [];
    let last = c.scheduler.attempts;
    // A node update that might help (its allocatable changes, still too small) arrives every 100 ms:
    // each moves the pod out of the unschedulable set, so attempts come as fast as back-off allows.
    for (let t = 0; t < 600; t++) {
      c.api.patch({ group: '', resource: 'nodes', subresource: 'status' }, 'worker-1', 'merge', { status: { allocatable: { cpu: t % 2 ? '1' : '1100m' } } }, { actor: USER });
      c.advance(100);
      if (c.scheduler.attempts !== last) {
        attempts.push(Math.round((c.clock.now() - start) / 100) / 10);
        last = c.scheduler.attempts;
      }
    }
    const gaps = attempts.slice(1).map((t, i) => Math.round(t - attempts[i]!));
    // The first attempt ran before `start`; attempt 2 comes 1 s after it, then 2, 4, 8, 10, 10 s apart.
    expect(attempts[0]).toBeCloseTo(1, 0);
    expect(gaps.slice(0, 6)).toEqual([2, 4, 8, 10, 10, 10]);
  });

  it('preempts lower-priority pods for a high-priority one', () => {
    const { c, create, nodeOf, events, get } = setup([node('worker-1', '2')]);
    c.api.create({ group: 'scheduling.k8s.io', resource: 'priorityclasses' }, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 }, { actor: USER });
    create(pod('low-a', '1'));
    create(pod('low-b', '1'));
    c.advance(100);
    expect(nodeOf('low-a')).toBe('worker-1');
    const vip = pod('vip', '1');
    create({ ...vip, spec: { ...vip.spec, priorityClassName: 'high' } });
    c.advance(100);
    expect((get('vip').status as { nominatedNodeName?: string }).nominatedNodeName).toBe('worker-1');
    const victims = events('Preempted');
    expect(victims).toHaveLength(1);
    expect(victims[0]).toMatch(/^low-[ab]: Preempted by pod [0-9a-f-]+ on node worker-1$/);
  });
});
