import { memo, useMemo, useState } from 'react';
import { useThrottledCluster } from '../state/use-throttled.ts';
import { eventRows, type EventRow } from '../narration/event-row.ts';
import { humanDuration } from '../format/human-duration.ts';
import { useUi } from '../state/ui-store.ts';
import type { ClusterState } from '../state/cluster-store.ts';

const MAX_ROWS = 300;

const selectRows = (s: ClusterState) => ({ rows: eventRows(s.objects), now: s.time });

/** Which store key an event's object lives at, so a click on a row selects it. */
export function keyOfInvolved(r: Pick<EventRow, 'kind' | 'namespace' | 'name'>): string | undefined {
  switch (r.kind) {
    case 'Pod':
      return `/registry/pods/${r.namespace}/${r.name}`;
    case 'Node':
      return `/registry/minions/${r.name}`;
    case 'Deployment':
      return `/registry/deployments/${r.namespace}/${r.name}`;
    case 'ReplicaSet':
      return `/registry/replicasets/${r.namespace}/${r.name}`;
    case 'StatefulSet':
      return `/registry/statefulsets/${r.namespace}/${r.name}`;
    case 'DaemonSet':
      return `/registry/daemonsets/${r.namespace}/${r.name}`;
    case 'Job':
      return `/registry/jobs/${r.namespace}/${r.name}`;
    case 'CronJob':
      return `/registry/cronjobs/${r.namespace}/${r.name}`;
    default:
      return undefined;
  }
}

/** Rows matching a free-text filter (any column) and a type filter. */
export function filterEvents(rows: readonly EventRow[], text: string, warningsOnly: boolean): EventRow[] {
  const q = text.trim().toLowerCase();
  return rows.filter((r) => (!warningsOnly || r.type === 'Warning') && (!q || `${r.type} ${r.reason} ${r.object} ${r.message} ${r.namespace}`.toLowerCase().includes(q)));
}

/** `kubectl get events`, newest first: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE. */
export const EventsPanel = memo(function EventsPanel() {
  const { rows, now } = useThrottledCluster(selectRows, 250);
  const [text, setText] = useState('');
  const [warningsOnly, setWarningsOnly] = useState(false);
  const shown = useMemo(() => filterEvents(rows, text, warningsOnly), [rows, text, warningsOnly]);
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="events-panel">
      <div className="flex shrink-0 items-center gap-2 border-b border-edge px-3 py-1.5">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Filter events (reason, object, message)…"
          aria-label="Filter events"
          className="w-72 rounded border border-edge bg-panel px-2 py-0.5 text-xs outline-none focus:border-accent"
        />
        <label className="flex items-center gap-1 text-xs text-muted">
          <input type="checkbox" checked={warningsOnly} onChange={(e) => setWarningsOnly(e.target.checked)} />
          Warnings only
        </label>
        <span className="ml-auto text-xs text-muted">
          {shown.length} of {rows.length} events
        </span>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {rows.length === 0 ? (
          <p className="p-3 text-xs text-muted">No events yet. Components write an Event for everything they do: apply a manifest and watch them arrive.</p>
        ) : (
          <table className="w-full border-collapse font-mono text-[11px]">
            <thead className="sticky top-0 whitespace-nowrap bg-panel text-left text-muted">
              <tr>
                <th className="w-20 px-3 py-1 font-normal">LAST SEEN</th>
                <th className="w-16 px-2 py-1 font-normal">TYPE</th>
                <th className="w-40 px-2 py-1 font-normal">REASON</th>
                <th className="w-64 px-2 py-1 font-normal">OBJECT</th>
                <th className="px-2 py-1 font-normal">MESSAGE</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, MAX_ROWS).map((r) => {
                const key = keyOfInvolved(r);
                return (
                  <tr
                    key={r.key}
                    data-testid="event-row"
                    data-reason={r.reason}
                    data-type={r.type}
                    className={`border-t border-edge/60 ${key ? 'cursor-pointer hover:bg-raised' : ''}`}
                    onClick={() => key && useUi.getState().select(key)}
                  >
                    <td className="whitespace-nowrap px-3 py-0.5 text-muted">
                      {humanDuration(now - r.last)}
                      {r.count > 1 ? ` (x${r.count})` : ''}
                    </td>
                    <td className={`px-2 py-0.5 ${r.type === 'Warning' ? 'text-bad' : 'text-muted'}`}>{r.type}</td>
                    <td className={`px-2 py-0.5 ${r.type === 'Warning' ? 'text-bad' : ''}`}>{r.reason}</td>
                    <td className="max-w-64 truncate px-2 py-0.5" title={r.object}>
                      {r.object}
                    </td>
                    <td className="px-2 py-0.5 whitespace-pre-wrap break-words">{r.message}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
});
