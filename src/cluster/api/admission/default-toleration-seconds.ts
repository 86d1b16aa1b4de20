/**
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): every pod tolerates the
 * not-ready and unreachable NoExecute taints for 300 s unless it says otherwise — which is why pods on a
 * dead node are evicted five minutes after it goes NotReady.
 */
import type { AdmissionPlugin } from './types.ts';

export const NAME = 'DefaultTolerationSeconds';
export const DEFAULT_TOLERATION_SECONDS = 300;
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** Does some toleration already cover `key:NoExecute`? (An empty effect covers every effect.) */
function tolerates(tolerations: readonly Toleration[], key: string): boolean {
  return tolerations.some(
    (t) => (t.effect === undefined || t.effect === '' || t.effect === 'NoExecute') && (t.key === key || ((t.key === undefined || t.key === '') && t.operator === 'Exists')),
  );
}

export const defaultTolerationSeconds = {
  name: NAME,
  admit(attrs) {
    if (attrs.operation !== 'CREATE' || attrs.resource.kind !== 'Pod' || attrs.subresource || !attrs.object) return;
    const spec = (attrs.object.spec ?? {}) as { tolerations?: Toleration[] };
    const tolerations = spec.tolerations ?? [];
    const added: Toleration[] = [];
    for (const key of [NOT_READY_TAINT, UNREACHABLE_TAINT]) {
      if (!tolerates(tolerations, key)) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
    if (added.length > 0) spec.tolerations = [...tolerations, ...added];
    attrs.object.spec = spec;
  },
} satisfies AdmissionPlugin;
