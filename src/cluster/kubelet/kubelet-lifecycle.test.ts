import { describe, expect, test } from 'vitest';
import { kubeletCluster, secondsAt } from './kubelet-test-kit.ts';

const POD = { apiVersion: 'v1', kind: 'Pod' };

describe('graceful termination', () => {
  test('nginx stops at once on SIGTERM and the kubelet confirms the deletion', () => {
    const k = kubeletCluster();
    k.pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    k.advance(20);
    k.user.delete(POD, 'default', 'web');
    expect(k.get('web')?.metadata.deletionGracePeriodSeconds).toBe(30);
    k.advance(1);
    expect(k.get('web')).toBeUndefined();
    expect(k.events('web').at(-1)).toMatchObject({ reason: 'Killing', message: 'Stopping container nginx' });
    const last = k.history('web').at(-1)!;
    expect(last.deleting).toBe(true);
    expect(last.status.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  test('sleep as PID 1 ignores SIGTERM: killed at the end of the grace period', () => {
    const k = kubeletCluster();
    k.pod('sleeper', { terminationGracePeriodSeconds: 20, containers: [{ name: 'sleep', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    k.advance(20);
    const deletedAt = k.elapsed();
    k.user.delete(POD, 'default', 'sleeper');
    k.advance(19.5);
    expect(k.get('sleeper')?.metadata.deletionTimestamp).toBeDefined();
    k.advance(1);
    expect(k.get('sleeper')).toBeUndefined();
    const t = k.history('sleeper').at(-1)!.status.containerStatuses![0]!.state.terminated!;
    expect(t).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(secondsAt(k.t0, t.finishedAt)).toBe(deletedAt + 20);
  });

  test('a second delete with a shorter grace period brings the kill forward', () => {
    const k = kubeletCluster();
    k.pod('sleeper', { containers: [{ name: 'sleep', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
    k.advance(20);
    k.user.delete(POD, 'default', 'sleeper');
    k.advance(2);
    k.user.delete(POD, 'default', 'sleeper', { gracePeriodSeconds: 1 });
    k.advance(1.5);
    expect(k.get('sleeper')).toBeUndefined();
  });
});

describe('probes', () => {
  test('the liveness docs example: the file goes at 30 s, three failed probes later the container is restarted', () => {
    const k = kubeletCluster();
    k.pod('liveness-exec', {
      containers: [
        {
          name: 'liveness',
          image: 'registry.k8s.io/busybox',
          args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
        },
      ],
    });
    k.advance(100);
    const ev = k.events('liveness-exec');
    const unhealthy = ev.find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy).toMatchObject({ type: 'Warning', message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n", count: 3 });
    const killing = ev.find((e) => e.reason === 'Killing')!;
    expect(killing.message).toBe('Container liveness failed liveness probe, will be restarted');
    const first = k.history('liveness-exec').find((h) => h.status.containerStatuses?.[0]?.state.running)!.status.containerStatuses![0]!.state.running!.startedAt;
    // Probes at 5, 10, ... s after start; failures at 30, 35, 40 s: killed at 40 s; sh ignores SIGTERM (30 s grace).
    expect(killing.at - secondsAt(k.t0, first)).toBe(40);
    const c = k.container('liveness-exec')!;
    expect(c.restartCount).toBe(1);
    expect(c.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(secondsAt(k.t0, c.lastState.terminated!.finishedAt) - killing.at).toBe(30);
  });

  test('readiness: not Ready until the probe passes; a server image passes at the first probe after the delay', () => {
    const k = kubeletCluster();
    k.pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 } }] });
    k.advance(60);
    const h = k.history('web');
    const started = secondsAt(k.t0, h.find((x) => x.status.containerStatuses?.[0]?.state.running)!.status.containerStatuses![0]!.state.running!.startedAt);
    const readyAt = h.find((x) => x.status.containerStatuses?.[0]?.ready)!.at / 1000;
    // The first probe is at the first period tick past the 5 s delay (startedAt shows whole seconds).
    expect(readyAt - started).toBeGreaterThanOrEqual(10);
    expect(readyAt - started).toBeLessThan(11);
    expect(k.status('web')?.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  test('readiness that never passes keeps the pod NotReady and says why', () => {
    const k = kubeletCluster();
    k.pod('box', { containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'], readinessProbe: { httpGet: { path: '/healthz', port: 8080 } } }] });
    k.advance(60);
    const s = k.status('box')!;
    expect(s.phase).toBe('Running');
    expect(s.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [box]' });
    expect(k.events('box').find((e) => e.reason === 'Unhealthy')?.message).toBe(`Readiness probe failed: Get "http://${s.podIP}:8080/healthz": dial tcp ${s.podIP}:8080: connect: connection refused`);
  });

  test('scripted readiness failure flips Ready off after failureThreshold probes', () => {
    const k = kubeletCluster();
    k.pod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }] }, { annotations: { 'sandbox.kube/readiness-fail-after': '30s' } });
    k.advance(25);
    expect(k.container('web')?.ready).toBe(true);
    k.advance(30);
    expect(k.container('web')?.ready).toBe(false);
    expect(k.events('web').find((e) => e.reason === 'Unhealthy')?.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 500');
  });
});

describe('restart policies', () => {
  test.each([
    ['Always', 'exit 0', 'Running', true],
    ['OnFailure', 'exit 0', 'Succeeded', false],
    ['OnFailure', 'exit 2', 'Running', true],
    ['Never', 'exit 2', 'Failed', false],
  ] as const)('restartPolicy %s with %s -> %s', (policy, script, phase, restarted) => {
    const k = kubeletCluster();
    k.pod('p', { restartPolicy: policy, containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script] }] });
    k.advance(30);
    expect(k.status('p')?.phase).toBe(phase);
    expect(k.container('p')!.restartCount > 0).toBe(restarted);
  });

  test('a failed init container with restartPolicy Never fails the pod', () => {
    const k = kubeletCluster();
    k.pod('p', { restartPolicy: 'Never', initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['false'] }], containers: [{ name: 'c', image: 'nginx:1.27' }] });
    k.advance(20);
    expect(k.status('p')?.phase).toBe('Failed');
    expect(k.container('p')?.state.waiting?.reason).toBe('PodInitializing');
  });
});
