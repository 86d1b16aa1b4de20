/**
 * A cluster-store selection that updates at most every `ms` (trailing edge included): for panels such as
 * Events that read many objects and need not redraw at 60 fps while the cluster churns.
 */
import { useEffect, useState } from 'react';
import { useCluster, type ClusterState } from './cluster-store.ts';

export function useThrottledCluster<T>(select: (s: ClusterState) => T, ms: number): T {
  const [value, setValue] = useState(() => select(useCluster.getState()));
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      timer = undefined;
      last = performance.now();
      setValue(() => select(useCluster.getState()));
    };
    const unsub = useCluster.subscribe(() => {
      if (timer !== undefined) return;
      const wait = Math.max(0, ms - (performance.now() - last));
      timer = setTimeout(update, wait);
    });
    return () => {
      unsub();
      if (timer !== undefined) clearTimeout(timer);
    };
    // The selector is expected to be stable (module-level); `ms` is a constant per call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ms]);
  return value;
}
