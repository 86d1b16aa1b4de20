import { memo } from 'react';
import type { Node } from '@xyflow/react';
import { useCluster, UNSCHEDULED } from '../state/cluster-store.ts';
import { PodTile } from './PodTile.tsx';

export type PendingFlowNode = Node<Record<string, never>, 'pending'>;

const EMPTY: readonly string[] = [];

/** Pods no node has yet, waiting by the scheduler for a place. */
export const PendingNode = memo(function PendingNode() {
  const podKeys = useCluster((s) => s.podsByNode.get(UNSCHEDULED) ?? EMPTY);
  const compact = podKeys.length > 10;
  return (
    <section
      className="flex h-full w-full flex-col rounded-2xl border-2 border-dashed border-wait/60 bg-panel/70"
      data-testid="pending-queue"
      aria-label={`Pending pods: ${podKeys.length}`}
      title="Pods that have no node yet. The scheduler tries each one; a pod that fits nowhere stays here, with the reason in its events."
    >
      <div className="flex h-9 shrink-0 items-center gap-2 px-3">
        <span aria-hidden className="text-wait">
          ◌
        </span>
        <span className="text-xs font-semibold uppercase tracking-wider text-muted">Waiting for a node</span>
        <span className="ml-auto rounded bg-wait/15 px-1.5 font-mono text-xs text-wait">{podKeys.length}</span>
      </div>
      <div className={`min-h-0 flex-1 overflow-auto px-3 pb-3 ${compact ? 'flex flex-wrap content-start gap-[3px]' : 'flex flex-col gap-1.5'}`} role="list">
        {podKeys.map((k) => (
          <PodTile key={k} podKey={k} compact={compact} />
        ))}
        {podKeys.length === 0 && <p className="text-[11px] text-muted">Nothing waiting: every pod has a node.</p>}
      </div>
    </section>
  );
});
