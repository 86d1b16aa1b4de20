import { memo, useMemo } from 'react';
import { Background, BackgroundVariant, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import { useThrottledCluster } from '../state/use-throttled.ts';
import { useUi } from '../state/ui-store.ts';
import type { ClusterState } from '../state/cluster-store.ts';
import { ownershipGraph } from './ownership-graph.ts';
import { OwnerCard } from './OwnerCard.tsx';
import { AutoFit, FIT } from '../canvas/AutoFit.tsx';

const noop = () => {};
const nodeTypes = { owner: OwnerCard };
const selectObjects = (s: ClusterState) => s.objects;

/**
 * The same cluster laid out by ownership: Services -> workloads -> ReplicaSets/Jobs -> pods. The layout
 * follows the objects at most twice a second; the pod tiles inside follow every delta.
 */
export const OwnershipCanvas = memo(function OwnershipCanvas() {
  const objects = useThrottledCluster(selectObjects, 500);
  const { nodes, edges } = useMemo(() => {
    const g = ownershipGraph(objects);
    const nodes: Node[] = g.cards.map((c) => ({
      id: c.id,
      type: 'owner',
      position: { x: c.x, y: c.y },
      data: { objectKey: c.objectKey, kind: c.kind, name: c.name, namespace: c.namespace, podKeys: c.podKeys },
      width: c.width,
      height: c.height,
      style: { width: c.width, height: c.height },
      draggable: false,
      selectable: false,
    }));
    const edges: Edge[] = g.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      style: { stroke: e.kind === 'selects' ? 'var(--verb-watch)' : 'var(--muted)', strokeWidth: 1.5, strokeDasharray: e.kind === 'selects' ? '5 4' : undefined },
    }));
    return { nodes, edges };
  }, [objects]);
  return (
    <div className="h-full w-full" data-testid="ownership-view">
      {nodes.length === 0 && <p className="absolute left-1/2 top-1/3 z-10 -translate-x-1/2 text-sm text-muted">No workloads yet: apply a Deployment, a Job or a Service and it appears here with what it owns.</p>}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={FIT}
        minZoom={0.1}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
      // Cards handle their own clicks; without a node handler React Flow gives unselectable nodes
      // `pointer-events: none` and the pane would swallow every click on a pod.
      onNodeClick={noop}
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
        onPaneClick={() => useUi.getState().select(undefined)}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.5} color="var(--grid)" />
        <Controls showInteractive={false} position="bottom-right" />
        <AutoFit signature={nodes.map((n) => n.id).join(',')} />
      </ReactFlow>
    </div>
  );
});
