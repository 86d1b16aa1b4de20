import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { podRow } from './scenario-kit.ts';

function pod(status: Record<string, unknown>, meta: Record<string, unknown> = {}, containers = 1): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...meta },
    spec: { nodeName: 'worker-1', containers: Array.from({ length: containers }, (_, i) => ({ name: `c${i}`, image: 'nginx' })) },
    status,
  };
}

const running = { state: { running: { startedAt: 'x' } }, ready: true, restartCount: 0 };
const DELETING = { deletionTimestamp: '2026-01-01T00:00:00Z' };

describe('podRow: kubectl get pods columns', () => {
  it.each([
    ['no status yet', pod({ phase: 'Pending' }), '0/1', 'Pending', 0],
    ['creating', pod({ phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } }, ready: false, restartCount: 0 }] }), '0/1', 'ContainerCreating', 0],
    ['running and ready', pod({ phase: 'Running', containerStatuses: [running] }), '1/1', 'Running', 0],
    ['crash loop', pod({ phase: 'Running', containerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } }, ready: false, restartCount: 4 }] }), '0/1', 'CrashLoopBackOff', 4],
    ['exited with a signal', pod({ phase: 'Running', containerStatuses: [{ state: { terminated: { exitCode: 137, signal: 9 } }, restartCount: 1 }] }), '0/1', 'Signal:9', 1],
    ['exited without a reason', pod({ phase: 'Running', containerStatuses: [{ state: { terminated: { exitCode: 3 } }, restartCount: 0 }] }), '0/1', 'ExitCode:3', 0],
    ['the first container wins', pod({ phase: 'Running', containerStatuses: [{ state: { waiting: { reason: 'ErrImagePull' } }, restartCount: 0 }, running] }, {}, 2), '1/2', 'ErrImagePull', 0],
    ['completed beside a running one, ready', pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } }, restartCount: 0 }, running] }, {}, 2), '1/2', 'Running', 0],
    ['completed beside a running one, not ready', pod({ phase: 'Running', containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } }, restartCount: 0 }, running] }, {}, 2), '1/2', 'NotReady', 0],
    ['deleting', pod({ phase: 'Running', containerStatuses: [running] }, DELETING), '1/1', 'Terminating', 0],
    ['deleting after the node was lost', pod({ phase: 'Running', reason: 'NodeLost', containerStatuses: [running] }, DELETING), '1/1', 'Unknown', 0],
    ['deleting but already finished', pod({ phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } }, restartCount: 0 }] }, DELETING), '0/1', 'Completed', 0],
    ['evicted', pod({ phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted', 0],
  ])('%s', (_name, p, ready, status, restarts) => {
    expect(podRow(p)).toEqual({ name: 'p', ready, status, restarts, node: 'worker-1' });
  });
});
