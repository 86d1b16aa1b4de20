import { memo } from 'react';
import type { NodeProps, Node } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useCluster, nodeKey } from '../state/cluster-store.ts';
import { useUi } from '../state/ui-store.ts';
import { evictionAt, isCordoned, nodeAllocatable, nodeReadiness, nodeRoles, nodeStatusText, nodeTaints, readyCondition, taintText } from '../status/node-status.ts';
import { podRequests } from '../status/pod-requests.ts';
import { formatCpu, formatMemory } from '../format/quantity.ts';
import { PodTile } from './PodTile.tsx';
import { ResourceBar } from './ResourceBar.tsx';
import { EvictionBanner } from './EvictionBanner.tsx';

export type WorkerNodeData = { name: string; compact: boolean };
export type WorkerFlowNode = Node<WorkerNodeData, 'worker'>;

const EMPTY: readonly string[] = [];

/** The sum of what the node's pods request; recomputed per delta but re-renders only when it changes. */
function useRequested(name: string): [number, number] {
  return useCluster(
    useShallow((s) => {
      let cpu = 0;
      let memory = 0;
      for (const k of s.podsByNode.get(name) ?? EMPTY) {
        const p = s.objects.get(k);
        if (!p) continue;
        const r = podRequests(p);
        cpu += r.cpu;
        memory += r.memory;
      }
      return [cpu, memory] as [number, number];
    }),
  );
}

/**
 * A worker node: name, status, roles, taints, requested vs allocatable cpu and memory, pod count, and
 * its pods as tiles. NotReady turns the border red and shows the eviction countdown; cordoned hatches
 * the header. Right-click opens the node's actions.
 */
export const WorkerNode = memo(function WorkerNode({ data }: NodeProps<WorkerFlowNode>) {
  const { name, compact } = data;
  const node = useCluster((s) => s.objects.get(nodeKey(name)));
  const podKeys = useCluster((s) => s.podsByNode.get(name) ?? EMPTY);
  const [cpu, memory] = useRequested(name);
  const selected = useUi((s) => s.selected === nodeKey(name));
  if (!node) return null;
  const ready = nodeReadiness(node);
  const cordoned = isCordoned(node);
  const alloc = nodeAllocatable(node);
  const roles = nodeRoles(node);
  const taints = nodeTaints(node);
  const status = nodeStatusText(node);
  const cond = readyCondition(node);
  const notReady = ready === 'NotReady';
  return (
    <section
      data-testid={`node-${name}`}
      data-status={ready}
      data-cordoned={cordoned ? 'true' : 'false'}
      aria-label={`Node ${name}: ${status}, ${podKeys.length} pods`}
      className={`flex h-full w-full flex-col overflow-hidden rounded-xl border-2 bg-panel shadow-sm ${notReady ? 'border-bad shadow-bad/30' : selected ? 'border-accent' : 'border-edge'}`}
      onContextMenu={(e) => {
        e.preventDefault();
        useUi.getState().openMenu(name, e.clientX, e.clientY);
      }}
    >
      <button
        type="button"
        className={`flex h-10 shrink-0 items-center gap-2 px-2.5 text-left ${cordoned ? 'hatched' : ''} ${notReady ? 'bg-bad/10' : ''}`}
        onClick={() => useUi.getState().select(nodeKey(name))}
        aria-label={`Select node ${name}`}
        title="A machine that runs pods. Its kubelet reports status; right-click for actions."
      >
        <span aria-hidden className={notReady ? 'text-bad' : 'text-muted'}>
          {notReady ? '⏻' : '▣'}
        </span>
        <span className="shrink-0 font-mono text-sm font-semibold">{name}</span>
        <span
          className={`truncate rounded px-1.5 py-0.5 text-[10px] font-semibold ${notReady ? 'bg-bad text-white' : 'bg-ok/15 text-ok'}`}
          title={notReady ? `${cond?.reason ?? 'NotReady'}: ${cond?.message ?? 'the node is not reporting'}` : 'The kubelet reports the node healthy.'}
        >
          {status}
        </span>
        <span className="ml-auto shrink-0 text-[10px] text-muted" title="Pods on this node / the most it accepts">
          {podKeys.length}/{alloc.pods || '—'}
        </span>
      </button>
      <div className="flex shrink-0 flex-col gap-1 px-2.5 pb-1.5">
        <ResourceBar label="cpu" used={cpu} total={alloc.cpu} format={formatCpu} help="CPU requested by pods on this node / allocatable CPU" />
        <ResourceBar label="mem" used={memory} total={alloc.memory} format={formatMemory} help="Memory requested by pods on this node / allocatable memory" />
      </div>
      <div className="flex h-6 shrink-0 items-center gap-1 overflow-hidden px-2.5 text-[10px]">
        <span className="shrink-0 text-muted" title="ROLES, as kubectl get nodes prints them">
          {roles.length ? roles.join(',') : '<none>'}
        </span>
        {taints.map((t) => (
          <span
            key={`${t.key}:${t.effect}`}
            className={`truncate rounded px-1 font-mono ${t.effect === 'NoExecute' ? 'bg-bad/15 text-bad' : 'bg-wait/15 text-wait'}`}
            title={`Taint ${taintText(t)}: pods without a matching toleration ${t.effect === 'NoExecute' ? 'are evicted' : t.effect === 'NoSchedule' ? 'are not scheduled here' : 'are avoided'}.`}
          >
            {`${t.key.split('/').pop()}:${t.effect}`}
          </span>
        ))}
      </div>
      {notReady && (
        <div className="shrink-0 px-2.5 pb-1">
          <EvictionBanner evictAt={evictionAt(node)} reason={cond?.status === 'Unknown' ? 'not reporting' : 'not ready'} />
        </div>
      )}
      <div className={`min-h-0 flex-1 overflow-hidden px-2.5 pb-2 ${compact ? 'flex flex-wrap content-start gap-[3px]' : 'grid grid-cols-2 content-start gap-1.5'}`} role="list" aria-label={`Pods on ${name}`}>
        {podKeys.map((k) => (
          <PodTile key={k} podKey={k} compact={compact} />
        ))}
        {podKeys.length === 0 && <p className="col-span-2 text-[11px] text-muted">No pods yet.</p>}
      </div>
    </section>
  );
});
