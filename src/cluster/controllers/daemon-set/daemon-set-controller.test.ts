import { describe, expect, it } from 'vitest';
import type { INode } from 'kubernetes-models/v1/Node';
import type { KubeObject } from '../../api/types.ts';
import { POD } from '../../client/client.ts';
import { isRunningReady, workloadScenario } from '../stateful-set/workload-scenario.ts';
import { DaemonSetController } from './daemon-set-controller.ts';
import { nodeShouldRunDaemonPod, type DaemonSet } from './daemon-pod.ts';
import { kubeProxyDaemonSet } from './kube-proxy.ts';

const DS = { apiVersion: 'apps/v1', kind: 'DaemonSet' };

function agent(extra: Partial<DaemonSet['spec']> = {}, tolerations?: unknown[]): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'registry.k8s.io/nginx-slim:0.24' }], ...(tolerations ? { tolerations } : {}) } },
      ...extra,
    },
  };
}

const scenario = () => workloadScenario({ controllers: (ctx) => [new DaemonSetController(ctx)] });
const placement = (s: ReturnType<typeof scenario>) =>
  s
    .pods()
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec?.nodeName ?? '<none>')
    .sort();
const allReady = (s: ReturnType<typeof scenario>, n: number) => () => {
  const pods = s.pods();
  return pods.length === n && pods.every(isRunningReady);
};

