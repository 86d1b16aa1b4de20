import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../cluster/api/types.ts';
import { podColumns, podStatus } from './pod-status.ts';
import { podTone } from './tone.ts';

type Status = Record<string, unknown>;

function pod(spec: Record<string, unknown>, status: Status, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', ...meta }, spec: { containers: [{ name: 'a' }], ...spec }, status };
}

const running = { running: { startedAt: '2026-01-01T00:00:00Z' } };
const c = (name: string, state: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ name, state, ready: false, restartCount: 0, ...extra });

describe('podStatus: kubectl STATUS column', () => {
  const cases: { name: string; pod: KubeObject; status: string; ready?: string; restarts?: number }[] = [
    { name: 'phase Pending, nothing else', pod: pod({}, { phase: 'Pending' }), status: 'Pending', ready: '0/1' },
    { name: 'no status at all', pod: pod({}, {}), status: '', ready: '0/1' },
    { name: 'scheduling gated', pod: pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), status: 'SchedulingGated' },
    { name: 'waiting ContainerCreating', pod: pod({}, { phase: 'Pending', containerStatuses: [c('a', { waiting: { reason: 'ContainerCreating' } })] }), status: 'ContainerCreating' },
    { name: 'running and ready', pod: pod({}, { phase: 'Running', containerStatuses: [c('a', running, { ready: true })] }), status: 'Running', ready: '1/1' },
    { name: 'running, not ready', pod: pod({}, { phase: 'Running', containerStatuses: [c('a', running)] }), status: 'Running', ready: '0/1' },
    {
      name: 'CrashLoopBackOff with restarts',
      pod: pod({}, { phase: 'Running', containerStatuses: [c('a', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:01:00Z' } } })] }),
      status: 'CrashLoopBackOff',
      restarts: 4,
    },
    { name: 'ImagePullBackOff', pod: pod({}, { phase: 'Pending', containerStatuses: [c('a', { waiting: { reason: 'ImagePullBackOff' } })] }), status: 'ImagePullBackOff' },
    { name: 'ErrImagePull', pod: pod({}, { phase: 'Pending', containerStatuses: [c('a', { waiting: { reason: 'ErrImagePull' } })] }), status: 'ErrImagePull' },
    { name: 'terminated Error', pod: pod({}, { phase: 'Failed', containerStatuses: [c('a', { terminated: { exitCode: 1, reason: 'Error' } })] }), status: 'Error' },
    { name: 'terminated Completed', pod: pod({}, { phase: 'Succeeded', containerStatuses: [c('a', { terminated: { exitCode: 0, reason: 'Completed' } })] }), status: 'Completed', ready: '0/1' },
    { name: 'OOMKilled', pod: pod({}, { phase: 'Running', containerStatuses: [c('a', { terminated: { exitCode: 137, reason: 'OOMKilled' } })] }), status: 'OOMKilled' },
    { name: 'terminated without reason, by signal', pod: pod({}, { phase: 'Failed', containerStatuses: [c('a', { terminated: { exitCode: 137, signal: 9 } })] }), status: 'Signal:9' },
    { name: 'terminated without reason, exit code', pod: pod({}, { phase: 'Failed', containerStatuses: [c('a', { terminated: { exitCode: 2 } })] }), status: 'ExitCode:2' },
    {
      name: 'first container wins over the second',
      pod: pod({ containers: [{ name: 'a' }, { name: 'b' }] }, { phase: 'Running', containerStatuses: [c('a', { waiting: { reason: 'CrashLoopBackOff' } }), c('b', { waiting: { reason: 'ImagePullBackOff' } })] }),
      status: 'CrashLoopBackOff',
      ready: '0/2',
    },
    {
      name: 'Completed sidecar-less container with another running and Ready condition -> Running',
      pod: pod({ containers: [{ name: 'a' }, { name: 'b' }] }, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [c('a', { terminated: { exitCode: 0, reason: 'Completed' } }), c('b', running, { ready: true })] }),
      status: 'Running',
      ready: '1/2',
    },
    {
      name: 'Completed with another running, no Ready condition -> NotReady',
      pod: pod({ containers: [{ name: 'a' }, { name: 'b' }] }, { phase: 'Running', containerStatuses: [c('a', { terminated: { exitCode: 0, reason: 'Completed' } }), c('b', running, { ready: true })] }),
      status: 'NotReady',
    },
    { name: 'status.reason overrides phase', pod: pod({}, { phase: 'Failed', reason: 'Evicted' }), status: 'Evicted' },
    {
      name: 'deletion timestamp on a running pod -> Terminating',
      pod: pod({}, { phase: 'Running', containerStatuses: [c('a', running, { ready: true })] }, { deletionTimestamp: '2026-01-01T00:05:00Z' }),
      status: 'Terminating',
      ready: '1/1',
    },
    { name: 'deletion timestamp on a Succeeded pod keeps Completed', pod: pod({}, { phase: 'Succeeded', containerStatuses: [c('a', { terminated: { exitCode: 0, reason: 'Completed' } })] }, { deletionTimestamp: '2026-01-01T00:05:00Z' }), status: 'Completed' },
    { name: 'deletion timestamp with reason NodeLost -> Unknown', pod: pod({}, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: '2026-01-01T00:05:00Z' }), status: 'Unknown' },
    {
      name: 'init container running -> Init:0/2',
      pod: pod({ initContainers: [{ name: 'i1' }, { name: 'i2' }] }, { phase: 'Pending', initContainerStatuses: [c('i1', running), c('i2', { waiting: { reason: 'PodInitializing' } })], containerStatuses: [c('a', { waiting: { reason: 'PodInitializing' } })] }),
      status: 'Init:0/2',
    },
    {
      name: 'second init container waiting -> Init:1/2',
      pod: pod({ initContainers: [{ name: 'i1' }, { name: 'i2' }] }, { phase: 'Pending', initContainerStatuses: [c('i1', { terminated: { exitCode: 0, reason: 'Completed' } }), c('i2', { waiting: { reason: 'PodInitializing' } })] }),
      status: 'Init:1/2',
    },
    {
      name: 'init container crash looping',
      pod: pod({ initContainers: [{ name: 'i1' }] }, { phase: 'Pending', initContainerStatuses: [c('i1', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3 })] }),
      status: 'Init:CrashLoopBackOff',
      restarts: 3,
    },
    { name: 'init container failed with reason', pod: pod({ initContainers: [{ name: 'i1' }] }, { phase: 'Failed', initContainerStatuses: [c('i1', { terminated: { exitCode: 1, reason: 'Error' } })] }), status: 'Init:Error' },
    { name: 'init container failed by exit code', pod: pod({ initContainers: [{ name: 'i1' }] }, { phase: 'Pending', initContainerStatuses: [c('i1', { terminated: { exitCode: 3 } })] }), status: 'Init:ExitCode:3' },
    { name: 'init container killed by signal', pod: pod({ initContainers: [{ name: 'i1' }] }, { phase: 'Pending', initContainerStatuses: [c('i1', { terminated: { exitCode: 137, signal: 9 } })] }), status: 'Init:Signal:9' },
    {
      name: 'started restartable init (sidecar) counts in READY and does not block',
      pod: pod(
        { initContainers: [{ name: 's', restartPolicy: 'Always' }] },
        { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [c('s', running, { started: true, ready: true, restartCount: 2 })], containerStatuses: [c('a', running, { ready: true, restartCount: 1 })] },
      ),
      status: 'Running',
      ready: '2/2',
      restarts: 3,
    },
  ];

  it.each(cases)('$name', ({ pod, status, ready, restarts }) => {
    const cols = podColumns(pod);
    expect(cols.status).toBe(status);
    expect(podStatus(pod)).toBe(status);
    if (ready !== undefined) expect(cols.ready).toBe(ready);
    if (restarts !== undefined) expect(cols.restarts).toBe(restarts);
  });

  it('remembers when the last restart happened', () => {
    const p = pod({}, { phase: 'Running', containerStatuses: [c('a', running, { ready: true, restartCount: 1, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:01:00Z' } } })] });
    expect(podColumns(p).lastRestartMs).toBe(Date.parse('2026-01-01T00:01:00Z'));
  });
});

describe('podTone: one colour map for every view', () => {
  const cases: [string, boolean, string][] = [
    ['Running', true, 'ok'],
    ['Running', false, 'ok-hollow'],
    ['Pending', false, 'wait'],
    ['ContainerCreating', false, 'wait'],
    ['Init:0/1', false, 'wait'],
    ['Init:CrashLoopBackOff', false, 'bad'],
    ['CrashLoopBackOff', false, 'bad'],
    ['ImagePullBackOff', false, 'bad'],
    ['ErrImagePull', false, 'bad'],
    ['Error', false, 'bad'],
    ['OOMKilled', false, 'bad'],
    ['ExitCode:2', false, 'bad'],
    ['Terminating', true, 'gone'],
    ['Completed', false, 'done'],
    ['Unknown', false, 'unknown'],
  ];
  it.each(cases)('%s (ready %s) -> %s', (status, ready, tone) => {
    expect(podTone(status, ready)).toBe(tone);
  });
});
