import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { printerFor, toTable } from './printers.ts';

const NOW = Date.UTC(2026, 0, 1, 5, 0, 0);
const CREATED = '2026-01-01T00:00:00Z';

function obj(apiVersion: string, kind: string, fields: Record<string, unknown>, meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion, kind, metadata: { name: 'x', namespace: 'default', creationTimestamp: CREATED, ...meta }, ...fields };
}

const template = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }] } };

/** [group, resource, column names (priority 0 then 1), object, cells]. */
const CASES: Array<[string, string, string[], KubeObject, unknown[]]> = [
  [
    '',
    'nodes',
    ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
    obj(
      'v1',
      'Node',
      {
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'Unknown' }], addresses: [{ type: 'InternalIP', address: '172.18.0.2' }], nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0', containerRuntimeVersion: 'containerd://1.7.18' } },
      },
      { labels: { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/b': '', 'kubernetes.io/role': 'a' }, namespace: undefined },
    ),
    ['x', 'NotReady,SchedulingDisabled', 'a,b,control-plane', '5h', 'v1.32.0', '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.8.0', 'containerd://1.7.18'],
  ],
  ['', 'nodes', [], obj('v1', 'Node', {}), ['x', 'Unknown', '<none>', '5h', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']],
  [
    'apps',
    'deployments',
    ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector'],
    obj('apps/v1', 'Deployment', { spec: { replicas: 3, selector: { matchLabels: { app: 'web', tier: 'fe' } }, template }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } }),
    ['x', '2/3', 3, 2, '5h', 'nginx,side', 'nginx:1.27,busybox', 'app=web,tier=fe'],
  ],
  [
    'apps',
    'replicasets',
    ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers', 'Images', 'Selector'],
    obj('apps/v1', 'ReplicaSet', { spec: { replicas: 2, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['a', 'b'] }] }, template }, status: { replicas: 2 } }),
    ['x', 2, 2, 0, '5h', 'nginx,side', 'nginx:1.27,busybox', 'app=web,env in (a,b)'],
  ],
  ['apps', 'statefulsets', ['Name', 'Ready', 'Age', 'Containers', 'Images'], obj('apps/v1', 'StatefulSet', { spec: { replicas: 3, template }, status: { readyReplicas: 1 } }), ['x', '1/3', '5h', 'nginx,side', 'nginx:1.27,busybox']],
  [
    'apps',
    'daemonsets',
    ['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers', 'Images', 'Selector'],
    obj('apps/v1', 'DaemonSet', { spec: { selector: { matchLabels: { app: 'ds' } }, template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 } }),
    ['x', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '5h', 'nginx,side', 'nginx:1.27,busybox', 'app=ds'],
  ],
  [
    'batch',
    'jobs',
    ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector'],
    obj('batch/v1', 'Job', { spec: { completions: 3, template }, status: { succeeded: 3, startTime: '2026-01-01T00:00:00Z', completionTime: '2026-01-01T00:00:42Z', conditions: [{ type: 'Complete', status: 'True' }] } }),
    ['x', 'Complete', '3/3', '42s', '5h', 'nginx,side', 'nginx:1.27,busybox', '<none>'],
  ],
  ['batch', 'jobs', [], obj('batch/v1', 'Job', { spec: { parallelism: 2, template }, status: { startTime: '2026-01-01T04:59:00Z' } }), ['x', 'Running', '0/1 of 2', '60s', '5h', 'nginx,side', 'nginx:1.27,busybox', '<none>']],
  [
    'batch',
    'cronjobs',
    ['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', 'Containers', 'Images', 'Selector'],
    obj('batch/v1', 'CronJob', { spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template } } }, status: { active: [{ name: 'a' }], lastScheduleTime: '2026-01-01T04:55:00Z' } }),
    ['x', '*/5 * * * *', '<none>', 'False', 1, '5m', '5h', 'nginx,side', 'nginx:1.27,busybox', '<none>'],
  ],
  [
    '',
    'services',
    ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector'],
    obj('v1', 'Service', { spec: { type: 'NodePort', clusterIPs: ['10.96.4.2'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }], selector: { app: 'web' } } }),
    ['x', 'NodePort', '10.96.4.2', '<none>', '80:30080/TCP,53/UDP', '5h', 'app=web'],
  ],
  ['', 'services', [], obj('v1', 'Service', { spec: { type: 'LoadBalancer', clusterIPs: ['10.96.4.3'], ports: [] } }), ['x', 'LoadBalancer', '10.96.4.3', '<pending>', '<none>', '5h', '<none>']],
  ['', 'services', [], obj('v1', 'Service', { spec: { type: 'ExternalName', externalName: 'example.com' } }), ['x', 'ExternalName', '<none>', 'example.com', '<none>', '5h', '<none>']],
  [
    '',
    'endpoints',
    ['Name', 'Endpoints', 'Age'],
    obj('v1', 'Endpoints', { subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }, { ip: '10.0.0.4' }], ports: [{ port: 80 }] }] }),
    ['x', '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...', '5h'],
  ],
  ['', 'endpoints', [], obj('v1', 'Endpoints', {}), ['x', '<none>', '5h']],
  [
    '',
    'events',
    ['Last Seen', 'Type', 'Reason', 'Object', 'Message', 'Subobject', 'Source', 'First Seen', 'Count', 'Name'],
    obj('v1', 'Event', {
      involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulling',
      message: 'Pulling image "nginx"  ',
      type: 'Normal',
      source: { component: 'kubelet', host: 'worker-1' },
      firstTimestamp: '2026-01-01T04:00:00Z',
      lastTimestamp: '2026-01-01T04:59:30Z',
      count: 4,
    }),
    ['30s', 'Normal', 'Pulling', 'pod/web-1', 'Pulling image "nginx"', 'spec.containers{nginx}', 'kubelet, worker-1', '60m', 4, 'x'],
  ],
  ['', 'namespaces', ['Name', 'Status', 'Age'], obj('v1', 'Namespace', { status: { phase: 'Terminating' } }), ['x', 'Terminating', '5h']],
  ['', 'configmaps', ['Name', 'Data', 'Age'], obj('v1', 'ConfigMap', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }), ['x', 3, '5h']],
  ['', 'secrets', ['Name', 'Type', 'Data', 'Age'], obj('v1', 'Secret', { type: 'Opaque', data: { a: 'MQ==' } }), ['x', 'Opaque', 1, '5h']],
  [
    '',
    'persistentvolumeclaims',
    ['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode'],
    obj('v1', 'PersistentVolumeClaim', { spec: { volumeName: 'pv-1', storageClassName: 'standard', volumeMode: 'Filesystem' }, status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] } }),
    ['x', 'Bound', 'pv-1', '1Gi', 'RWO,RWX', 'standard', '<unset>', '5h', 'Filesystem'],
  ],
  [
    '',
    'persistentvolumes',
    ['Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age', 'VolumeMode'],
    obj('v1', 'PersistentVolume', { spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', claimRef: { namespace: 'default', name: 'data' }, storageClassName: 'standard' }, status: { phase: 'Bound' } }),
    ['x', '10Gi', 'RWO', 'Delete', 'Bound', 'default/data', 'standard', '<unset>', '', '5h', '<unset>'],
  ],
  [
    'autoscaling',
    'horizontalpodautoscalers',
    ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age'],
    obj('autoscaling/v2', 'HorizontalPodAutoscaler', {
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
      status: { currentReplicas: 2 },
    }),
    ['x', 'Deployment/web', 'cpu: <unknown>/50%', '1', 10, 2, '5h'],
  ],
  ['', 'limitranges', ['Name', 'Created At'], obj('v1', 'LimitRange', {}), ['x', '2026-01-01T00:00:00Z']],
  ['coordination.k8s.io', 'ingresses-unknown', ['Name', 'Age'], obj('v1', 'Thing', {}), ['x', '5h']],
];

describe('printers', () => {
  it.each(CASES)('%s/%s', (group, resource, columns, o, cells) => {
    const p = printerFor(group, resource);
    if (columns.length > 0) {
      const ordered = [...p.columns.filter((c) => c.priority === 0), ...p.columns.filter((c) => c.priority === 1)].map((c) => c.name);
      expect(ordered).toEqual(columns);
    }
    const row = p.row(o, NOW).cells;
    // Cells follow the declared column order.
    const byName = Object.fromEntries(p.columns.map((c, i) => [c.name, row[i]]));
    const orderedCells = [...p.columns.filter((c) => c.priority === 0), ...p.columns.filter((c) => c.priority === 1)].map((c) => byName[c.name]);
    expect(orderedCells).toEqual(cells);
    expect(row).toHaveLength(p.columns.length);
  });

  it('builds a Table with PartialObjectMetadata rows by default', () => {
    const cm = obj('v1', 'ConfigMap', { data: { a: '1' } }, { labels: { app: 'x' } });
    const t = toTable(printerFor('', 'configmaps'), [cm], NOW, { resourceVersion: '42' });
    expect(t).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '42' } });
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(t.rows[0]).toEqual({ cells: ['x', 1, '5h'], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: cm.metadata } });
    expect(toTable(printerFor('', 'configmaps'), [cm], NOW, { includeObject: 'Object' }).rows[0]!.object).toBe(cm);
    expect(toTable(printerFor('', 'configmaps'), [cm], NOW, { includeObject: 'None' }).rows[0]!.object).toBeUndefined();
    expect(toTable(printerFor('', 'configmaps'), [cm], NOW, { noHeaders: true }).columnDefinitions).toEqual([]);
  });
});
