/**
 * Where everything sits on the infrastructure canvas, in flow coordinates: the head node across the
 * top with its four components, the Pending queue beside the scheduler, "you" to the left, and worker
 * cards in a grid below. Pure and deterministic, so the flow layer can aim request flows at the same
 * points the cards are drawn at, and a card moves only when its row's height or the node set changes.
 */

export const COMPONENTS = ['etcd', 'apiserver', 'controller-manager', 'scheduler'] as const;
export type ComponentId = (typeof COMPONENTS)[number];

export const HEAD_PAD = 12;
export const HEAD_HEADER = 34;
export const COMP_W = 214;
export const COMP_H = 150;
export const COMP_GAP = 12;
export const HEAD_PODS_H = 46;
export const HEAD_W = HEAD_PAD * 2 + COMPONENTS.length * COMP_W + (COMPONENTS.length - 1) * COMP_GAP;
export const HEAD_H = HEAD_HEADER + COMP_H + HEAD_PODS_H + HEAD_PAD;

export const PENDING_GAP = 28;
export const PENDING_W = 236;
export const YOU_W = 120;
export const YOU_H = 64;

export const WORKER_W = 300;
export const WORKER_GAP_X = 28;
export const WORKER_GAP_Y = 28;
/** Room between the head and the first row of workers, for flow labels. */
export const WORKERS_TOP = HEAD_H + 120;

/** Labelled pod tiles: two columns of name + ready + restarts. */
export const TILE_W = 134;
export const TILE_H = 34;
export const TILE_GAP = 6;
/** Compact pod squares for crowded nodes. */
export const SQUARE = 14;
export const SQUARE_GAP = 3;
export const CARD_PAD = 10;
/** Header (name, status, roles) + bars + taint chips. */
export const CARD_CHROME = 40 + 38 + 24 + CARD_PAD;
export const BANNER_H = 30;

/** Past this many pods on one node, or this many in the cluster, nodes draw compact squares. */
export const COMPACT_PODS_PER_NODE = 12;
export const COMPACT_PODS_TOTAL = 240;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function isCompact(podsOnNode: number, podsTotal: number): boolean {
  return podsOnNode > COMPACT_PODS_PER_NODE || podsTotal > COMPACT_PODS_TOTAL;
}

/** Height of the tile area for a number of pods. */
export function tilesHeight(pods: number, compact: boolean): number {
  if (compact) {
    const perRow = Math.floor((WORKER_W - 2 * CARD_PAD + SQUARE_GAP) / (SQUARE + SQUARE_GAP));
    return Math.max(2, Math.ceil(pods / perRow)) * (SQUARE + SQUARE_GAP);
  }
  return Math.max(2, Math.ceil(pods / 2)) * (TILE_H + TILE_GAP);
}

export interface WorkerInput {
  name: string;
  pods: number;
  notReady: boolean;
}

export interface Layout {
  head: Box;
  pending: Box;
  you: Box;
  workers: Map<string, Box & { compact: boolean }>;
  /** Where flows start and end, per endpoint. */
  anchors: Map<string, { x: number; y: number }>;
  /** The whole drawing, for fitting the view. */
  bounds: Box;
}

/** Columns for n workers: at least 3 (a row under the head), wider as the cluster grows. */
export function workerColumns(n: number): number {
  return Math.max(3, Math.ceil(Math.sqrt(n * 1.6)));
}

/** Rounds a row's height up so small changes in pod counts do not move the rows below. */
function roundUp(h: number): number {
  return Math.ceil(h / 40) * 40;
}

export function layoutInfrastructure(workers: readonly WorkerInput[], podsTotal: number): Layout {
  const head: Box = { x: 0, y: 0, width: HEAD_W, height: HEAD_H };
  const pending: Box = { x: HEAD_W + PENDING_GAP, y: 0, width: PENDING_W, height: HEAD_H };
  const you: Box = { x: -YOU_W - 60, y: HEAD_HEADER + COMP_H / 2 - YOU_H / 2, width: YOU_W, height: YOU_H };
  const anchors = new Map<string, { x: number; y: number }>();
  COMPONENTS.forEach((c, i) => {
    anchors.set(c, { x: HEAD_PAD + i * (COMP_W + COMP_GAP) + COMP_W / 2, y: HEAD_HEADER + COMP_H / 2 });
  });
  anchors.set('user', { x: you.x + YOU_W, y: you.y + YOU_H / 2 });
  anchors.set('pending', { x: pending.x, y: pending.y + 60 });

  const cols = workerColumns(workers.length);
  const out = new Map<string, Box & { compact: boolean }>();
  const rowCount = Math.ceil(workers.length / cols);
  // The grid is centred under the head.
  const gridW = Math.min(workers.length, cols) * WORKER_W + (Math.min(workers.length, cols) - 1) * WORKER_GAP_X;
  const left = Math.round((HEAD_W - gridW) / 2);
  let y = WORKERS_TOP;
  for (let r = 0; r < rowCount; r++) {
    const row = workers.slice(r * cols, (r + 1) * cols);
    const heights = row.map((w) => CARD_CHROME + (w.notReady ? BANNER_H : 0) + tilesHeight(w.pods, isCompact(w.pods, podsTotal)));
    const h = roundUp(Math.max(...heights));
    row.forEach((w, i) => {
      const box = { x: left + i * (WORKER_W + WORKER_GAP_X), y, width: WORKER_W, height: h, compact: isCompact(w.pods, podsTotal) };
      out.set(w.name, box);
      anchors.set(`node:${w.name}`, { x: box.x + WORKER_W / 2, y: box.y });
    });
    y += h + WORKER_GAP_Y;
  }
  const minX = Math.min(you.x, left);
  const maxX = Math.max(pending.x + PENDING_W, left + gridW);
  return { head, pending, you, workers: out, anchors, bounds: { x: minX, y: 0, width: maxX - minX, height: Math.max(y, HEAD_H) } };
}
