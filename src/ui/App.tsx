import { lazy, Suspense, useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { TopBar } from './shell/TopBar.tsx';
import { DropZone } from './shell/DropZone.tsx';
import { LeftRail } from './shell/LeftRail.tsx';
import { NodeMenu } from './shell/NodeMenu.tsx';
import { Notices } from './shell/Notices.tsx';
import { EmptyHint } from './shell/EmptyHint.tsx';
import { Legend } from './shell/Legend.tsx';
import { InfraCanvas } from './canvas/InfraCanvas.tsx';
import { Dock } from './dock/Dock.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { useUi } from './state/ui-store.ts';
import { startHighlighting } from './state/highlight.ts';

const OwnershipCanvas = lazy(() => import('./ownership/OwnershipCanvas.tsx').then((m) => ({ default: m.OwnershipCanvas })));

export function App() {
  const view = useUi((s) => s.view);
  const inspectorOpen = useUi((s) => s.inspectorOpen);
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  useEffect(() => startHighlighting(), []);
  return (
    <div className="flex h-full flex-col">
      <TopBar />
      <div className="flex min-h-0 flex-1">
        <LeftRail />
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="flex min-h-0 flex-1">
            <DropZone>
              <ReactFlowProvider key={view}>
                {view === 'infrastructure' ? (
                  <InfraCanvas />
                ) : (
                  <Suspense fallback={null}>
                    <OwnershipCanvas />
                  </Suspense>
                )}
              </ReactFlowProvider>
              <Notices />
              <EmptyHint />
              <Legend />
            </DropZone>
            {inspectorOpen && <Inspector />}
          </div>
          <Dock />
        </div>
      </div>
      <NodeMenu />
    </div>
  );
}
