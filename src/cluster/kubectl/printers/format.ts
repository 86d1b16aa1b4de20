/**
 * The small formatting helpers printers.go shares: label sets, label selectors, container names and
 * images, access modes. Each prints exactly what its Go counterpart prints, `<none>` included.
 */
import { selectorFromLabelSelector, type LabelSelectorLike } from '../../api/labels/selector.ts';

/** labels.FormatLabels: `a=b,c=d` sorted by key, `<none>` when empty. */
export function formatLabels(set: Readonly<Record<string, string>> | null | undefined): string {
  const keys = Object.keys(set ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${set![k]}`).join(',');
}

/** LabelSelectorAsSelector(...).String(): `''` for an empty or missing selector, `<invalid>` on error. */
export function selectorString(sel: LabelSelectorLike | null | undefined): string {
  try {
    return selectorFromLabelSelector(sel).toString();
  } catch {
    return '<invalid>';
  }
}

/** metav1.FormatLabelSelector: like selectorString but `<none>` when empty and `<error>` on error. */
export function formatLabelSelector(sel: LabelSelectorLike | null | undefined): string {
  try {
    const s = selectorFromLabelSelector(sel).toString();
    return s.length === 0 ? '<none>' : s;
  } catch {
    return '<error>';
  }
}

interface ContainerLike {
  name?: string;
  image?: string;
}

/** layoutContainerCells: container names and images, each joined by `,`. */
export function layoutContainerCells(containers: readonly ContainerLike[] | undefined): [names: string, images: string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}

const ACCESS_MODES: ReadonlyArray<[string, string]> = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** helper.GetAccessModesAsString: `RWO,ROX,RWX,RWOP` in that order, each once. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const have = new Set(modes ?? []);
  return ACCESS_MODES.filter(([m]) => have.has(m))
    .map(([, short]) => short)
    .join(',');
}

/** Reads a nested field without caring whether the path exists: `field(obj, 'spec', 'replicas')`. */
export function field(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function int(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0;
}

export function arr<T = unknown>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

export function rec(v: unknown): Record<string, string> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
}
