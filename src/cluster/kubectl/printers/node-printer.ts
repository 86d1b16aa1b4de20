/**
 * `kubectl get nodes`: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE
 * KERNEL-VERSION CONTAINER-RUNTIME (printers.go printNode). STATUS is `Ready`/`NotReady` from the Ready
 * condition (`Unknown` with none), plus `,SchedulingDisabled` when cordoned; ROLES come from
 * `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`, sorted, else `<none>`.
 */
import type { KubeObject } from '../../api/types.ts';
import { ageCol, col, nameCol, type Printer } from './table.ts';
import { translateTimestampSince } from './human-duration.ts';
import { arr, field, str } from './format.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export const nodePrinter: Printer = {
  columns: [
    nameCol(),
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    ageCol(),
    col('Version', 'string', 'Kubelet Version reported by the node.'),
    col('Internal-IP', 'string', 'List of addresses reachable to the node.', 1),
    col('External-IP', 'string', 'List of addresses reachable to the node.', 1),
    col('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
    col('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
    col('Container-Runtime', 'string', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', 1),
  ],
  row: (node: KubeObject, nowMs: number) => {
    const conditions = arr<{ type: string; status: string }>(field(node, 'status', 'conditions'));
    const status: string[] = [];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
    if (status.length === 0) status.push('Unknown');
    if (field(node, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
    const roles = nodeRoles(node.metadata.labels ?? {});
    const info = (field(node, 'status', 'nodeInfo') ?? {}) as Record<string, unknown>;
    return {
      cells: [
        node.metadata.name ?? '',
        status.join(','),
        roles.length > 0 ? roles.join(',') : '<none>',
        translateTimestampSince(node.metadata.creationTimestamp, nowMs),
        str(info.kubeletVersion),
        nodeAddress(node, 'InternalIP'),
        nodeAddress(node, 'ExternalIP'),
        str(info.osImage) || '<unknown>',
        str(info.kernelVersion) || '<unknown>',
        str(info.containerRuntimeVersion) || '<unknown>',
      ],
    };
  },
};

/** findNodeRoles: the sorted, de-duplicated roles a node's labels declare. */
export function nodeRoles(labels: Readonly<Record<string, string>>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

function nodeAddress(node: KubeObject, type: string): string {
  const a = arr<{ type: string; address: string }>(field(node, 'status', 'addresses')).find((x) => x.type === type);
  return a?.address ?? '<none>';
}
