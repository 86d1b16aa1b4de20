import { memo, useMemo } from 'react';
import { Background, BackgroundVariant, Controls, ReactFlow, type Node } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useCluster, nodeKey } from '../state/cluster-store.ts';
import { useUi } from '../state/ui-store.ts';
import { isControlPlane, nodeReadiness } from '../status/node-status.ts';
import { layoutInfrastructure, type WorkerInput } from './layout.ts';
import { HeadNode } from './HeadNode.tsx';
import { WorkerNode } from './WorkerNode.tsx';
import { PendingNode } from './PendingNode.tsx';
import { YouNode } from './YouNode.tsx';
import { FlowLayer } from './FlowLayer.tsx';
import { AutoFit, FIT } from './AutoFit.tsx';

// Defined once at module level: React Flow remounts every node when this object changes identity.
const noop = () => {};
const nodeTypes = { head: HeadNode, worker: WorkerNode, pending: PendingNode, you: YouNode };

/** `name|pods|ready|cp` per node: the only facts the layout depends on, compared as strings. */
function useNodeFacts(): string[] {
  return useCluster(
    useShallow((s) =>
      s.nodeNames.map((n) => {
        const node = s.objects.get(nodeKey(n));
        const cp = node && isControlPlane(node) ? 1 : 0;
        const ready = node ? nodeReadiness(node) : 'NotReady';
        return `${n}|${s.podsByNode.get(n)?.length ?? 0}|${ready}|${cp}`;
      }),
    ),
  );
}

/**
 * The machines view: the head node with the control plane across the top, the Pending queue beside the
 * scheduler, worker nodes in a grid below with their pods inside, and request flows drawn between them.
 * Node cards are flow nodes; pods are tiles inside the cards, never flow nodes of their own.
 */
export const InfraCanvas = memo(function InfraCanvas() {
  const facts = useNodeFacts();
  const podsTotal = useCluster((s) => {
    let n = 0;
    for (const keys of s.podsByNode.values()) n += keys.length;
    return Math.round(n / 20) * 20;
  });
  const { layout, nodes, controlPlane, workers } = useMemo(() => {
    const parsed = facts.map((f) => {
      const [name = '', pods = '0', ready = '', cp = '0'] = f.split('|');
      return { name, pods: Number(pods), notReady: ready !== 'Ready', cp: cp === '1' };
    });
    const controlPlane = parsed.find((p) => p.cp)?.name;
    const workerInputs: WorkerInput[] = parsed.filter((p) => !p.cp);
    const layout = layoutInfrastructure(workerInputs, podsTotal);
    const nodes: Node[] = [
      { id: 'you', type: 'you', position: { x: layout.you.x, y: layout.you.y }, data: {}, width: layout.you.width, height: layout.you.height, style: { width: layout.you.width, height: layout.you.height }, selectable: false, draggable: false },
      { id: 'head', type: 'head', position: { x: 0, y: 0 }, data: { name: controlPlane }, width: layout.head.width, height: layout.head.height, style: { width: layout.head.width, height: layout.head.height }, selectable: false, draggable: false },
      { id: 'pending', type: 'pending', position: { x: layout.pending.x, y: layout.pending.y }, data: {}, width: layout.pending.width, height: layout.pending.height, style: { width: layout.pending.width, height: layout.pending.height }, selectable: false, draggable: false },
    ];
    for (const [name, box] of layout.workers) {
      nodes.push({ id: `worker:${name}`, type: 'worker', position: { x: box.x, y: box.y }, data: { name, compact: box.compact }, width: box.width, height: box.height, style: { width: box.width, height: box.height }, selectable: false, draggable: false });
    }
    return { layout, nodes, controlPlane, workers: workerInputs.map((w) => w.name) };
  }, [facts, podsTotal]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={[]}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={FIT}
      minZoom={0.1}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      // Cards handle their own clicks; without a node handler React Flow gives unselectable nodes
      // `pointer-events: none` and the pane would swallow every click on a pod.
      onNodeClick={noop}
      onlyRenderVisibleElements
      proOptions={{ hideAttribution: true }}
      onPaneClick={() => {
        useUi.getState().select(undefined);
        useUi.getState().closeMenu();
      }}
      aria-label="Cluster infrastructure: control plane and nodes"
    >
      <Background variant={BackgroundVariant.Dots} gap={24} size={1.5} color="var(--grid)" />
      <FlowLayer layout={layout} controlPlane={controlPlane} workers={workers} />
      <Controls showInteractive={false} position="bottom-right" />
      <AutoFit signature={workers.join(',')} />
    </ReactFlow>
  );
});
