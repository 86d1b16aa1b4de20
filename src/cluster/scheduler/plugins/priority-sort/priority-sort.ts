/**
 * PrioritySort: the queue order. Higher spec.priority first; equal priority, the pod queued earlier.
 */
import type { QueuedPodInfo, QueueSortPlugin } from '../../framework/interfaces.ts';
import * as names from '../../names.ts';

export const NAME = names.PrioritySort;

export class PrioritySort implements QueueSortPlugin {
  readonly name = NAME;

  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
    const p1 = a.podInfo.priority;
    const p2 = b.podInfo.priority;
    return p1 > p2 || (p1 === p2 && a.timestamp < b.timestamp);
  }
}

new PrioritySort() satisfies QueueSortPlugin;
