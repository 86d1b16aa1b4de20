import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useCluster } from '../state/cluster-store.ts';
import { useUi } from '../state/ui-store.ts';
import { PodTile } from '../canvas/PodTile.tsx';
import { servicePods } from '../state/relations.ts';

export type OwnerCardData = { objectKey: string; kind: string; name: string; namespace: string; podKeys: string[] };
export type OwnerFlowNode = Node<OwnerCardData, 'owner'>;

/** READY as kubectl prints it for the kind (`3/3`), from status. */
function readyText(o: { kind: string; spec?: unknown; status?: unknown }): string {
  const spec = (o.spec ?? {}) as { replicas?: number; completions?: number };
  const st = (o.status ?? {}) as { readyReplicas?: number; replicas?: number; numberReady?: number; desiredNumberScheduled?: number; succeeded?: number; active?: unknown[] };
  switch (o.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController':
      return `${st.readyReplicas ?? 0}/${spec.replicas ?? st.replicas ?? 0} ready`;
    case 'DaemonSet':
      return `${st.numberReady ?? 0}/${st.desiredNumberScheduled ?? 0} ready`;
    case 'Job':
      return `${st.succeeded ?? 0}/${spec.completions ?? 1} complete`;
    case 'CronJob':
      return `${(st.active ?? []).length} active`;
    default:
      return '';
  }
}

function ServiceBody({ objectKey }: { objectKey: string }) {
  const count = useCluster((s) => {
    const svc = s.objects.get(objectKey);
    return svc ? servicePods(svc, s.objects).length : 0;
  });
  return <div className="text-[11px] text-muted">selects {count} pod{count === 1 ? '' : 's'}</div>;
}

/** A workload, ReplicaSet, Job or Service in the ownership view, with the pods it owns inside. */
export const OwnerCard = memo(function OwnerCard({ data }: NodeProps<OwnerFlowNode>) {
  const obj = useCluster((s) => (data.objectKey ? s.objects.get(data.objectKey) : undefined));
  const selected = useUi((s) => !!data.objectKey && s.selected === data.objectKey);
  const lit = useUi((s) => !!data.objectKey && s.highlight.has(data.objectKey));
  const isService = data.kind === 'Service';
  return (
    <section
      className={`flex h-full w-full flex-col gap-1 overflow-hidden rounded-xl border-2 bg-panel p-2 ${selected ? 'border-accent' : lit ? 'border-accent/60' : isService ? 'border-dashed border-verb-watch/60' : 'border-edge'}`}
      data-testid={`owner-${data.kind.toLowerCase()}-${data.namespace}-${data.name}`}
      aria-label={`${data.kind} ${data.namespace}/${data.name}`}
    >
      <Handle type="target" position={Position.Left} className="!opacity-0" />
      <button type="button" className="flex items-center gap-1.5 text-left" onClick={() => data.objectKey && useUi.getState().select(data.objectKey)} disabled={!data.objectKey}>
        <span className="rounded bg-raised px-1 text-[10px] uppercase tracking-wide text-muted">{data.kind}</span>
        <span className="truncate font-mono text-xs font-semibold">{data.name}</span>
        {obj && <span className="ml-auto shrink-0 text-[10px] text-muted">{readyText(obj)}</span>}
      </button>
      {isService ? (
        <ServiceBody objectKey={data.objectKey} />
      ) : (
        <div className="flex flex-wrap content-start gap-[3px]" role="list">
          {data.podKeys.map((k) => (
            <PodTile key={k} podKey={k} compact />
          ))}
          {data.podKeys.length === 0 && <span className="text-[11px] text-muted">no pods</span>}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="!opacity-0" />
    </section>
  );
});
