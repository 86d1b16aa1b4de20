import { memo, useEffect } from 'react';
import { useUi, type DockTab } from '../state/ui-store.ts';
import { EventsPanel } from './EventsPanel.tsx';
import { NarrationPanel } from './NarrationPanel.tsx';
import { EditorPanel } from './EditorPanel.tsx';
import { ApplyLog } from '../shell/ApplyLog.tsx';
import { useApplyLog } from '../state/apply-log.ts';
import { ConsolePanel } from '../console/ConsolePanel.tsx';
import { useConsole } from '../console/console-store.ts';

const TABS: { id: DockTab; label: string; help: string }[] = [
  { id: 'events', label: 'Events', help: 'kubectl get events: what every component reported, newest first.' },
  { id: 'narration', label: 'Narration', help: 'The same story in plain words, grouped by who did it.' },
  { id: 'editor', label: 'Editor', help: 'Write a manifest and apply it.' },
  { id: 'applied', label: 'Applied', help: 'What each applied document did, as kubectl apply prints it.' },
];

/** The bottom dock: Events, Narration, Editor, apply results and the kubectl Console, in tabs. */
export const Dock = memo(function Dock() {
  const tab = useUi((s) => s.dockTab);
  const open = useUi((s) => s.dockOpen);
  const applied = useApplyLog((s) => s.results.length);
  // The Console tab lives beside the store's DockTab union: while it shows, no other tab is selected.
  const consoleActive = useConsole((s) => s.active);
  // Anything that picks a dock tab (a dropped file opens Applied) takes over from the console.
  useEffect(() => useConsole.getState().setActive(false), [tab]);
  const openConsole = () => {
    useConsole.getState().setActive(true);
    if (!open) useUi.getState().toggleDock();
  };
  return (
    <section className={`flex shrink-0 flex-col border-t border-edge bg-panel ${open ? 'h-56' : 'h-8'}`} aria-label="Dock">
      <div className="flex h-8 shrink-0 items-center gap-0.5 px-2" role="tablist" aria-label="Dock panels">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={open && tab === t.id && !consoleActive}
            title={t.help}
            onClick={() => {
              useConsole.getState().setActive(false);
              useUi.getState().setDockTab(t.id);
            }}
            className={`rounded-t px-3 py-1 text-xs ${open && tab === t.id && !consoleActive ? 'bg-raised font-semibold text-ink' : 'text-muted hover:text-ink'}`}
          >
            {t.label}
            {t.id === 'applied' && applied > 0 && <span className="ml-1 rounded-full bg-accent/20 px-1.5 text-[10px] text-accent">{applied}</span>}
          </button>
        ))}
        <button
          type="button"
          role="tab"
          aria-selected={open && consoleActive}
          title="kubectl in the page: type commands, read what kubectl prints."
          onClick={openConsole}
          className={`rounded-t px-3 py-1 text-xs ${open && consoleActive ? 'bg-raised font-semibold text-ink' : 'text-muted hover:text-ink'}`}
        >
          Console
        </button>
        <button type="button" className="ml-auto rounded px-2 text-xs text-muted hover:text-ink" onClick={() => useUi.getState().toggleDock()} aria-label={open ? 'Collapse dock' : 'Expand dock'}>
          {open ? '▾' : '▴'}
        </button>
      </div>
      {open && (
        <div className="min-h-0 flex-1 border-t border-edge bg-surface" role="tabpanel">
          {consoleActive && <ConsolePanel />}
          {!consoleActive && tab === 'events' && <EventsPanel />}
          {!consoleActive && tab === 'narration' && <NarrationPanel />}
          {!consoleActive && tab === 'editor' && <EditorPanel />}
          {!consoleActive && tab === 'applied' && (
            <div className="h-full overflow-auto p-2">
              <ApplyLog />
            </div>
          )}
        </div>
      )}
    </section>
  );
});
