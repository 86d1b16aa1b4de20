import { TopBar } from './shell/TopBar.tsx';
import { DropZone } from './shell/DropZone.tsx';
import { ApplyLog } from './shell/ApplyLog.tsx';
import { ClusterOverview } from './shell/ClusterOverview.tsx';

export function App() {
  return (
    <div className="flex h-full flex-col">
      <TopBar />
      <div className="flex min-h-0 flex-1">
        <DropZone>
          <ClusterOverview />
        </DropZone>
        <aside className="w-96 shrink-0 overflow-auto border-l border-edge p-3" aria-label="Apply results">
          <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-muted">Applied</h2>
          <ApplyLog />
        </aside>
      </div>
    </div>
  );
}
