/**
 * The pieces every kubectl describer shares (k8s.io/kubectl/pkg/describe): a prefix writer whose
 * levels indent by two spaces and whose tab-separated cells are aligned by a tabwriter with padding 2,
 * multi-line label and annotation blocks, RFC 1123 times, and the Events section.
 */
import type { KubeObject } from '../../api/types.ts';
import type { ApiServer } from '../../api/api-server.ts';
import { translateTimestampSince } from '../printers/human-duration.ts';
import { KUBECTL_USER } from './kubectl-context.ts';
import { DESCRIBE_TABS, tabwrite } from './tabwriter.ts';
import { LAST_APPLIED_ANNOTATION } from '../apply.ts';

export class DescribeWriter {
  private text = '';
  /** Writes `format` at `level` (each level indents two spaces). */
  write(level: number, line: string): void {
    this.text += '  '.repeat(level) + line;
  }
  line(level: number, line: string): void {
    this.write(level, line + '\n');
  }
  /** `Labels:\ta=b\n\tc=d`: one key per line, `<none>` when empty. */
  multiline(level: number, title: string, map: Readonly<Record<string, string>> | undefined, skip: ReadonlySet<string> = new Set(), sep = '='): void {
    const keys = Object.keys(map ?? {})
      .filter((k) => !skip.has(k))
      .sort();
    this.write(level, `${title}:\t`);
    if (keys.length === 0) {
      this.text += '<none>\n';
      return;
    }
    keys.forEach((k, i) => {
      if (i > 0) this.write(level, '\t');
      this.text += `${k}${sep}${map![k]}\n`;
    });
  }
  annotations(level: number, obj: KubeObject): void {
    this.multiline(level, 'Annotations', obj.metadata.annotations, new Set([LAST_APPLIED_ANNOTATION]), ': ');
  }
  toString(): string {
    return tabwrite(this.text, DESCRIBE_TABS);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Thu, 01 Jan 2026 00:00:05 +0000`. */
export function rfc1123z(timestamp: string | undefined): string {
  if (!timestamp) return '<unset>';
  const d = new Date(Date.parse(timestamp));
  if (Number.isNaN(d.getTime())) return '<unset>';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

interface EventLike extends KubeObject {
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string };
  reportingComponent?: string;
}

/** The Events section: events about `obj`, oldest first, as DescribeEvents prints them. */
export function describeEvents(w: DescribeWriter, api: ApiServer, obj: KubeObject): void {
  const ns = obj.metadata.namespace;
  const all = api.list({ group: '', resource: 'events', ...(ns ? { namespace: ns } : {}) }, {}, KUBECTL_USER).items as EventLike[];
  const events = all
    .filter((e) => e.involvedObject?.name === obj.metadata.name && e.involvedObject?.kind === obj.kind && (!e.involvedObject?.uid || !obj.metadata.uid || e.involvedObject.uid === obj.metadata.uid))
    .sort((a, b) => Date.parse(a.lastTimestamp ?? a.eventTime ?? '') - Date.parse(b.lastTimestamp ?? b.eventTime ?? ''));
  if (events.length === 0) {
    w.line(0, 'Events:\t<none>');
    return;
  }
  const now = api.clock.now();
  w.line(0, 'Events:');
  w.line(1, 'Type\tReason\tAge\tFrom\tMessage');
  w.line(1, '----\t------\t----\t----\t-------');
  for (const e of events) {
    const count = e.count ?? 1;
    const age =
      count > 1
        ? `${translateTimestampSince(e.lastTimestamp, now)} (x${count} over ${translateTimestampSince(e.firstTimestamp, now)})`
        : translateTimestampSince(e.firstTimestamp ?? e.eventTime, now);
    const from = e.source?.component || e.reportingComponent || '';
    w.line(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${age}\t${from}\t${(e.message ?? '').trim()}`);
  }
}
