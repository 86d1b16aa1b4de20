import { memo } from 'react';
import { useApplyLog } from '../state/apply-log.ts';

/** Until something is applied: how to start. */
export const EmptyHint = memo(function EmptyHint() {
  const any = useApplyLog((s) => s.results.length > 0);
  if (any) return null;
  return (
    <div className="pointer-events-none absolute left-1/2 top-3 z-10 -translate-x-1/2 whitespace-nowrap rounded-full border border-dashed border-accent/60 bg-panel/90 px-4 py-1 text-center text-xs shadow" data-testid="empty-hint">
      <span className="font-semibold">Drop a manifest here</span> <span className="text-muted">(.yaml, .json), paste one with Ctrl+V, or drag an example from the left.</span>
    </div>
  );
});
