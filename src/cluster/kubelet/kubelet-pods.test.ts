import { describe, expect, test } from 'vitest';
import { kubeletCluster, secondsAt } from './kubelet-test-kit.ts';

describe('a kubelet runs the pods bound to its node', () => {
  test('nginx: ContainerCreating, pulled on first use, then Running and Ready, with the kubelet events in order', () => {
    const k = kubeletCluster();
    k.pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    k.advance(0.1);
    expect(k.container('web')?.state.waiting).toEqual({ reason: 'ContainerCreating' });
    expect(k.status('web')?.phase).toBe('Pending');
    k.advance(15);

    const s = k.status('web')!;
    expect(s.phase).toBe('Running');
    expect(s.podIP).toBe('10.244.1.2');
    expect(s.hostIP).toBe('172.18.0.3');
    expect(s.conditions.map((c) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True']);
    const c = s.containerStatuses![0]!;
    expect(c).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', lastState: {} });
    expect(c.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(c.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);

    const ev = k.events('web');
    expect(ev.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(ev[0]!.message).toBe('Pulling image "nginx:1.27"');
    expect(ev[1]!.message).toMatch(/^Successfully pulled image "nginx:1\.27" in \d+(\.\d+)?s \(\d+(\.\d+)?s including waiting\)\. Image size: \d+ bytes\.$/);
    expect(ev[2]!.message).toBe('Created container: nginx');
    expect(ev[3]!.message).toBe('Started container nginx');
    expect(ev.every((e) => e.fieldPath === 'spec.containers{nginx}')).toBe(true);
    // Realistic seconds: a sandbox in about a second, a 70 MB pull in a few more.
    const started = secondsAt(k.t0, c.state.running?.startedAt);
    expect(started).toBeGreaterThanOrEqual(1);
    expect(started).toBeLessThanOrEqual(6);

    // The second pod finds the image on the node and takes the next address.
    k.pod('web2', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    k.advance(3);
    expect(k.events('web2').map((e) => e.message)).toEqual(['Container image "nginx:1.27" already present on machine', 'Created container: nginx', 'Started container nginx']);
    expect(k.status('web2')?.podIP).toBe('10.244.1.3');
    const images = (k.node()?.status as { images: { names: string[]; sizeBytes: number }[] }).images;
    k.advance(10);
    const after = (k.node()?.status as { images: { names: string[] }[] }).images;
    expect(after.some((i) => i.names.includes('docker.io/library/nginx:1.27'))).toBe(true);
    expect(images.length).toBeLessThanOrEqual(after.length);
  });

  test('imagePullPolicy Always pulls every time, fast when cached', () => {
    const k = kubeletCluster();
    k.pod('a', { containers: [{ name: 'c', image: 'nginx:latest' }] });
    k.advance(10);
    k.pod('b', { containers: [{ name: 'c', image: 'nginx:latest' }] });
    k.advance(5);
    const pulled = k.events('b').find((e) => e.reason === 'Pulled')!;
    expect(pulled.message).toMatch(/^Successfully pulled image "nginx:latest" in \d+ms \(\d+ms including waiting\)/);
  });

  test('sleep 5 with restartPolicy Never: Succeeded about 5 s after it started', () => {
    const k = kubeletCluster();
    k.pod('nap', { restartPolicy: 'Never', containers: [{ name: 'nap', image: 'busybox:1.36', command: ['sleep', '5'] }] });
    k.advance(30);
    const s = k.status('nap')!;
    expect(s.phase).toBe('Succeeded');
    const t = s.containerStatuses![0]!.state.terminated!;
    expect(t).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(secondsAt(k.t0, t.finishedAt) - secondsAt(k.t0, t.startedAt)).toBe(5);
    expect(s.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(s.conditions.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('False');
    // Its address went back to the pool.
    k.pod('next', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    k.advance(3);
    expect(k.status('next')?.podIP).toBe('10.244.1.2');
  });

  test('exit 1 with restartPolicy Always: CrashLoopBackOff, restarts after 10, 20, 40 ... 300 s', () => {
    const k = kubeletCluster();
    const pod = k.pod('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] });
    k.advance(1500);
    // Every run, by restart count, from the terminated states the pod showed.
    const runs = new Map<number, { startedAt: number; finishedAt: number }>();
    for (const h of k.history('crash')) {
      const c = h.status.containerStatuses?.[0];
      if (!c) continue;
      const view = (t: { startedAt: string; finishedAt: string }) => ({ startedAt: secondsAt(k.t0, t.startedAt), finishedAt: secondsAt(k.t0, t.finishedAt) });
      if (c.state.terminated) runs.set(c.restartCount, view(c.state.terminated));
      // lastState is the run before the current one, or (while waiting to restart) the latest run.
      if (c.lastState.terminated) runs.set(c.restartCount - (c.state.waiting ? 0 : 1), view(c.lastState.terminated));
    }
    const gaps: number[] = [];
    for (let n = 1; runs.has(n); n++) gaps.push(runs.get(n)!.startedAt - runs.get(n - 1)!.finishedAt);
    expect(gaps.slice(0, 9)).toEqual([1, 10, 20, 40, 80, 160, 300, 300, 300]);

    const c = k.container('crash')!;
    expect(c.state.waiting?.reason ?? c.state.terminated?.reason).toMatch(/CrashLoopBackOff|Error/);
    const waiting = k.history('crash').map((h) => h.status.containerStatuses?.[0]?.state.waiting?.message).filter((m) => m?.startsWith('back-off'));
    expect(waiting).toContain(`back-off 20s restarting failed container=app pod=crash_default(${pod.metadata.uid})`);
    expect(waiting).toContain(`back-off 5m0s restarting failed container=app pod=crash_default(${pod.metadata.uid})`);
    const backoff = k.events('crash').find((e) => e.reason === 'BackOff')!;
    expect(backoff).toMatchObject({ type: 'Warning', message: `Back-off restarting failed container app in pod crash_default(${pod.metadata.uid})` });
    expect(k.status('crash')?.phase).toBe('Running');
  });

  test('the crash back-off starts over after 10 minutes of running', () => {
    const k = kubeletCluster();
    k.pod('slow', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 700; exit 1'] }] });
    k.advance(2200);
    const c = k.container('slow')!;
    // Each run lasts 700 s (> 10 min), so every restart comes after the initial delay again.
    expect(c.restartCount).toBe(3);
    const gaps = k.history('slow').flatMap((h) => {
      const s = h.status.containerStatuses?.[0];
      return s?.state.running && s.lastState.terminated ? [secondsAt(k.t0, s.state.running.startedAt) - secondsAt(k.t0, s.lastState.terminated.finishedAt)] : [];
    });
    expect(new Set(gaps)).toEqual(new Set([1]));
  });

  test('a bad image: ErrImagePull, then ImagePullBackOff, pulls retried on the same back-off', () => {
    const k = kubeletCluster();
    k.pod('bad', { containers: [{ name: 'app', image: 'nginx:doesnotexist' }] });
    k.advance(120);
    const shown = k.history('bad').map((h) => h.status.containerStatuses?.[0]?.state.waiting);
    const reasons = shown.map((w) => w?.reason).filter((r, i, all) => r !== undefined && r !== all[i - 1]);
    expect(reasons.slice(0, 5)).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff']);
    expect(shown.find((w) => w?.reason === 'ErrImagePull')?.message).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    );
    expect(shown.find((w) => w?.reason === 'ImagePullBackOff')).toEqual({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:doesnotexist"' });
    k.advance(120);
    const ev = k.events('bad');
    expect(ev.slice(0, 5).map((e) => [e.type, e.reason, e.message.split(': rpc error')[0]])).toEqual([
      ['Normal', 'Pulling', 'Pulling image "nginx:doesnotexist"'],
      ['Warning', 'Failed', 'Failed to pull image "nginx:doesnotexist"'],
      ['Warning', 'Failed', 'Error: ErrImagePull'],
      ['Normal', 'BackOff', 'Back-off pulling image "nginx:doesnotexist"'],
      ['Warning', 'Failed', 'Error: ImagePullBackOff'],
    ]);
    const pulling = ev.find((e) => e.reason === 'Pulling')!;
    expect(pulling.count).toBeGreaterThanOrEqual(4); // attempts at ~0, 10, 30, 70 s after the first failure
    expect(pulling.count).toBeLessThanOrEqual(5);
    expect(k.status('bad')?.phase).toBe('Pending');
  });

  test('an invalid image reference: InvalidImageName', () => {
    const k = kubeletCluster();
    k.pod('inv', { containers: [{ name: 'app', image: 'Nginx:1.27' }] });
    k.advance(5);
    const msg = 'Failed to apply default image tag "Nginx:1.27": couldn\'t parse image name "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase';
    expect(k.container('inv')?.state.waiting).toEqual({ reason: 'InvalidImageName', message: msg });
    expect(k.events('inv').map((e) => [e.reason, e.message])).toEqual([
      ['InspectFailed', msg],
      ['Failed', 'Error: InvalidImageName'],
    ]);
  });

  test('memory above the limit (sandbox annotation) is OOMKilled', () => {
    const k = kubeletCluster();
    k.pod(
      'hog',
      { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx:1.27', resources: { limits: { memory: '100Mi' } } }] },
      { annotations: { 'sandbox.kube/memory-usage': '300Mi' } },
    );
    k.advance(20);
    const s = k.status('hog')!;
    expect(s.phase).toBe('Failed');
    expect(s.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  test('init containers run first, in order; main containers wait in PodInitializing', () => {
    const k = kubeletCluster();
    k.pod('app', {
      initContainers: [
        { name: 'init-a', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5'] },
        { name: 'init-b', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3'] },
      ],
      containers: [{ name: 'main', image: 'nginx:1.27' }],
    });
    k.advance(4);
    let s = k.status('app')!;
    expect(s.initContainerStatuses![0]!.state.running).toBeDefined();
    expect(s.initContainerStatuses![1]!.state.waiting?.reason).toBe('PodInitializing');
    expect(s.containerStatuses![0]!.state.waiting?.reason).toBe('PodInitializing');
    expect(s.conditions.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-a init-b]' });
    k.advance(30);
    s = k.status('app')!;
    expect(s.phase).toBe('Running');
    expect(s.initContainerStatuses!.map((c) => c.state.terminated?.reason)).toEqual(['Completed', 'Completed']);
    const a = s.initContainerStatuses![0]!.state.terminated!;
    const b = s.initContainerStatuses![1]!.state.terminated!;
    expect(secondsAt(k.t0, b.startedAt)).toBeGreaterThanOrEqual(secondsAt(k.t0, a.finishedAt));
    expect(secondsAt(k.t0, s.containerStatuses![0]!.state.running!.startedAt)).toBeGreaterThanOrEqual(secondsAt(k.t0, b.finishedAt));
  });

  test('a sidecar (init container with restartPolicy Always) keeps running beside the main container', () => {
    const k = kubeletCluster();
    k.pod('side', {
      initContainers: [{ name: 'proxy', image: 'nginx:1.27', restartPolicy: 'Always' }],
      containers: [{ name: 'main', image: 'nginx:1.27' }],
    });
    k.advance(20);
    const s = k.status('side')!;
    expect(s.phase).toBe('Running');
    expect(s.initContainerStatuses![0]!.state.running).toBeDefined();
    expect(s.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
  });
});
