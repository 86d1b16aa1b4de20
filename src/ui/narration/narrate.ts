/**
 * Narration: the event stream retold in plain words, one line per burst of the same thing, grouped by
 * the component that did it ("replicaset-controller: 2 pods missing for web-7d4b9c, created
 * web-7d4b9c-x2k4q and -p9f7m"). Pure: events in, lines out.
 */
import type { EventRow } from './event-row.ts';

export interface NarrationLine {
  id: string;
  time: number;
  /** The component in its usual name (kube-scheduler, replicaset-controller, kubelet on worker-1). */
  who: string;
  text: string;
  warning: boolean;
}

/** Events this close together (virtual ms) with the same actor, reason and subject are told as one. */
const BURST_MS = 5000;

function who(e: EventRow): string {
  if (e.component === 'kubelet') return e.host ? `kubelet on ${e.host}` : 'kubelet';
  if (e.component === 'default-scheduler') return 'kube-scheduler';
  return e.component || 'cluster';
}

/** What a burst is about: the owner for controller events, the node for kubelet events. */
function subject(e: EventRow): string {
  switch (e.reason) {
    case 'SuccessfulCreate':
    case 'SuccessfulDelete':
    case 'ScalingReplicaSet':
      return `${e.kind}/${e.namespace}/${e.name}`;
    case 'Scheduled':
      return '';
    default:
      return e.component === 'kubelet' ? `${e.reason === 'Pulled' || e.reason === 'Started' || e.reason === 'Created' ? '' : e.name}` : `${e.kind}/${e.name}`;
  }
}

/** `a, b and c`; later names that share the first one's prefix are cut to their tail (`-p9f7m`). */
function list(names: string[]): string {
  if (names.length === 0) return '';
  const first = names[0]!;
  const dash = first.lastIndexOf('-');
  const prefix = dash > 0 ? first.slice(0, dash) : '';
  const short = names.map((n, i) => (i > 0 && prefix && n.startsWith(prefix + '-') ? n.slice(prefix.length) : n));
  const shown = short.length > 4 ? [...short.slice(0, 3), `${short.length - 3} more`] : short;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const after = (msg: string, marker: string) => {
  const i = msg.indexOf(marker);
  return i >= 0 ? msg.slice(i + marker.length).trim() : msg;
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One burst (same who, reason, subject) in plain words. */
function tell(burst: EventRow[]): string {
  const e = burst[0]!;
  const n = burst.length;
  switch (e.reason) {
    case 'SuccessfulCreate': {
      const created = burst.map((b) => after(b.message, ':'));
      return e.kind === 'ReplicaSet' || e.kind === 'StatefulSet' || e.kind === 'DaemonSet' || e.kind === 'Job' || e.kind === 'ReplicationController'
        ? `${plural(n, 'pod')} missing for ${e.name}, created ${list(created)}`
        : `created ${list(created)} for ${e.name}`;
    }
    case 'SuccessfulDelete':
      return `too many pods for ${e.name}, deleted ${list(burst.map((b) => after(b.message, ':')))}`;
    case 'ScalingReplicaSet':
      return `${e.name}: ${burst.map((b) => b.message.replace(/^Scaled/, 'scaled')).join('; ')}`;
    case 'Scheduled': {
      const placed = burst.map((b) => {
        const m = /assigned (\S+) to (\S+)/.exec(b.message);
        return m ? `${m[1]!.split('/').pop()} on ${m[2]}` : b.name;
      });
      return `placed ${list(placed)}`;
    }
    case 'FailedScheduling':
      return `cannot place ${e.name} yet: ${e.message}`;
    case 'Pulling':
      return `pulling ${after(e.message, 'image')} for ${list(burst.map((b) => b.name))}`;
    case 'Pulled':
      return `image ready for ${list(burst.map((b) => b.name))}`;
    case 'Created':
      return `created containers in ${list(burst.map((b) => b.name))}`;
    case 'Started':
      return `started ${list(burst.map((b) => b.name))}`;
    case 'Killing':
      return `stopping ${e.name} (${e.message})`;
    case 'BackOff':
      return `${e.name} keeps failing; waiting longer before each restart (${e.message})`;
    case 'Failed':
      return `${e.name}: ${e.message}`;
    case 'NodeNotReady':
      return `${e.name} stopped reporting; marked NotReady`;
    case 'NodeReady':
      return `${e.name} is Ready`;
    case 'TaintManagerEviction':
      return `${e.message.startsWith('Cancelling') ? 'no longer evicting' : 'evicting'} ${list(burst.map((b) => b.name))} from an unreachable node`;
    case 'Preempted':
      return `${e.name} was evicted to make room for a higher-priority pod`;
    case 'Completed':
      return `${e.name} finished its work`;
    case 'SawCompletedJob':
      return `saw job ${after(e.message, 'job:').split(',')[0]} finish`;
    default:
      return n > 1 ? `${e.reason} ×${n} on ${e.object}: ${e.message}` : `${e.reason} on ${e.object}: ${e.message}`;
  }
}

/** Plain-words lines from events (any order in), newest first. */
export function narrate(rows: readonly EventRow[], limit = 200): NarrationLine[] {
  const sorted = [...rows].sort((a, b) => a.first - b.first || (a.key < b.key ? -1 : 1));
  const lines: NarrationLine[] = [];
  let burst: EventRow[] = [];
  const flush = () => {
    const e = burst[0];
    if (!e) return;
    lines.push({ id: e.key, time: burst[burst.length - 1]!.first, who: who(e), text: tell(burst), warning: burst.some((b) => b.type === 'Warning') });
    burst = [];
  };
  for (const r of sorted) {
    const head = burst[0];
    if (head && (who(head) !== who(r) || head.reason !== r.reason || subject(head) !== subject(r) || r.first - head.first > BURST_MS)) flush();
    burst.push(r);
  }
  flush();
  return lines.reverse().slice(0, limit);
}
