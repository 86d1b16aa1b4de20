/**
 * NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods tolerating
 * `node.kubernetes.io/unschedulable:NoSchedule`.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { newStatus, type MaybeStatus } from '../../framework/status.ts';
import { tolerationsTolerateTaint } from '../../framework/taints.ts';
import * as names from '../../names.ts';

export const NAME = names.NodeUnschedulable;
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } as const;
const REJECT = newStatus('UnschedulableAndUnresolvable', ERR_REASON_UNSCHEDULABLE);

export class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {
  readonly name = NAME;

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    if (!nodeInfo.unschedulable) return null;
    if (tolerationsTolerateTaint(pod.pod.spec?.tolerations, UNSCHEDULABLE_TAINT)) return null;
    return REJECT;
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      {
        event: { resource: 'Node', actions: ['Add', 'UpdateNodeTaint'] },
        hint: (_pod: IPod, _old, newObj) => ((newObj as INode | undefined)?.spec?.unschedulable ? 'QueueSkip' : 'Queue'),
      },
      { event: { resource: 'UnscheduledPod', actions: ['UpdatePodTolerations'] } },
    ];
  }
}

new NodeUnschedulable() satisfies FilterPlugin & EnqueueExtensions;
