/**
 * NodePorts: a pod asking for a hostPort fits only nodes where that (ip, protocol, port) is free;
 * 0.0.0.0 on either side conflicts with every ip.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, PreFilterPlugin, PreFilterResult } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { newStatus, SKIP, type MaybeStatus } from '../../framework/status.ts';
import * as names from '../../names.ts';

export const NAME = names.NodePorts;
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

const REJECT = newStatus('Unschedulable', ERR_REASON);

export class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  readonly name = NAME;

  preFilter(_state: CycleState, pod: PodInfo): { result?: PreFilterResult; status: MaybeStatus } {
    return { status: pod.hostPorts.length === 0 ? SKIP : null };
  }

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): MaybeStatus {
    for (const p of pod.hostPorts) if (nodeInfo.portConflict(p)) return REJECT;
    return null;
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      {
        event: { resource: 'AssignedPod', actions: ['Delete'] },
        hint: (_pod: IPod, oldObj) =>
          (oldObj as IPod | undefined)?.spec?.containers?.some((c) => c.ports?.some((p) => (p.hostPort ?? 0) > 0)) ? 'Queue' : 'QueueSkip',
      },
      { event: { resource: 'Node', actions: ['Add', 'Update'] } },
    ];
  }
}

new NodePorts() satisfies PreFilterPlugin & FilterPlugin & EnqueueExtensions;
