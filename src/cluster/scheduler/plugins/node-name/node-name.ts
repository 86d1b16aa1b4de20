/**
 * NodeName: a pod that names a node (spec.nodeName) fits only that node.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { newStatus, type MaybeStatus } from '../../framework/status.ts';
import * as names from '../../names.ts';

export const NAME = names.NodeName;
export const ERR_REASON = "node(s) didn't match the requested node name";

const REJECT = newStatus('UnschedulableAndUnresolvable', ERR_REASON);

export class NodeName implements FilterPlugin, EnqueueExtensions {
  readonly name = NAME;

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    const want = pod.pod.spec?.nodeName;
    if (!want || want === nodeInfo.name) return null;
    return REJECT;
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      {
        event: { resource: 'Node', actions: ['Add', 'Update'] },
        hint: (pod: IPod, _old, newObj) => ((newObj as INode | undefined)?.metadata?.name === pod.spec?.nodeName ? 'Queue' : 'QueueSkip'),
      },
    ];
  }
}

new NodeName() satisfies FilterPlugin & EnqueueExtensions;
