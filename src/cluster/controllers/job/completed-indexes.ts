/**
 * `status.completedIndexes` of an Indexed Job (k/k pkg/controller/job/indexed_job_utils.go
 * orderedIntervals): the succeeded indexes in ascending order, runs of consecutive indexes written
 * `first-last`, single ones alone, joined by commas: `0-2,4,6-7`.
 */

/** Formats a set of indexes; '' for none. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i]!;
    let last = first;
    while (i + 1 < sorted.length && sorted[i + 1] === last + 1) last = sorted[++i]!;
    parts.push(first === last ? String(first) : `${first}-${last}`);
    i++;
  }
  return parts.join(',');
}

/** Parses `completedIndexes`, keeping only indexes below `completions`; malformed parts are skipped. */
export function parseIndexes(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const first = Number(m[1]);
    const last = m[2] !== undefined ? Number(m[2]) : first;
    for (let i = first; i <= last && i < completions; i++) out.add(i);
  }
  return out;
}

/** The completion index a pod carries in its annotation, or undefined when missing or malformed. */
export function completionIndexOf(annotations: Record<string, string> | undefined, key: string): number | undefined {
  const v = annotations?.[key];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}
