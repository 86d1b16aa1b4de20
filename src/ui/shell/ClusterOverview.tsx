import { memo, useMemo } from 'react';
import { useCluster } from '../state/cluster-store.ts';

/** What the store holds: namespaces with their phase, and how many objects of each resource. */
export const ClusterOverview = memo(function ClusterOverview() {
  const objects = useCluster((s) => s.objects);
  const { namespaces, counts } = useMemo(() => {
    const namespaces: { name: string; phase: string }[] = [];
    const counts = new Map<string, number>();
    for (const [key, obj] of objects) {
      const resource = key.split('/')[2] ?? '';
      counts.set(resource, (counts.get(resource) ?? 0) + 1);
      if (obj.kind === 'Namespace') namespaces.push({ name: obj.metadata.name ?? '', phase: (obj.status as { phase?: string } | undefined)?.phase ?? '' });
    }
    namespaces.sort((a, b) => a.name.localeCompare(b.name));
    return { namespaces, counts: [...counts].sort((a, b) => a[0].localeCompare(b[0])) };
  }, [objects]);

  return (
    <div className="grid gap-4 p-4 md:grid-cols-2">
      <section className="rounded-lg border border-edge bg-panel p-3" aria-label="Namespaces">
        <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-muted">Namespaces</h2>
        <table className="w-full font-mono text-sm">
          <thead className="text-left text-xs text-muted">
            <tr>
              <th className="font-normal">NAME</th>
              <th className="font-normal">STATUS</th>
            </tr>
          </thead>
          <tbody>
            {namespaces.map((ns) => (
              <tr key={ns.name} data-testid={`namespace-${ns.name}`} data-status={ns.phase}>
                <td>{ns.name}</td>
                <td className={ns.phase === 'Active' ? 'text-ok' : 'text-wait'}>{ns.phase}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rounded-lg border border-edge bg-panel p-3" aria-label="etcd contents">
        <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-muted">etcd: /registry</h2>
        <ul className="font-mono text-sm">
          {counts.map(([resource, n]) => (
            <li key={resource} className="flex justify-between" data-testid={`count-${resource}`}>
              <span>{resource}</span>
              <span className="tabular-nums text-muted">{n}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
});
