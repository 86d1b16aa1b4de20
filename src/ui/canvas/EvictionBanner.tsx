import { memo } from 'react';
import { useCluster } from '../state/cluster-store.ts';
import { formatElapsed } from '../format-clock.ts';

/**
 * The red band across a NotReady node: what the node controller concluded, and the countdown to the
 * moment its pods' 300 s toleration runs out and they are evicted. Only this band follows the clock.
 */
export const EvictionBanner = memo(function EvictionBanner({ evictAt, reason }: { evictAt: number | undefined; reason: string }) {
  const now = useCluster((s) => s.time);
  const left = evictAt === undefined ? undefined : evictAt - now;
  return (
    <div
      className="flex h-[26px] items-center gap-2 rounded bg-bad/20 px-2 text-[11px] font-medium text-bad"
      role="status"
      data-testid="eviction-countdown"
      title="Pods tolerate a lost node for 300 s (node.kubernetes.io/unreachable:NoExecute), then the taint manager evicts them and their controllers create replacements elsewhere."
    >
      <span aria-hidden>⚠</span>
      <span className="truncate">{reason}</span>
      <span className="ml-auto shrink-0 tabular-nums">
        {left === undefined ? 'waiting for taints' : left > 0 ? `evicting pods in ${formatElapsed(left)}` : 'evicting pods'}
      </span>
    </div>
  );
});
