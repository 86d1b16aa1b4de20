import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { podPrinter } from './pod-printer.ts';

const NOW = Date.UTC(2026, 0, 1, 5, 0, 0);
const CREATED = '2026-01-01T00:00:00Z';

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', creationTimestamp: CREATED, ...meta }, spec: { containers: [{ name: 'a', image: 'nginx' }], ...spec }, status };
}

const running = { running: { startedAt: CREATED } };

describe('podPrinter', () => {
  it('declares the columns kube-apiserver sends, wide ones at priority 1', () => {
    expect(podPrinter.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Status', 0],
      ['Restarts', 0],
      ['Age', 0],
      ['IP', 1],
      ['Node', 1],
      ['Nominated Node', 1],
      ['Readiness Gates', 1],
    ]);
    expect(podPrinter.columns[0]!.format).toBe('name');
  });

  it.each<[string, KubeObject, (string | number)[]]>([
    ['pending, unscheduled', pod({}, { phase: 'Pending' }), ['web-1', '0/1', 'Pending', '0', '5h', '<none>', '<none>', '<none>', '<none>']],
    [
      'running and ready',
      pod({ nodeName: 'worker-1' }, { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }], containerStatuses: [{ name: 'a', ready: true, restartCount: 0, state: running }] }),
      ['web-1', '1/1', 'Running', '0', '5h', '10.244.1.5', 'worker-1', '<none>', '<none>'],
    ],
    [
      'container creating',
      pod({ nodeName: 'w' }, { phase: 'Pending', containerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }),
      ['web-1', '0/1', 'ContainerCreating', '0', '5h', '<none>', 'w', '<none>', '<none>'],
    ],
    [
      'crash loop with restarts and last restart age',
      pod(
        { nodeName: 'w' },
        {
          phase: 'Running',
          containerStatuses: [{ name: 'a', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T04:58:00Z' } } }],
        },
      ),
      ['web-1', '0/1', 'CrashLoopBackOff', '3 (2m ago)', '5h', '<none>', 'w', '<none>', '<none>'],
    ],
    [
      'the first container wins',
      pod(
        { containers: [{ name: 'a' }, { name: 'b' }] },
        {
          phase: 'Running',
          containerStatuses: [
            { name: 'a', ready: false, state: { waiting: { reason: 'ImagePullBackOff' } } },
            { name: 'b', ready: false, state: { waiting: { reason: 'ErrImagePull' } } },
          ],
        },
      ),
      ['web-1', '0/2', 'ImagePullBackOff', '0', '5h', '<none>', '<none>', '<none>', '<none>'],
    ],
    ['completed', pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }), ['web-1', '0/1', 'Completed', '0', '5h', '<none>', '<none>', '<none>', '<none>']],
    ['exit code without reason', pod({}, { phase: 'Failed', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 2 } } }] }), ['web-1', '0/1', 'ExitCode:2', '0', '5h', '<none>', '<none>', '<none>', '<none>']],
    ['signal without reason', pod({}, { phase: 'Failed', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 137, signal: 9 } } }] }), ['web-1', '0/1', 'Signal:9', '0', '5h', '<none>', '<none>', '<none>', '<none>']],
    [
      'completed container beside a running one reads Running when ready',
      pod(
        { containers: [{ name: 'a' }, { name: 'b' }] },
        {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
          containerStatuses: [
            { name: 'a', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
            { name: 'b', ready: true, state: running },
          ],
        },
      ),
      ['web-1', '1/2', 'Running', '0', '5h', '<none>', '<none>', '<none>', '<none>'],
    ],
    [
      'init container waiting',
      pod({ initContainers: [{ name: 'init' }] }, { phase: 'Pending', initContainerStatuses: [{ name: 'init', state: { waiting: { reason: 'PodInitializing' } } }] }),
      ['web-1', '0/1', 'Init:0/1', '0', '5h', '<none>', '<none>', '<none>', '<none>'],
    ],
    [
      'init container failing',
      pod({ initContainers: [{ name: 'init' }] }, { phase: 'Pending', initContainerStatuses: [{ name: 'init', restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }),
      ['web-1', '0/1', 'Init:CrashLoopBackOff', '1', '5h', '<none>', '<none>', '<none>', '<none>'],
    ],
    ['terminating', pod({}, { phase: 'Running' }, { deletionTimestamp: '2026-01-01T00:59:30Z' }), ['web-1', '0/1', 'Terminating', '0', '5h', '<none>', '<none>', '<none>', '<none>']],
    ['node lost', pod({}, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: '2026-01-01T00:59:30Z' }), ['web-1', '0/1', 'Unknown', '0', '5h', '<none>', '<none>', '<none>', '<none>']],
    ['evicted', pod({}, { phase: 'Failed', reason: 'Evicted' }), ['web-1', '0/1', 'Evicted', '0', '5h', '<none>', '<none>', '<none>', '<none>']],
    ['scheduling gated', pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), ['web-1', '0/1', 'SchedulingGated', '0', '5h', '<none>', '<none>', '<none>', '<none>']],
    [
      'readiness gates and nominated node',
      pod({ readinessGates: [{ conditionType: 'x/ready' }, { conditionType: 'y/ready' }] }, { phase: 'Pending', nominatedNodeName: 'w2', conditions: [{ type: 'x/ready', status: 'True' }] }),
      ['web-1', '0/1', 'Pending', '0', '5h', '<none>', '<none>', 'w2', '1/2'],
    ],
  ])('%s', (_name, obj, cells) => {
    expect(podPrinter.row(obj, NOW).cells).toEqual(cells);
  });

  it('marks finished pods with a Completed row condition', () => {
    expect(podPrinter.row(pod({}, { phase: 'Succeeded' }), NOW).conditions).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    expect(podPrinter.row(pod({}, { phase: 'Failed' }), NOW).conditions?.[0]?.reason).toBe('Failed');
    expect(podPrinter.row(pod({}, { phase: 'Running' }), NOW).conditions).toBeUndefined();
  });
});
