/**
 * Which tolerations a pod uses against NoExecute taints, and for how long (k8s.io/api core/v1
 * Toleration.ToleratesTaint, k/k pkg/apis/core/v1/helper GetMatchingTolerations,
 * pkg/controller/tainteviction getMinTolerationTime).
 */
import type { Taint, Toleration } from '../node-lifecycle/node-types.ts';

/** Does `t` tolerate `taint`? An empty effect or key matches any; operator `Exists` ignores the value. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/**
 * Whether every taint is tolerated, and the first toleration that tolerates each (in taint order).
 * With no taints everything is tolerated and no toleration is used.
 */
export function matchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}

/**
 * How long the pod may stay, in ms: the smallest tolerationSeconds among `used` (0 or negative: none),
 * -1 when every used toleration is forever, 0 when none is used.
 */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}
