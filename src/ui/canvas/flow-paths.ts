/**
 * The curves request flows travel along, in flow coordinates. Control-plane components talk over arcs
 * above the head node (never across the cards); the API server reaches kubelets along a curve down from
 * the head's bottom edge to the top of each worker card.
 */
import type { Endpoint } from '../state/activity.ts';
import { COMP_GAP, COMP_W, HEAD_H, HEAD_HEADER, HEAD_PAD, type Layout } from './layout.ts';

export interface FlowPath {
  d: string;
  /** A point near the middle, for the edge's label. */
  mid: { x: number; y: number };
}

const COMPONENT_INDEX: Record<string, number> = { etcd: 0, apiserver: 1, 'controller-manager': 2, scheduler: 3 };

function componentTop(id: string): { x: number; y: number } | undefined {
  const i = COMPONENT_INDEX[id];
  if (i === undefined) return undefined;
  return { x: HEAD_PAD + i * (COMP_W + COMP_GAP) + COMP_W / 2, y: HEAD_HEADER - 4 };
}

/** The path from one endpoint to another, or undefined when either is not on the canvas. */
export function flowPath(from: Endpoint, to: Endpoint, layout: Layout, controlPlaneNode: string | undefined): FlowPath | undefined {
  const isNode = (e: Endpoint) => e.startsWith('node:');
  // The control-plane node's kubelet sits in the head itself: draw it as the head's bottom edge.
  const nodeTop = (e: Endpoint) => {
    const name = e.slice(5);
    if (name === controlPlaneNode) return { x: layout.head.width / 2, y: HEAD_H - 8 };
    const b = layout.workers.get(name);
    return b ? { x: b.x + b.width / 2, y: b.y } : undefined;
  };
  if (isNode(from) || isNode(to)) {
    const n = nodeTop(isNode(from) ? from : to);
    const other = isNode(from) ? to : from;
    const a = componentTop(other);
    if (!n || !a) return undefined;
    const start = { x: a.x, y: HEAD_H };
    if (n.y < HEAD_H) return undefined;
    const [p, q] = isNode(from) ? [n, start] : [start, n];
    const c = (p.y + q.y) / 2;
    return { d: `M ${p.x} ${p.y} C ${p.x} ${c}, ${q.x} ${c}, ${q.x} ${q.y}`, mid: { x: (p.x + q.x) / 2, y: c } };
  }
  const p = from === 'user' ? layout.anchors.get('user') : componentTop(from);
  const q = to === 'user' ? layout.anchors.get('user') : componentTop(to);
  if (!p || !q) return undefined;
  const span = Math.abs(p.x - q.x);
  const lift = Math.min(28 + span * 0.18, 110);
  const top = Math.min(p.y, q.y) - lift;
  const mx = (p.x + q.x) / 2;
  return { d: `M ${p.x} ${p.y} Q ${mx} ${top - lift * 0.6}, ${q.x} ${q.y}`, mid: { x: mx, y: top + 4 } };
}
