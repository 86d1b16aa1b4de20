import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCluster, nodeKey } from '../state/cluster-store.ts';
import { nodeReadiness } from '../status/node-status.ts';

/** `3/4 nodes Ready · 12 pods`: the cluster at a glance, in the top bar. */
export const ClusterSummary = memo(function ClusterSummary() {
  const [ready, nodes, pods] = useCluster(
    useShallow((s) => {
      let r = 0;
      for (const n of s.nodeNames) {
        const o = s.objects.get(nodeKey(n));
        if (o && nodeReadiness(o) === 'Ready') r++;
      }
      let p = 0;
      for (const keys of s.podsByNode.values()) p += keys.length;
      return [r, s.nodeNames.length, p];
    }),
  );
  return (
    <div className="text-xs text-muted" data-testid="cluster-summary">
      <span className={ready < nodes ? 'text-bad' : ''}>
        {ready}/{nodes} nodes Ready
      </span>{' '}
      · {pods} pods
    </div>
  );
});
