import { memo } from 'react';
import { useUi } from '../state/ui-store.ts';

/** kubectl's answer to the last few actions, over the canvas's top edge. */
export const Notices = memo(function Notices() {
  const notices = useUi((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="pointer-events-none absolute left-1/2 top-3 z-20 flex -translate-x-1/2 flex-col items-center gap-1.5" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          data-testid="notice"
          data-ok={n.ok ? 'true' : 'false'}
          className={`pointer-events-auto max-w-xl whitespace-pre-wrap rounded-md border px-3 py-1.5 font-mono text-xs shadow-lg ${n.ok ? 'border-ok/50 bg-panel text-ink' : 'border-bad/60 bg-panel text-bad'}`}
          onClick={() => useUi.getState().dismiss(n.id)}
        >
          {n.message}
        </div>
      ))}
    </div>
  );
});
