import { describe, expect, test } from 'vitest';
import { kubeletCluster, secondsAt } from './kubelet-test-kit.ts';
import { parseTime } from '../sim/clock.ts';

describe('the kubelet and its Node', () => {
  test('registers the Node with the standard labels, capacity, allocatable, nodeInfo and healthy conditions', () => {
    const k = kubeletCluster();
    const node = k.node()!;
    expect(node.metadata.labels).toMatchObject({
      'kubernetes.io/hostname': 'worker-1',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'beta.kubernetes.io/arch': 'amd64',
    });
    const status = node.status as {
      capacity: unknown;
      allocatable: unknown;
      nodeInfo: unknown;
      addresses: unknown;
      daemonEndpoints: unknown;
      conditions: { type: string; status: string; reason: string; message: string }[];
      images: { names: string[] }[];
    };
    expect(status.capacity).toEqual({ cpu: '4', 'ephemeral-storage': '100Gi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8Gi', pods: '110' });
    expect(status.allocatable).toMatchObject({ cpu: '4', memory: '8092Mi', 'ephemeral-storage': '90Gi', pods: '110' });
    expect(status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.0', containerRuntimeVersion: 'containerd://1.7.24', operatingSystem: 'linux', architecture: 'amd64' });
    expect(status.addresses).toEqual([
      { address: '172.18.0.3', type: 'InternalIP' },
      { address: 'worker-1', type: 'Hostname' },
    ]);
    expect(status.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 10250 } });
    expect((node.spec as { podCIDR: string }).podCIDR).toBe('10.244.1.0/24');
    expect(status.conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ]);
    expect(status.images.map((i) => i.names[1])).toEqual(['registry.k8s.io/kube-proxy:v1.32.0', 'registry.k8s.io/pause:3.10']);
    expect(k.events('worker-1').map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'Starting: Starting kubelet.',
      'NodeAllocatableEnforced: Updated Node Allocatable limit across pods',
      'NodeHasSufficientMemory: Node worker-1 status is now: NodeHasSufficientMemory',
      'NodeHasNoDiskPressure: Node worker-1 status is now: NodeHasNoDiskPressure',
      'NodeHasSufficientPID: Node worker-1 status is now: NodeHasSufficientPID',
      'NodeReady: Node worker-1 status is now: NodeReady',
    ]);
  });

  test('renews its Lease every 10 s and posts a heartbeat every 10 s', () => {
    const k = kubeletCluster();
    const lease = k.lease()!;
    expect(lease.spec).toMatchObject({ holderIdentity: 'worker-1', leaseDurationSeconds: 40 });
    expect((lease.spec as { renewTime: string }).renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(lease.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'worker-1' });
    k.advance(60);
    const renew = () => parseTime((k.lease()!.spec as { renewTime: string }).renewTime);
    const heartbeat = () => parseTime((k.node()!.status as { conditions: { type: string; lastHeartbeatTime: string }[] }).conditions.find((c) => c.type === 'Ready')!.lastHeartbeatTime);
    const r1 = renew();
    const h1 = heartbeat();
    expect(k.cluster.clock.now() - r1).toBeLessThan(10_000);
    k.advance(10);
    expect(renew() - r1).toBe(10_000);
    expect(heartbeat() - h1).toBe(10_000);
  });

  test('a killed kubelet stops: the lease freezes, pods stay as they were; a restarted one resumes and reboots its pods', () => {
    const k = kubeletCluster();
    k.pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    k.advance(20);
    expect(k.status('web')?.phase).toBe('Running');
    k.kubelet().kill();
    expect(k.kubelet().running).toBe(false);
    const frozen = (k.lease()!.spec as { renewTime: string }).renewTime;
    const before = k.get('web')!.metadata.resourceVersion;
    k.advance(120);
    expect((k.lease()!.spec as { renewTime: string }).renewTime).toBe(frozen);
    expect(k.get('web')!.metadata.resourceVersion).toBe(before);
    expect(k.cluster.clock.pending()).toBeLessThanOrEqual(2); // only the test's own informer work, no kubelet timers

    k.kubelet().restart();
    k.advance(15);
    expect(parseTime((k.lease()!.spec as { renewTime: string }).renewTime)).toBeGreaterThan(parseTime(frozen));
    const c = k.container('web')!;
    expect(c.restartCount).toBe(1);
    expect(c.state.running).toBeDefined();
    expect(c.lastState.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown' });
    const ev = k.events('web').map((e) => e.message);
    expect(ev).toContain('Container image "nginx:1.27" already present on machine');
    expect(k.events('worker-1').some((e) => e.reason === 'Rebooted' && e.type === 'Warning' && e.message.startsWith('Node worker-1 has been rebooted, boot id: '))).toBe(true);
  });

  test('a pod deleted while its node was down stays Terminating, and is confirmed deleted when the node comes back', () => {
    const k = kubeletCluster();
    k.pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    k.advance(20);
    k.kubelet().kill();
    k.user.delete({ apiVersion: 'v1', kind: 'Pod' }, 'default', 'web');
    k.advance(600);
    expect(k.get('web')?.metadata.deletionTimestamp).toBeDefined();
    k.kubelet().restart();
    k.advance(1);
    expect(k.get('web')).toBeUndefined();
  });

  test('a node restarted after the node controller marked it Unknown posts Ready again with a new transition time', () => {
    const k = kubeletCluster();
    k.advance(20);
    k.kubelet().kill();
    k.advance(60);
    // What the node lifecycle controller does to a silent node.
    const node = k.node()!;
    const status = structuredClone(node.status) as { conditions: { type: string; status: string; reason: string; message: string }[] };
    for (const c of status.conditions) Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    k.user.updateStatus({ ...node, status });
    k.kubelet().restart();
    const ready = (k.node()!.status as { conditions: { type: string; status: string; lastTransitionTime: string }[] }).conditions.find((c) => c.type === 'Ready')!;
    expect(ready.status).toBe('True');
    expect(secondsAt(k.t0, ready.lastTransitionTime)).toBeCloseTo(k.elapsed(), 0);
    expect(k.events('worker-1').filter((e) => e.reason === 'NodeReady').length + k.events('worker-1').filter((e) => e.reason === 'NodeReady').reduce((n, e) => n + e.count - 1, 0)).toBe(2);
  });
});

describe('with the control plane', () => {
  test('the scheduler places a pod on the registered node and the kubelet runs it', () => {
    const k = kubeletCluster(['worker-1', 'worker-2'], 1, true);
    k.user.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
    k.advance(20);
    const pod = k.get('web')!;
    expect((pod.spec as { nodeName?: string }).nodeName).toMatch(/^worker-[12]$/);
    expect(k.status('web')?.phase).toBe('Running');
  });

  test('the same seed replays to the same store, byte for byte', () => {
    const run = () => {
      const k = kubeletCluster(['worker-1', 'worker-2'], 7);
      k.pod('a', { containers: [{ name: 'c', image: 'nginx:1.27' }] });
      k.pod('b', { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] }, {}, 'worker-2');
      k.advance(300);
      k.kubelet('worker-2').kill();
      k.advance(30);
      k.kubelet('worker-2').restart();
      k.advance(30);
      const { kvs, revision } = k.cluster.store.range('/', { prefix: true });
      return JSON.stringify({ revision, kvs });
    };
    expect(run()).toBe(run());
  });
});
