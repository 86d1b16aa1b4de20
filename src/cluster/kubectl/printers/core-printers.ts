/**
 * Core tables without much logic (printers.go printEvent, printNamespace, printConfigMap, printSecret):
 * events LAST SEEN TYPE REASON OBJECT MESSAGE (wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME, in the
 * column order the server declares), namespaces NAME STATUS AGE, configmaps NAME DATA AGE, secrets NAME
 * TYPE DATA AGE.
 */
import type { KubeObject } from '../../api/types.ts';
import { ageCol, col, nameCol, type Printer } from './table.ts';
import { translateTimestampSince } from './human-duration.ts';
import { field, int, str } from './format.ts';

export const eventPrinter: Printer = {
  columns: [
    col('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    col('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
    col('Reason', 'string', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    col('Object', 'string', 'The object that this event is about.'),
    col('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].', 1),
    col('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', 1),
    col('Message', 'string', 'A human-readable description of the status of this operation.'),
    col('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
    col('Count', 'string', 'The number of times this event has occurred.', 1),
    nameCol(1),
  ],
  row: (ev, nowMs) => {
    let first = translateTimestampSince(str(ev.firstTimestamp), nowMs);
    if (!ev.firstTimestamp) first = translateTimestampSince(str(ev.eventTime), nowMs);
    let last = ev.lastTimestamp ? translateTimestampSince(str(ev.lastTimestamp), nowMs) : first;
    let count = int(ev.count);
    const series = ev.series as { count?: number; lastObservedTime?: string } | undefined;
    if (series) {
      last = translateTimestampSince(series.lastObservedTime, nowMs);
      count = int(series.count);
    } else if (count === 0) {
      count = 1; // singleton events of the events.k8s.io API carry no count
    }
    const involved = (ev.involvedObject ?? {}) as { kind?: string; name?: string; fieldPath?: string };
    const kind = (involved.kind ?? '').toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    const source = (ev.source ?? {}) as { component?: string; host?: string };
    const component = source.component || str(ev.reportingComponent);
    const instance = source.host || str(ev.reportingInstance);
    return {
      cells: [
        last,
        str(ev.type),
        str(ev.reason),
        target,
        involved.fieldPath ?? '',
        instance ? `${component}, ${instance}` : component,
        str(ev.message).trim(),
        first,
        count,
        ev.metadata.name ?? '',
      ],
    };
  },
};

export const namespacePrinter: Printer = {
  columns: [nameCol(), col('Status', 'string', 'The status of the namespace'), ageCol()],
  row: (ns, nowMs) => ({ cells: [ns.metadata.name ?? '', str(field(ns, 'status', 'phase')), translateTimestampSince(ns.metadata.creationTimestamp, nowMs)] }),
};

function keyCount(v: unknown): number {
  return v !== null && typeof v === 'object' ? Object.keys(v).length : 0;
}

export const configMapPrinter: Printer = {
  columns: [nameCol(), col('Data', 'integer', 'Data contains the configuration data.'), ageCol()],
  row: (cm: KubeObject, nowMs) => ({ cells: [cm.metadata.name ?? '', keyCount(cm.data) + keyCount(cm.binaryData), translateTimestampSince(cm.metadata.creationTimestamp, nowMs)] }),
};

export const secretPrinter: Printer = {
  columns: [nameCol(), col('Type', 'string', 'Used to facilitate programmatic handling of secret data.'), col('Data', 'integer', 'Data contains the secret data.'), ageCol()],
  row: (s, nowMs) => ({ cells: [s.metadata.name ?? '', str(s.type), keyCount(s.data), translateTimestampSince(s.metadata.creationTimestamp, nowMs)] }),
};
