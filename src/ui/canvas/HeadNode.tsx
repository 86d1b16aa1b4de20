import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { useCluster, nodeKey } from '../state/cluster-store.ts';
import { useUi } from '../state/ui-store.ts';
import { nodeReadiness, nodeStatusText } from '../status/node-status.ts';
import { ComponentCard } from './ComponentCard.tsx';
import { PodTile } from './PodTile.tsx';
import { COMPONENTS, COMP_GAP, COMP_H, COMP_W, HEAD_HEADER, HEAD_PAD } from './layout.ts';

export type HeadNodeData = { name: string | undefined };
export type HeadFlowNode = Node<HeadNodeData, 'head'>;

const EMPTY: readonly string[] = [];

/**
 * The control-plane node: its four components in a row with live figures, and the pods it runs (the
 * static control-plane pods, DaemonSet pods) along the bottom. Carries the Node's test id when the
 * control-plane Node object exists.
 */
export const HeadNode = memo(function HeadNode({ data }: NodeProps<HeadFlowNode>) {
  const name = data.name;
  const node = useCluster((s) => (name ? s.objects.get(nodeKey(name)) : undefined));
  const podKeys = useCluster((s) => (name ? (s.podsByNode.get(name) ?? EMPTY) : EMPTY));
  const selected = useUi((s) => (name ? s.selected === nodeKey(name) : false));
  const ready = node ? nodeReadiness(node) : undefined;
  return (
    <section
      className={`h-full w-full rounded-2xl border-2 bg-panel shadow-md ${ready === 'NotReady' ? 'border-bad' : selected ? 'border-accent' : 'border-edge'}`}
      {...(name ? { 'data-testid': `node-${name}`, 'data-status': ready } : { 'data-testid': 'head-node' })}
      aria-label={`Control plane${name ? ` node ${name}` : ''}`}
      onContextMenu={(e) => {
        if (!name) return;
        e.preventDefault();
        useUi.getState().openMenu(name, e.clientX, e.clientY);
      }}
    >
      <button
        type="button"
        className="flex w-full items-center gap-2 px-3 text-left"
        style={{ height: HEAD_HEADER }}
        onClick={() => name && useUi.getState().select(nodeKey(name))}
        title="The control plane: the components that store the cluster's state and act on it. In kubeadm clusters they run as pods on this node."
      >
        <span className="text-xs font-semibold uppercase tracking-wider text-muted">Control plane</span>
        {name && <span className="font-mono text-sm font-semibold">{name}</span>}
        {node && <span className={`rounded px-1.5 py-0.5 text-[10px] font-semibold ${ready === 'Ready' ? 'bg-ok/15 text-ok' : 'bg-bad text-white'}`}>{nodeStatusText(node)}</span>}
      </button>
      <div className="flex" style={{ gap: COMP_GAP, paddingLeft: HEAD_PAD, paddingRight: HEAD_PAD }}>
        {COMPONENTS.map((c) => (
          <ComponentCard key={c} id={c} width={COMP_W} height={COMP_H} />
        ))}
      </div>
      <div className="flex items-center gap-1.5 overflow-hidden px-3 pt-2" role="list" aria-label="Pods on the control plane">
        {podKeys.length === 0 ? (
          <span className="text-[11px] text-muted">{name ? 'No pods on this node yet.' : 'Waiting for the control-plane node to register.'}</span>
        ) : (
          podKeys.map((k) => <PodTile key={k} podKey={k} compact={false} />)
        )}
      </div>
    </section>
  );
});
