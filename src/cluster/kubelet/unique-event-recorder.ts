/**
 * WORKAROUND (remove once client/event-recorder.ts is fixed): EventRecorder makes event names unique
 * with `Math.max(now * 1e6, lastNanos + 1)` in floating point, where at 1.7e18 ns the `+ 1` is lost
 * (doubles are 256 apart there), so two events recorded in the same virtual millisecond get the same
 * name and the second is silently dropped as AlreadyExists. A kubelet records several at once (Created
 * and Started), so this subclass moves the recorder's counter by a representable step first.
 */
import { EventRecorder, type EventType, type InvolvedObject } from '../client/event-recorder.ts';
import type { KubeObject } from '../api/types.ts';

export class UniqueEventRecorder extends EventRecorder {
  override event(obj: KubeObject | InvolvedObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const self = this as unknown as { lastNanos: unknown };
    if (typeof self.lastNanos === 'number') self.lastNanos += 1024;
    super.event(obj, type, reason, message, fieldPath);
  }
}