describe('DaemonSet controller', () => {
  it('runs one pod per worker, skipping the tainted control-plane, each pinned by node affinity', () => {
    const s = scenario();
    s.create(agent());
    s.run(60, undefined, allReady(s, 3));
    expect(placement(s)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const pod = s.pods()[0]!;
    const node = pod.spec!.nodeName!;
    expect((pod.spec as { affinity?: unknown }).affinity).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } },
    });
    expect((pod.spec as { tolerations?: unknown[] }).tolerations).toEqual(
      expect.arrayContaining([
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      ]),
    );
    expect(pod.metadata.generateName).toBe('agent-');
    expect(s.events().filter((e) => e.startsWith('Scheduled:') && e.includes(pod.metadata.name!))).toEqual([`Scheduled: Successfully assigned default/${pod.metadata.name} to ${node}`]);
    expect(s.events().filter((e) => e.startsWith('SuccessfulCreate')).sort()).toEqual(s.pods().map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    s.run(2);
    const hash = pod.metadata.labels?.['controller-revision-hash'];
    expect(s.get<DaemonSet>(DS, 'agent')!.status).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
    expect(s.list('apps', 'controllerrevisions').map((r) => [r.metadata.name, r.revision])).toEqual([[`agent-${hash}`, 1]]);
    expect(s.errors()).toEqual([]);
  });

  it.each([
    { name: 'tolerating the control-plane taint', tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], nodes: ['control-plane', 'worker-1', 'worker-2', 'worker-3'] },
    { name: 'tolerating everything (operator Exists)', tolerations: [{ operator: 'Exists' }], nodes: ['control-plane', 'worker-1', 'worker-2', 'worker-3'] },
    { name: 'with a nodeSelector', extra: { nodeSelector: { 'kubernetes.io/hostname': 'worker-2' } }, nodes: ['worker-2'] },
  ])('places pods $name', ({ tolerations, extra, nodes }) => {
    const s = scenario();
    const ds = agent({}, tolerations);
    Object.assign(ds.spec.template!.spec!, extra ?? {});
    s.create(ds);
    s.run(60, undefined, allReady(s, nodes.length));
    expect(placement(s)).toEqual(nodes);
  });

  it('follows nodes joining and leaving', () => {
    const s = scenario();
    s.create(agent());
    s.run(60, undefined, allReady(s, 3));
    const added = s.cluster.addNode();
    expect(added).toBe('worker-4');
    s.run(60, undefined, allReady(s, 4));
    expect(placement(s)).toEqual(['worker-1', 'worker-2', 'worker-3', 'worker-4']);
    expect(s.get<DaemonSet>(DS, 'agent')!.status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4 });
    // Cordoning does not matter (DaemonSet pods tolerate unschedulable); a NoExecute taint does.
    s.edit<KubeObject>({ apiVersion: 'v1', kind: 'Node' }, 'worker-4', (n) => {
      n.spec = { ...(n.spec ?? {}), taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] };
    }, '');
    s.run(40, undefined, allReady(s, 3));
    expect(placement(s)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(s.events().some((e) => /^SuccessfulDelete: Deleted pod: agent-/.test(e))).toBe(true);
    s.cluster.removeNode('worker-3');
    s.run(5);
    expect(s.get<DaemonSet>(DS, 'agent')!.status).toMatchObject({ desiredNumberScheduled: 2 });
  });

  it('rolls out with maxUnavailable 1: never more than one node without an available pod', () => {
    const s = scenario();
    s.create(agent());
    s.run(60, undefined, allReady(s, 3));
    s.run(2);
    s.edit<DaemonSet>(DS, 'agent', (o) => (o.spec.template!.spec!.containers = [{ name: 'agent', image: 'registry.k8s.io/nginx-slim:0.27' }]));
    let worst = 0;
    s.run(
      200,
      () => {
        const available = s.pods().filter((p) => isRunningReady(p)).map((p) => p.spec?.nodeName);
        worst = Math.max(worst, 3 - new Set(available).size);
      },
      () => {
        const st = s.get<DaemonSet>(DS, 'agent')!.status;
        return st?.observedGeneration === 2 && st.updatedNumberScheduled === 3 && st.numberAvailable === 3 && s.pods().length === 3;
      },
    );
    expect(worst).toBe(1);
    const images = s.pods().map((p) => (p.spec as { containers: { image: string }[] }).containers[0]!.image);
    expect(images).toEqual(['registry.k8s.io/nginx-slim:0.27', 'registry.k8s.io/nginx-slim:0.27', 'registry.k8s.io/nginx-slim:0.27']);
    expect(s.list('apps', 'controllerrevisions').map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('rolls out with maxSurge 1: the new pod is available before the old one goes', () => {
    const s = scenario();
    s.create(agent({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    s.run(60, undefined, allReady(s, 3));
    s.edit<DaemonSet>(DS, 'agent', (o) => (o.spec.template!.spec!.containers = [{ name: 'agent', image: 'registry.k8s.io/nginx-slim:0.27' }]));
    let most = 0;
    let fewestAvailable = 3;
    s.run(
      200,
      () => {
        // Pods being deleted no longer count against maxSurge, as upstream.
        most = Math.max(most, s.pods().filter((p) => !p.metadata.deletionTimestamp).length);
        fewestAvailable = Math.min(fewestAvailable, new Set(s.pods().filter(isRunningReady).map((p) => p.spec?.nodeName)).size);
      },
      () => s.get<DaemonSet>(DS, 'agent')!.status?.observedGeneration === 2 && s.get<DaemonSet>(DS, 'agent')!.status?.updatedNumberScheduled === 3 && s.pods().length === 3 && s.pods().every(isRunningReady),
    );
    expect(most).toBe(4);
    expect(fewestAvailable).toBe(3);
  });

  it('OnDelete leaves old pods until someone deletes them', () => {
    const s = scenario();
    s.create(agent({ updateStrategy: { type: 'OnDelete' } }));
    s.run(60, undefined, allReady(s, 3));
    s.edit<DaemonSet>(DS, 'agent', (o) => (o.spec.template!.spec!.containers = [{ name: 'agent', image: 'registry.k8s.io/nginx-slim:0.27' }]));
    s.run(30);
    expect(s.get<DaemonSet>(DS, 'agent')!.status?.updatedNumberScheduled ?? 0).toBe(0);
    s.user.delete(POD, 'default', s.pods()[0]!.metadata.name!);
    s.run(60, undefined, allReady(s, 3));
    s.run(2);
    expect(s.get<DaemonSet>(DS, 'agent')!.status?.updatedNumberScheduled).toBe(1);
  });

  it('kube-proxy runs on every node, the control-plane included', () => {
    const s = scenario();
    s.create(kubeProxyDaemonSet());
    s.run(60, undefined, () => s.pods('kube-system').filter((p) => p.metadata.name?.startsWith('kube-proxy-') && isRunningReady(p)).length === 4);
    const proxies = s.pods('kube-system').filter((p) => p.metadata.name?.startsWith('kube-proxy-'));
    expect(proxies.map((p) => p.spec?.nodeName).sort()).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    expect((proxies[0]!.spec as { tolerations: unknown[] }).tolerations).toContainEqual({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
    expect((proxies[0]!.spec as { priority?: number }).priority).toBe(2000001000);
  });
});

describe('nodeShouldRunDaemonPod', () => {
  const node = (taints: unknown[] = [], labels: Record<string, string> = {}) => ({ metadata: { name: 'n1', labels }, spec: { taints } }) as INode;
  it.each([
    { name: 'plain node', node: node(), want: { shouldRun: true, shouldContinueRunning: true } },
    { name: 'cordoned (auto toleration)', node: node([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), want: { shouldRun: true, shouldContinueRunning: true } },
    { name: 'unreachable NoExecute (auto toleration)', node: node([{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]), want: { shouldRun: true, shouldContinueRunning: true } },
    { name: 'untolerated NoSchedule', node: node([{ key: 'x', effect: 'NoSchedule' }]), want: { shouldRun: false, shouldContinueRunning: true } },
    { name: 'untolerated NoExecute', node: node([{ key: 'x', effect: 'NoExecute' }]), want: { shouldRun: false, shouldContinueRunning: false } },
    { name: 'PreferNoSchedule is no bar', node: node([{ key: 'x', effect: 'PreferNoSchedule' }]), want: { shouldRun: true, shouldContinueRunning: true } },
    { name: 'network-unavailable without hostNetwork', node: node([{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), want: { shouldRun: false, shouldContinueRunning: true } },
  ])('$name', ({ node: n, want }) => {
    expect(nodeShouldRunDaemonPod(n, agent())).toEqual(want);
  });

  it('honours nodeSelector', () => {
    const ds = agent();
    ds.spec.template!.spec!.nodeSelector = { disk: 'ssd' };
    expect(nodeShouldRunDaemonPod(node([], { disk: 'ssd' }), ds).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(node([], { disk: 'hdd' }), ds)).toEqual({ shouldRun: false, shouldContinueRunning: false });
  });
});
