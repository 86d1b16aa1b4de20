/**
 * MarkPodsNotReady (k/k pkg/controller/util/node): when a node stops being Ready, every pod on it that
 * has a Ready condition gets Ready=False through pods/status — so Services stop sending it traffic —
 * and a Warning `NodeNotReady` `Node is not ready` event.
 */
import type { KubeObject } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { isApiError } from '../../api/errors.ts';
import type { Client } from '../../client/client.ts';
import type { EventRecorder } from '../../client/event-recorder.ts';
import type { PodCondition } from './node-types.ts';
import { podNodeName } from './node-types.ts';

/** Marks `pods` on `nodeName` not ready. Returns how many writes failed (other than a vanished pod). */
export function markPodsNotReady(
  client: Client,
  recorder: EventRecorder,
  pods: readonly KubeObject[],
  nodeName: string,
  nowRfc3339: string,
): number {
  let failed = 0;
  for (const pod of pods) {
    if (podNodeName(pod) !== nodeName) continue;
    const conditions = (pod.status as { conditions?: PodCondition[] } | undefined)?.conditions ?? [];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const next = clone(pod);
    const c = (next.status as { conditions: PodCondition[] }).conditions.find((x) => x.type === 'Ready')!;
    c.status = 'False';
    c.lastTransitionTime = nowRfc3339;
    try {
      client.updateStatus(next);
    } catch (e) {
      if (isApiError(e) && e.code === 404) continue;
      failed++;
      continue;
    }
    recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
  return failed;
}
