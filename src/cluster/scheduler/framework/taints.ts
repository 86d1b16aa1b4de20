/**
 * Taints and tolerations, as k8s.io/api core/v1 Toleration.ToleratesTaint and
 * v1helper.FindMatchingUntoleratedTaint.
 */
import type { ITaint } from 'kubernetes-models/v1/Taint';
import type { IToleration } from 'kubernetes-models/v1/Toleration';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

/**
 * Whether one toleration tolerates one taint: an empty effect matches every effect, an empty key with
 * `Exists` matches every key, an empty operator means `Equal`.
 */
export function toleratesTaint(t: IToleration, taint: ITaint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly IToleration[] | undefined, taint: ITaint): boolean {
  if (!tolerations) return false;
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The first taint (in node order) passing `filter` that no toleration tolerates, or undefined. */
export function findMatchingUntoleratedTaint(
  taints: readonly ITaint[] | undefined,
  tolerations: readonly IToleration[] | undefined,
  filter: (t: ITaint) => boolean,
): ITaint | undefined {
  if (!taints) return undefined;
  for (const taint of taints) {
    if (!filter(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}

/** The filter TaintToleration and the scheduler use: only NoSchedule and NoExecute keep pods away. */
export function doNotScheduleTaint(t: ITaint): boolean {
  return t.effect === 'NoSchedule' || t.effect === 'NoExecute';
}
