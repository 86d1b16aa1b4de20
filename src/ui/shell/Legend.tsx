import { memo, useState } from 'react';
import { FLOW_LEGEND } from '../canvas/FlowLayer.tsx';
import { TONE_GLYPH, TONE_TILE, type Tone } from '../status/tone.ts';

const STATUSES: { tone: Tone; label: string; help: string }[] = [
  { tone: 'ok', label: 'Running', help: 'Running, every container ready' },
  { tone: 'ok-hollow', label: 'Not ready', help: 'Running, but not every container is ready' },
  { tone: 'wait', label: 'Pending / creating', help: 'Pending, ContainerCreating, PodInitializing' },
  { tone: 'bad', label: 'Failing', help: 'CrashLoopBackOff, Error, ImagePullBackOff, ErrImagePull, OOMKilled' },
  { tone: 'gone', label: 'Terminating', help: 'Being deleted' },
  { tone: 'done', label: 'Completed', help: 'Finished successfully' },
  { tone: 'unknown', label: 'Unknown', help: 'Its node was lost' },
];

/** What the colours mean: pod statuses and request-flow verbs. Collapsible. */
export const Legend = memo(function Legend() {
  const [open, setOpen] = useState(false);
  return (
    <div className="absolute bottom-3 left-3 z-10 rounded-lg border border-edge bg-panel/95 text-[11px] shadow">
      <button type="button" className="w-full px-2 py-1 text-left text-muted hover:text-ink" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} Legend
      </button>
      {open && (
        <div className="flex gap-4 px-2 pb-2">
          <ul className="flex flex-col gap-1">
            {STATUSES.map((s) => (
              <li key={s.tone} className="flex items-center gap-1.5" title={s.help}>
                <span className={`flex h-3.5 w-3.5 items-center justify-center rounded-[3px] border text-[8px] ${TONE_TILE[s.tone]}`} aria-hidden>
                  {TONE_GLYPH[s.tone]}
                </span>
                {s.label}
              </li>
            ))}
          </ul>
          <ul className="flex flex-col gap-1">
            {FLOW_LEGEND.map((f) => (
              <li key={f.verb} className="flex items-center gap-1.5" title={f.help}>
                <span className="h-2 w-2 rounded-full" style={{ background: f.colour }} aria-hidden />
                {f.verb}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});
