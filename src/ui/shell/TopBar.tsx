import { memo } from 'react';
import { useCluster } from '../state/cluster-store.ts';
import { formatElapsed } from '../format-clock.ts';
import { clusterRemote } from '../worker-client.ts';
import { useUi } from '../state/ui-store.ts';
import { AddNode } from './AddNode.tsx';
import { ClusterSummary } from './ClusterSummary.tsx';

const SPEEDS = [1, 10, 50, 100] as const;

/** Name, cluster status, the virtual clock and time controls. */
export const TopBar = memo(function TopBar() {
  const connected = useCluster((s) => s.connected);
  const elapsed = useCluster((s) => s.time - s.startTime);
  const speed = useCluster((s) => s.speed);
  const paused = useCluster((s) => s.paused);
  const revision = useCluster((s) => s.revision);
  const seconds = Math.floor(elapsed / 1000);
  const theme = useUi((s) => s.theme);
  const view = useUi((s) => s.view);
  return (
    <header className="flex h-12 shrink-0 items-center gap-4 border-b border-edge bg-panel px-4">
      <div className="flex items-center gap-2 font-semibold tracking-tight">
        <img src="/favicon.svg" alt="" className="h-6 w-6" />
        Kube Sandbox
      </div>
      <div className="flex items-center gap-2 text-sm text-muted" data-testid="cluster-status" data-status={connected ? 'Running' : 'Starting'}>
        <span className={`h-2 w-2 rounded-full ${connected ? 'bg-ok' : 'bg-wait animate-pulse'}`} aria-hidden />
        {connected ? 'Cluster running' : 'Starting cluster…'}
      </div>
      <ClusterSummary />
      <div className="text-xs text-muted" title="etcd revision: every write to the store increments it">
        rev <span data-testid="store-revision" className="font-mono text-ink">{revision}</span>
      </div>
      <div className="ml-auto flex items-center gap-2">
        <span className="font-mono text-lg tabular-nums" data-testid="clock" aria-label="Virtual clock" data-seconds={seconds} title="Virtual time since the cluster started">
          {formatElapsed(elapsed)}
        </span>
        <button
          type="button"
          className="rounded border border-edge px-2 py-1 text-sm hover:bg-edge"
          onClick={() => void (paused ? clusterRemote().play() : clusterRemote().pause())}
          aria-label={paused ? 'Play' : 'Pause'}
        >
          {paused ? '▶ Play' : '❚❚ Pause'}
        </button>
        <div className="flex overflow-hidden rounded border border-edge" role="group" aria-label="Speed">
          {SPEEDS.map((s) => (
            <button
              key={s}
              type="button"
              aria-label={`Speed ${s}x`}
              aria-pressed={!paused && speed === s}
              className={`px-2 py-1 text-sm ${!paused && speed === s ? 'bg-accent text-white' : 'hover:bg-edge'}`}
              onClick={() => void clusterRemote().setSpeed(s)}
            >
              {s}x
            </button>
          ))}
        </div>
        <button
          type="button"
          className="rounded border border-edge px-2 py-1 text-sm hover:bg-edge"
          aria-label="Skip to next event"
          title="Jump the virtual clock to the next thing that is due to happen."
          onClick={() => void clusterRemote().step()}
        >
          Skip ▸
        </button>
        {view === 'infrastructure' && <AddNode />}
        <button
          type="button"
          className="rounded border border-edge px-2 py-1 text-sm hover:bg-edge"
          aria-label={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          title="Switch between the light and dark themes"
          onClick={() => useUi.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </div>
    </header>
  );
});
