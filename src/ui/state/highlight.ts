/**
 * Keeps `useUi.highlight` in step with the selection: a workload lights up what it owns (ReplicaSets,
 * pods), a Service the pods it selects, a pod its siblings under the same controller. Recomputed a few
 * times a second at most, and stored only when the set really changed, so tiles re-render rarely.
 */
import { useCluster } from './cluster-store.ts';
import { useUi } from './ui-store.ts';
import { relatedKeys, relationsOf, WORKLOAD_KINDS } from './relations.ts';

const EMPTY: ReadonlySet<string> = new Set();

function compute(): ReadonlySet<string> {
  const selected = useUi.getState().selected;
  if (!selected) return EMPTY;
  const objects = useCluster.getState().objects;
  const obj = objects.get(selected);
  if (!obj || !(WORKLOAD_KINDS.has(obj.kind) || obj.kind === 'Service')) return EMPTY;
  const keys = relatedKeys(selected, objects, relationsOf(objects));
  keys.add(selected);
  return keys;
}

function same(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

let started = false;

export function startHighlighting(): void {
  if (started) return;
  started = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    timer = undefined;
    const next = compute();
    if (!same(next, useUi.getState().highlight)) useUi.setState({ highlight: next });
  };
  useUi.subscribe((s, prev) => {
    if (s.selected !== prev.selected) update();
  });
  useCluster.subscribe(() => {
    if (useUi.getState().selected && timer === undefined) timer = setTimeout(update, 200);
  });
}
