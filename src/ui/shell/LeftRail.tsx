import { memo, useMemo, useState } from 'react';
import { useUi, type View } from '../state/ui-store.ts';
import { POD_PREFIX, type ClusterState } from '../state/cluster-store.ts';
import { useThrottledCluster } from '../state/use-throttled.ts';

const selectObjects = (s: ClusterState) => s.objects;
import { Palette } from './Palette.tsx';
import { podStatus } from '../status/pod-status.ts';

const VIEWS: { id: View; label: string; help: string }[] = [
  { id: 'infrastructure', label: 'Infrastructure', help: 'Machines: the control plane and the nodes, with the pods they run.' },
  { id: 'ownership', label: 'Ownership', help: 'Applications: workloads, the ReplicaSets and Jobs they own, their pods, and the Services in front.' },
];

const Namespaces = memo(function Namespaces() {
  const objects = useThrottledCluster(selectObjects, 500);
  const namespaces = useMemo(() => {
    const out: { name: string; phase: string }[] = [];
    for (const [k, o] of objects) if (k.startsWith('/registry/namespaces/')) out.push({ name: o.metadata.name ?? '', phase: (o.status as { phase?: string } | undefined)?.phase ?? '' });
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }, [objects]);
  return (
    <section aria-label="Namespaces">
      <h2 className="mb-1 px-1 text-[11px] font-semibold uppercase tracking-wider text-muted" title="Namespaces divide the cluster's objects into groups with their own names.">
        Namespaces
      </h2>
      <ul className="font-mono text-[11px]">
        {namespaces.map((ns) => (
          <li key={ns.name} data-testid={`namespace-${ns.name}`} data-status={ns.phase} className="flex justify-between px-1">
            <span className="truncate">{ns.name}</span>
            <span className={ns.phase === 'Active' ? 'text-ok' : 'text-wait'}>{ns.phase}</span>
          </li>
        ))}
      </ul>
    </section>
  );
});

/** Finds pods by name: the way to reach a pod when the canvas draws too many to click. */
const FindPod = memo(function FindPod() {
  const [q, setQ] = useState('');
  const objects = useThrottledCluster(selectObjects, 500);
  const hits = useMemo(() => {
    if (q.trim().length < 2) return [];
    const out: { key: string; label: string; status: string }[] = [];
    for (const [k, o] of objects) {
      if (!k.startsWith(POD_PREFIX) || !k.includes(q.trim())) continue;
      out.push({ key: k, label: `${o.metadata.namespace}/${o.metadata.name}`, status: podStatus(o) });
      if (out.length >= 8) break;
    }
    return out;
  }, [q, objects]);
  return (
    <section aria-label="Find a pod">
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Find a pod…"
        aria-label="Find a pod by name"
        className="w-full rounded-md border border-edge bg-panel px-2 py-1 text-xs outline-none focus:border-accent"
      />
      {hits.length > 0 && (
        <ul className="mt-1 flex flex-col text-[11px]">
          {hits.map((h) => (
            <li key={h.key}>
              <button type="button" className="flex w-full gap-1 rounded px-1 text-left hover:bg-raised" onClick={() => useUi.getState().select(h.key)}>
                <span className="truncate font-mono">{h.label}</span>
                <span className="ml-auto shrink-0 text-muted">{h.status}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

/** The left rail: examples to drag, the two views, namespaces, and a pod finder. */
export const LeftRail = memo(function LeftRail() {
  const view = useUi((s) => s.view);
  return (
    <nav className="flex w-52 shrink-0 flex-col gap-4 overflow-y-auto border-r border-edge bg-surface p-2.5" aria-label="Examples and views">
      <section aria-label="Views">
        <h2 className="mb-1.5 px-1 text-[11px] font-semibold uppercase tracking-wider text-muted">View</h2>
        <div className="grid grid-cols-2 overflow-hidden rounded-md border border-edge text-xs" role="radiogroup" aria-label="Canvas view">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="radio"
              aria-checked={view === v.id}
              title={v.help}
              onClick={() => useUi.getState().setView(v.id)}
              className={`px-1 py-1 ${view === v.id ? 'bg-accent text-white' : 'bg-panel hover:bg-raised'}`}
            >
              {v.label}
            </button>
          ))}
        </div>
      </section>
      <Palette />
      <FindPod />
      <Namespaces />
    </nav>
  );
});
