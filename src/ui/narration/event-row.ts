/**
 * Event objects as the page lists them: core/v1 Events (and events.k8s.io ones) reduced to the columns
 * `kubectl get events` prints, with the time they were last seen for sorting.
 */
import type { KubeObject } from '../../cluster/api/types.ts';

export interface EventRow {
  key: string;
  /** Last seen, ms since the epoch. */
  last: number;
  first: number;
  type: string;
  reason: string;
  /** `pod/web-7d4b9c-x2k4q`, as kubectl prints OBJECT. */
  object: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  message: string;
  count: number;
  /** Who reported it: `replicaset-controller`, `default-scheduler`, `kubelet`. */
  component: string;
  host: string;
}

function ms(t: unknown): number {
  if (typeof t !== 'string' || !t) return 0;
  const v = Date.parse(t);
  return Number.isNaN(v) ? 0 : v;
}

interface EventShape {
  involvedObject?: { kind?: string; namespace?: string; name?: string; uid?: string };
  regarding?: { kind?: string; namespace?: string; name?: string; uid?: string };
  reason?: string;
  message?: string;
  note?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string; host?: string };
  reportingController?: string;
  reportingComponent?: string;
  reportingInstance?: string;
}

export function eventRow(key: string, obj: KubeObject): EventRow {
  const e = obj as unknown as EventShape;
  const ref = e.involvedObject ?? e.regarding ?? {};
  const kind = ref.kind ?? '';
  const last = ms(e.series?.lastObservedTime) || ms(e.lastTimestamp) || ms(e.eventTime) || ms(obj.metadata.creationTimestamp);
  return {
    key,
    last,
    first: ms(e.firstTimestamp) || ms(e.eventTime) || last,
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    object: `${kind.toLowerCase()}/${ref.name ?? ''}`,
    kind,
    namespace: ref.namespace ?? obj.metadata.namespace ?? '',
    name: ref.name ?? '',
    uid: ref.uid ?? '',
    message: e.message ?? e.note ?? '',
    count: e.series?.count ?? e.count ?? 1,
    component: e.source?.component ?? e.reportingController ?? e.reportingComponent ?? '',
    host: e.source?.host ?? e.reportingInstance ?? '',
  };
}

/** Every event in the mirror, newest first. */
export function eventRows(objects: ReadonlyMap<string, KubeObject>): EventRow[] {
  const rows: EventRow[] = [];
  for (const [k, o] of objects) if (k.startsWith('/registry/events/')) rows.push(eventRow(k, o));
  return rows.sort((a, b) => b.last - a.last || (a.key < b.key ? 1 : -1));
}
