import { memo, useMemo } from 'react';
import { useThrottledCluster } from '../state/use-throttled.ts';
import { eventRows } from '../narration/event-row.ts';
import { narrate } from '../narration/narrate.ts';
import { formatElapsed } from '../format-clock.ts';
import type { ClusterState } from '../state/cluster-store.ts';

const select = (s: ClusterState) => ({ rows: eventRows(s.objects), start: s.startTime });

const WHO_COLOUR: Record<string, string> = {
  'kube-scheduler': 'text-verb-bind',
  'deployment-controller': 'text-verb-update',
  'replicaset-controller': 'text-verb-create',
};

/** Who did what and why, in plain words, newest first. */
export const NarrationPanel = memo(function NarrationPanel() {
  const { rows, start } = useThrottledCluster(select, 400);
  const lines = useMemo(() => narrate(rows), [rows]);
  if (lines.length === 0) return <p className="p-3 text-xs text-muted">Nothing has happened yet. Drop a manifest and this will tell the story: which component noticed what, and what it did about it.</p>;
  return (
    <ol className="h-full overflow-auto px-3 py-1.5 text-xs" data-testid="narration">
      {lines.map((l) => (
        <li key={l.id} className="flex gap-2 py-0.5">
          <span className="w-12 shrink-0 font-mono text-muted tabular-nums">{formatElapsed(l.time - start)}</span>
          <span className={`w-52 shrink-0 truncate font-mono ${WHO_COLOUR[l.who] ?? (l.who.startsWith('kubelet') ? 'text-verb-watch' : 'text-accent')}`} title={l.who}>
            {l.who}
          </span>
          <span className={l.warning ? 'text-bad' : ''}>{l.text}</span>
        </li>
      ))}
    </ol>
  );
});
