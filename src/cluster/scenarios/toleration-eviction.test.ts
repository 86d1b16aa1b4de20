/**
 * A pod that tolerates `unreachable` for only 30 s leaves a dead node long before its neighbours, which
 * carry the 300 s default toleration the DefaultTolerationSeconds admission plugin gave them.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from './scenario-kit.ts';

function podYaml(name: string, tolerations: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: default
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-2${tolerations}
  containers:
    - name: main
      image: nginx:1.27
`;
}

const SHORT = `
  tolerations:
    - key: node.kubernetes.io/unreachable
      operator: Exists
      effect: NoExecute
      tolerationSeconds: 30`;

describe('tolerationSeconds decides when a pod leaves a dead node', () => {
  const s = scenario();
  let killedAt = 0;

  it('both pods run on worker-2; the patient one got the 300 s defaults, the hasty one keeps its 30 s', () => {
    s.apply(podYaml('hasty', SHORT));
    s.apply(podYaml('patient', ''));
    expect(s.until(() => s.rows().every((r) => r.status === 'Running') && s.rows().length === 2, 60)).toBeDefined();
    expect(s.rows().map((r) => `${r.name} ${r.node}`)).toEqual(['hasty worker-2', 'patient worker-2']);
    const tolerations = (name: string) => (s.pod(name)!.spec as { tolerations: { key: string; tolerationSeconds?: number }[] }).tolerations.map((t) => `${t.key}=${t.tolerationSeconds}`).sort();
    expect(tolerations('hasty')).toEqual(['node.kubernetes.io/not-ready=300', 'node.kubernetes.io/unreachable=30']);
    expect(tolerations('patient')).toEqual(['node.kubernetes.io/not-ready=300', 'node.kubernetes.io/unreachable=300']);
  });

  it('kill worker-2: the hasty pod is Terminating ~80-95 s later, the patient one still Running', () => {
    s.advance(30);
    killedAt = s.elapsed();
    s.cluster.killNode('worker-2');
    const evictedAt = s.until(() => s.rows().find((r) => r.name === 'hasty')?.status === 'Terminating', 200);
    expect(evictedAt).toBeDefined();
    const after = evictedAt! - killedAt;
    expect(after).toBeGreaterThanOrEqual(75);
    expect(after).toBeLessThanOrEqual(95);
    expect(s.rows().find((r) => r.name === 'patient')?.status).toBe('Running');
    expect(s.events('hasty').map((e) => `${e.reason} ${e.message}`)).toContain('TaintManagerEviction Marking for deletion Pod default/hasty');
  });

  it('the patient pod follows at ~350 s', () => {
    const evictedAt = s.until(() => s.rows().find((r) => r.name === 'patient')?.status === 'Terminating', 400);
    expect(evictedAt).toBeDefined();
    expect(evictedAt! - killedAt).toBeGreaterThanOrEqual(345);
    expect(evictedAt! - killedAt).toBeLessThanOrEqual(365);
  });
});
