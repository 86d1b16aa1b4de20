import { memo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useActivity } from '../state/activity.ts';
import { useCluster } from '../state/cluster-store.ts';
import { formatBytes } from '../format/quantity.ts';
import type { ComponentId } from './layout.ts';

const TITLE: Record<ComponentId, string> = {
  etcd: 'etcd',
  apiserver: 'kube-apiserver',
  'controller-manager': 'kube-controller-manager',
  scheduler: 'kube-scheduler',
};

const HELP: Record<ComponentId, string> = {
  etcd: 'The database: every object of the cluster is a key here. Each write bumps the revision.',
  apiserver: 'The front door: every component reads and writes the cluster only through its API, and watches it for changes.',
  'controller-manager': 'Control loops: each controller compares what you asked for with what exists, and creates or deletes objects to close the gap.',
  scheduler: 'Picks a node for every pod that has none, by filtering out nodes that cannot fit it and scoring the rest.',
};

function rate(n: number | undefined): string {
  if (!n) return '0';
  return n >= 100 ? String(Math.round(n)) : n >= 10 ? n.toFixed(0) : n.toFixed(1);
}

function Figure({ label, value, testid }: { label: string; value: ReactNode; testid?: string }) {
  return (
    <div className="flex items-baseline justify-between gap-2 text-[11px]">
      <span className="text-muted">{label}</span>
      <span className="font-mono tabular-nums" data-testid={testid}>
        {value}
      </span>
    </div>
  );
}

function EtcdFigures() {
  const store = useCluster((s) => s.stats?.store);
  const revision = useCluster((s) => s.revision);
  const writes = useActivity((s) => s.writesPerSec);
  return (
    <>
      <Figure label="revision" value={store?.revision ?? revision} />
      <Figure label="keys" value={store?.keys ?? '—'} />
      <Figure label="size" value={store ? formatBytes(store.approxBytes) : '—'} />
      <Figure label="writes/s" value={rate(writes)} />
    </>
  );
}

const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'bind'] as const;

function ApiFigures() {
  const perVerb = useActivity(useShallow((s) => VERBS.map((v) => rate(s.requestsPerSec[v]))));
  const watch = useActivity((s) => s.watchPerSec);
  return (
    <>
      <div className="grid grid-cols-4 gap-x-1 gap-y-0.5 text-[10px]" aria-label="Requests per second by verb">
        {VERBS.map((v, i) => (
          <div key={v} className="flex flex-col items-center rounded bg-raised px-0.5 py-px" title={`${v} requests per second`}>
            <span className="text-muted">{v}</span>
            <span className="font-mono tabular-nums">{perVerb[i]}</span>
          </div>
        ))}
      </div>
      <Figure label="watch events/s" value={rate(watch)} />
    </>
  );
}

function SchedulerFigures() {
  const q = useCluster(useShallow((s) => (s.stats?.scheduler ? [s.stats.scheduler.active, s.stats.scheduler.backoff, s.stats.scheduler.unschedulable] : undefined)));
  const binds = useActivity((s) => s.requestsPerSec.bind);
  return (
    <>
      <div className="text-[10px] uppercase tracking-wide text-muted">scheduling queue</div>
      <div className="grid grid-cols-3 gap-1 text-center text-[10px]">
        {(['active', 'backoff', 'unschedulable'] as const).map((label, i) => (
          <div key={label} className="rounded bg-raised py-0.5" title={`${label}: pods ${label === 'active' ? 'ready to be tried now' : label === 'backoff' ? 'waiting out a back-off before the next try' : 'that fit no node; retried when the cluster changes'}`}>
            <div className="font-mono text-sm tabular-nums" data-testid={`scheduler-${label}`}>
              {q ? q[i] : '—'}
            </div>
            <div className="truncate text-muted">{label}</div>
          </div>
        ))}
      </div>
      <Figure label="bindings/s" value={rate(binds)} />
    </>
  );
}

function ControllerFigures() {
  const controllers = useCluster((s) => s.stats?.controllers);
  const rates = useActivity((s) => s.controllerRates);
  const rows = controllers ?? Object.keys(rates).map((name) => ({ name, depth: 0, processed: 0 }));
  if (rows.length === 0) return <p className="text-[11px] text-muted">No controllers running yet.</p>;
  return (
    <ul className="flex flex-col gap-px overflow-hidden text-[10px]" aria-label="Controllers and their work queues">
      {rows.slice(0, 7).map((c) => (
        <li key={c.name} className="flex items-center gap-1" title={`${c.name}: ${c.depth} keys waiting in its work queue, ${c.processed} processed`}>
          <span className="truncate text-muted">{c.name.replace(/-controller$/, '')}</span>
          <span className="ml-auto font-mono tabular-nums">{rate(rates[c.name])}/s</span>
          <span className={`w-6 rounded text-center font-mono tabular-nums ${c.depth > 0 ? 'bg-wait/20 text-wait' : 'bg-raised'}`}>{c.depth}</span>
        </li>
      ))}
      {rows.length > 7 && <li className="text-muted">+{rows.length - 7} more</li>}
    </ul>
  );
}

const FIGURES: Record<ComponentId, () => ReactNode> = {
  etcd: EtcdFigures,
  apiserver: ApiFigures,
  'controller-manager': ControllerFigures,
  scheduler: SchedulerFigures,
};

/** One control-plane component with its live figures; flashes when it acts. */
export const ComponentCard = memo(function ComponentCard({ id, width, height }: { id: ComponentId; width: number; height: number }) {
  const acted = useActivity((s) => s.lastActed[id] ?? 0);
  const Figures = FIGURES[id];
  return (
    <div
      className="relative flex flex-col gap-1 rounded-lg border border-edge bg-raised/60 p-2"
      style={{ width, height }}
      data-testid={`component-${id}`}
      role="group"
      aria-label={TITLE[id]}
      title={HELP[id]}
    >
      {acted > 0 && <span key={Math.floor(acted / 700)} className="acting pointer-events-none absolute inset-0 rounded-lg" aria-hidden />}
      <div className="flex items-center gap-1.5">
        <span className="h-2 w-2 rounded-full bg-ok" aria-hidden />
        <span className="truncate font-mono text-xs font-semibold">{TITLE[id]}</span>
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-1 overflow-hidden">
        <Figures />
      </div>
    </div>
  );
});
