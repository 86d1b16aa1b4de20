import { memo } from 'react';

/** Requested vs allocatable, as a thin bar with the figures beside it. Turns red past 100%. */
export const ResourceBar = memo(function ResourceBar({ label, used, total, format, help }: { label: string; used: number; total: number; format: (n: number) => string; help: string }) {
  const pct = total > 0 ? Math.min(100, (used / total) * 100) : 0;
  const over = total > 0 && used > total;
  return (
    <div className="flex items-center gap-2 text-[10px] text-muted" title={help}>
      <span className="w-7 shrink-0 uppercase">{label}</span>
      <div
        className="h-1.5 flex-1 overflow-hidden rounded-full bg-edge"
        role="meter"
        aria-label={`${label} requested`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={used}
      >
        <div className={`h-full rounded-full ${over ? 'bg-bad' : pct > 85 ? 'bg-wait' : 'bg-accent'}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="w-[84px] shrink-0 text-right tabular-nums">
        {format(used)} / {format(total)}
      </span>
    </div>
  );
});
