/**
 * SchedulingGates: a pod with spec.schedulingGates stays out of activeQ until every gate is removed.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, PreEnqueuePlugin } from '../../framework/interfaces.ts';
import { newStatus, type MaybeStatus } from '../../framework/status.ts';
import * as names from '../../names.ts';

export const NAME = names.SchedulingGates;

export class SchedulingGates implements PreEnqueuePlugin, EnqueueExtensions {
  readonly name = NAME;

  preEnqueue(pod: IPod): MaybeStatus {
    const gates = pod.spec?.schedulingGates ?? [];
    if (gates.length === 0) return null;
    return newStatus('UnschedulableAndUnresolvable', `waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`);
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [{ event: { resource: 'UnscheduledPod', actions: ['UpdatePodSchedulingGatesEliminated'] } }];
  }
}

new SchedulingGates() satisfies PreEnqueuePlugin & EnqueueExtensions;
