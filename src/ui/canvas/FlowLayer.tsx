import { memo, useEffect, useRef, useState } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { onFlows, useActivity, edgeKey, type Endpoint, type Flow, type FlowVerb } from '../state/activity.ts';
import { flowPath, type FlowPath } from './flow-paths.ts';
import type { Layout } from './layout.ts';

const VERB_COLOUR: Record<FlowVerb, string> = {
  create: 'var(--verb-create)',
  update: 'var(--verb-update)',
  delete: 'var(--verb-delete)',
  watch: 'var(--verb-watch)',
  bind: 'var(--verb-bind)',
};

/** Past this speed flows are summed on the edges instead of drawn one by one. */
const DOTS_UP_TO_SPEED = 10;
const MAX_DOTS = 40;
const DOT_MS = 750;

interface Dot {
  id: number;
  d: string;
  verb: FlowVerb;
  delay: number;
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** One travelling dot: a CSS motion path animated once, then gone. */
function DotView({ dot, onDone }: { dot: Dot; onDone: (id: number) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof el.animate !== 'function') {
      onDone(dot.id);
      return;
    }
    const a = el.animate([{ offsetDistance: '0%', opacity: 1 }, { offsetDistance: '100%', opacity: 0.9 }], { duration: DOT_MS, delay: dot.delay, easing: 'ease-in-out', fill: 'backwards' });
    a.onfinish = () => onDone(dot.id);
    return () => a.cancel();
  }, [dot, onDone]);
  return (
    <div
      ref={ref}
      className="absolute left-0 top-0 h-2.5 w-2.5 rounded-full"
      style={{ offsetPath: `path('${dot.d}')`, offsetDistance: '100%', background: VERB_COLOUR[dot.verb], boxShadow: `0 0 6px ${VERB_COLOUR[dot.verb]}`, opacity: 0 }}
    />
  );
}

let nextDot = 1;

/**
 * Request flows over the canvas, in flow coordinates: faint standing edges between the components and
 * to each node, a dot per request travelling caller -> API server -> etcd and watch events back out at
 * low speed, and per-edge counts by verb at any speed (the only thing drawn at high speed or with
 * reduced motion, so 100x reads as a summary, not a blizzard).
 */
export const FlowLayer = memo(function FlowLayer({ layout, controlPlane, workers }: { layout: Layout; controlPlane: string | undefined; workers: readonly string[] }) {
  const [dots, setDots] = useState<Dot[]>([]);
  const edgeCounts = useActivity((s) => s.edgeCounts);
  const layoutRef = useRef(layout);
  const cpRef = useRef(controlPlane);
  useEffect(() => {
    layoutRef.current = layout;
    cpRef.current = controlPlane;
  }, [layout, controlPlane]);

  useEffect(
    () =>
      onFlows((flows: Flow[], speed: number) => {
        if (speed === 0 || speed > DOTS_UP_TO_SPEED || reducedMotion()) return;
        const fresh: Dot[] = [];
        for (const f of flows) {
          const p = flowPath(f.from, f.to, layoutRef.current, cpRef.current);
          if (!p) continue;
          const n = Math.min(f.count, 2);
          for (let i = 0; i < n; i++) fresh.push({ id: nextDot++, d: p.d, verb: f.verb, delay: i * 140 + (f.to === 'etcd' || f.from === 'apiserver' ? 220 : 0) });
        }
        if (fresh.length) setDots((old) => [...old, ...fresh].slice(-MAX_DOTS));
      }),
    [],
  );
  const [onDone] = useState(() => (id: number) => setDots((old) => old.filter((d) => d.id !== id)));

  const edges: { from: Endpoint; to: Endpoint }[] = [
    { from: 'user', to: 'apiserver' },
    { from: 'apiserver', to: 'etcd' },
    { from: 'controller-manager', to: 'apiserver' },
    { from: 'scheduler', to: 'apiserver' },
    ...workers.map((w) => ({ from: `node:${w}` as Endpoint, to: 'apiserver' as Endpoint })),
  ];
  const paths: { key: string; path: FlowPath }[] = [];
  for (const e of edges) {
    const path = flowPath(e.from, e.to, layout, controlPlane);
    if (path) paths.push({ key: edgeKey(e.from, e.to), path });
  }
  const b = layout.bounds;
  return (
    <ViewportPortal>
      <svg className="pointer-events-none absolute overflow-visible" style={{ left: 0, top: 0, width: 1, height: 1 }} aria-hidden>
        {paths.map(({ key, path }) => (
          <path key={key} d={path.d} fill="none" stroke="var(--edge)" strokeWidth={2} strokeDasharray="4 5" />
        ))}
      </svg>
      <div className="pointer-events-none absolute left-0 top-0" style={{ width: b.width, height: b.height }} aria-hidden>
        {dots.map((d) => (
          <DotView key={d.id} dot={d} onDone={onDone} />
        ))}
        {paths.map(({ key, path }) => {
          const counts = edgeCounts[key];
          if (!counts) return null;
          const parts = (Object.keys(counts) as FlowVerb[]).filter((v) => (counts[v] ?? 0) > 0);
          if (parts.length === 0) return null;
          return (
            <div
              key={key}
              className="absolute flex -translate-x-1/2 -translate-y-1/2 gap-1 whitespace-nowrap rounded-full border border-edge bg-panel/90 px-1.5 py-px font-mono text-[10px]"
              style={{ left: path.mid.x, top: path.mid.y }}
              data-testid={`flow-${key}`}
            >
              {parts.map((v) => (
                <span key={v} style={{ color: VERB_COLOUR[v] }}>
                  {v} {counts[v]}
                </span>
              ))}
            </div>
          );
        })}
      </div>
    </ViewportPortal>
  );
});

/** The verb colours, for the legend. */
export const FLOW_LEGEND: { verb: FlowVerb; colour: string; help: string }[] = [
  { verb: 'create', colour: VERB_COLOUR.create, help: 'a new object is written' },
  { verb: 'update', colour: VERB_COLOUR.update, help: 'an object is changed (update, patch, status)' },
  { verb: 'delete', colour: VERB_COLOUR.delete, help: 'an object is deleted' },
  { verb: 'watch', colour: VERB_COLOUR.watch, help: 'a change is pushed to a watcher' },
  { verb: 'bind', colour: VERB_COLOUR.bind, help: 'the scheduler assigns a pod to a node' },
];
