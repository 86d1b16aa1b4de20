/**
 * client-go's event recorder: every action a component takes is written as a core/v1 Event, named and
 * worded as Kubernetes writes them, so `kubectl get events` and the page's event stream are the same
 * thing. Repeats of the same event (same object, reason, message, source) bump `count` and
 * `lastTimestamp` instead of creating a new object, as the EventCorrelator does.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import { rfc3339 } from '../sim/clock.ts';
import { isApiError } from '../api/errors.ts';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

export interface InvolvedObject {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export function involvedObjectOf(obj: KubeObject, fieldPath?: string): InvolvedObject {
  const ref: InvolvedObject = { kind: obj.kind, name: obj.metadata.name ?? '', apiVersion: obj.apiVersion };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata.uid) ref.uid = obj.metadata.uid;
  if (obj.metadata.resourceVersion) ref.resourceVersion = obj.metadata.resourceVersion;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

/**
 * The last event timestamp (in nanoseconds) handed out per API server, shared by every recorder: two
 * components recording about the same object in the same virtual millisecond must not pick the same name.
 */
const lastNanosByServer = new WeakMap<ApiServer, bigint>();

export class EventRecorder {
  private seen = new Map<string, { name: string; namespace: string; count: number }>();

  constructor(
    private readonly api: ApiServer,
    private readonly source: EventSource,
    private readonly actor: Actor,
  ) {}

  /** Records an event about `obj` (an object, or a reference to one). Never throws. */
  event(obj: KubeObject | InvolvedObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const ref = 'metadata' in obj ? involvedObjectOf(obj as KubeObject, fieldPath) : (obj as InvolvedObject);
    const namespace = ref.namespace || 'default';
    const now = this.api.clock.now();
    const ts = rfc3339(now);
    const key = [this.source.component, this.source.host ?? '', ref.kind, namespace, ref.name, ref.uid ?? '', ref.fieldPath ?? '', type, reason, message].join('\u0000');
    const req = { group: '', resource: 'events', namespace };
    const prior = this.seen.get(key);
    try {
      if (prior) {
        prior.count++;
        this.api.patch(req, prior.name, 'merge', { count: prior.count, lastTimestamp: ts }, { actor: this.actor });
        return;
      }
      // kube names events `<object>.<UnixNano in hex>`; nanos are made unique per recorder.
      // BigInt: Unix nanoseconds are past 2^53, where `+ 1` on a float would be lost.
      const nanos0 = BigInt(now) * 1_000_000n;
      const last = lastNanosByServer.get(this.api) ?? 0n;
      const nanos = nanos0 > last ? nanos0 : last + 1n;
      lastNanosByServer.set(this.api, nanos);
      const name = `${ref.name}.${nanos.toString(16)}`;
      this.api.create(
        req,
        {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          involvedObject: ref,
          reason,
          message,
          source: this.source.host ? { component: this.source.component, host: this.source.host } : { component: this.source.component },
          firstTimestamp: ts,
          lastTimestamp: ts,
          count: 1,
          type,
          eventTime: null,
          reportingComponent: this.source.component,
          reportingInstance: this.source.host ?? '',
        },
        { actor: this.actor },
      );
      this.seen.set(key, { name, namespace, count: 1 });
      if (this.seen.size > 4096) this.seen.delete(this.seen.keys().next().value!);
    } catch (e) {
      // An event that cannot be written (its namespace is going away, it was deleted) is dropped, as
      // client-go drops it; a missing prior event is re-created next time.
      if (prior && isApiError(e) && e.code === 404) this.seen.delete(key);
    }
  }
}
