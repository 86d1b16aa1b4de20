/**
 * A PodDisruptionBudget on a real cluster: its status follows the Deployment's pods, and evictions
 * spend it — the first of two evictions in a row goes through, the second gets kube-apiserver's 429,
 * and once the replacement pod is Ready the budget allows one again.
 */
import { describe, expect, it } from 'vitest';
import { deploymentYaml, fullyAvailable } from '../../scenarios/scenario-kit.ts';
import { disruptionScenario, pdbYaml } from './disruption-scenario.ts';
import { DISRUPTION_ALLOWED_CONDITION } from './pdb-helpers.ts';
import type { KubeObject } from '../../api/types.ts';

const phaseOf = (pod: KubeObject | undefined) => (pod?.status as { phase?: string } | undefined)?.phase;

const conditionOf = (pdb: { status?: { conditions?: { type: string; status: string; reason: string; message: string }[] } }) => {
  const c = pdb.status?.conditions?.find((x) => x.type === DISRUPTION_ALLOWED_CONDITION);
  return c && { status: c.status, reason: c.reason, message: c.message };
};

describe('a 3-replica Deployment guarded by minAvailable 2', () => {
  const s = disruptionScenario();
  let first = '';

  it('reports 3 healthy of 2 desired: one disruption allowed, SufficientPods', () => {
    s.apply(deploymentYaml('web', 3));
    s.apply(pdbYaml('web-pdb', 'web', 'minAvailable: 2'));
    expect(s.until(() => fullyAvailable(s.deployment('web')) && s.pdb('web-pdb').status?.currentHealthy === 3, 120)).toBeDefined();
    const pdb = s.pdb('web-pdb');
    expect(pdb.status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3, observedGeneration: 1 });
    expect(pdb.status?.disruptedPods).toBeUndefined();
    expect(conditionOf(pdb)).toEqual({ status: 'True', reason: 'SufficientPods', message: '' });
    expect(s.disruption.errors).toEqual([]);
  });

  it('evicts the first pod: 201 Success, the pod terminating with DisruptionTarget, the budget spent', () => {
    first = s.livePods('web')[0]!.metadata.name!;
    expect(s.evict(first)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    const pod = s.pod(first)!;
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);
    const cond = (pod.status as { conditions: { type: string; status: string; reason?: string; message?: string }[] }).conditions.find((c) => c.type === 'DisruptionTarget');
    expect(cond).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    const pdb = s.pdb('web-pdb');
    expect(pdb.status?.disruptionsAllowed).toBe(0);
    expect(Object.keys(pdb.status?.disruptedPods ?? {})).toEqual([first]);
    expect(conditionOf(pdb)).toEqual({ status: 'False', reason: 'InsufficientPods', message: '' });
  });

  it('refuses the second eviction in a row with 429 and the budget in the cause', () => {
    const second = s.livePods('web').find((p) => p.metadata.name !== first)!.metadata.name!;
    const status = s.evict(second);
    expect(status.code).toBe(429);
    expect(status.reason).toBe('TooManyRequests');
    expect(status.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
    // At once the budget still counts the evicted pod (only the API server has written since).
    expect(status.details?.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 3 currently' }]);
    expect(s.pod(second)?.metadata.deletionTimestamp).toBeUndefined();
    // Once the controllers have run (no time passing), the budget sees the pod terminating and its
    // replacement not yet Ready; with an integer minAvailable every selected pod is expected, the
    // terminating one included.
    s.cluster.advance(0);
    expect(s.pdb('web-pdb').status).toMatchObject({ currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 4 });
    const again = s.evict(second);
    expect(again.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(again.details?.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently' }]);
    expect(s.pod(second)?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('allows an eviction again once the replacement is Ready', () => {
    expect(s.until(() => s.pdb('web-pdb').status?.disruptionsAllowed === 1, 120)).toBeDefined();
    const pdb = s.pdb('web-pdb');
    expect(pdb.status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1 });
    expect(pdb.status?.disruptedPods).toBeUndefined(); // the eviction was seen through
    expect(s.livePods('web').map((p) => p.metadata.name)).not.toContain(first);
    expect(conditionOf(pdb)).toEqual({ status: 'True', reason: 'SufficientPods', message: '' });
    const next = s.livePods('web')[0]!.metadata.name!;
    expect(s.evict(next).status).toBe('Success');
    expect(s.disruption.errors).toEqual([]);
  });
});

describe('budgets in percentages and maxUnavailable scale with the owning Deployment', () => {
  const s = disruptionScenario(11);
  s.apply(deploymentYaml('api', 4));
  s.until(() => fullyAvailable(s.deployment('api')), 120);

  it.each([
    // budget, expectedPods, desiredHealthy, disruptionsAllowed
    ['maxUnavailable: 1', 4, 3, 1],
    ['maxUnavailable: "25%"', 4, 3, 1],
    ['maxUnavailable: "30%"', 4, 2, 2], // 1.2 rounds up to 2 unavailable
    ['maxUnavailable: "100%"', 4, 0, 4],
    ['maxUnavailable: 0', 4, 4, 0],
    ['minAvailable: "50%"', 4, 2, 2],
    ['minAvailable: "60%"', 4, 3, 1], // 2.4 rounds up to 3
    ['minAvailable: "100%"', 4, 4, 0],
    ['minAvailable: 5', 4, 5, 0],
  ])('%s: expected %i, desired %i, allowed %i', (budget, expected, desired, allowed) => {
    const name = `pdb-${budget.replace(/[^a-z0-9]+/gi, '-').toLowerCase().replace(/-$/, '')}`;
    s.apply(pdbYaml(name, 'api', budget));
    s.advance(1);
    expect(s.pdb(name).status).toMatchObject({ expectedPods: expected, desiredHealthy: desired, currentHealthy: 4, disruptionsAllowed: allowed });
    expect(conditionOf(s.pdb(name))?.reason).toBe(allowed > 0 ? 'SufficientPods' : 'InsufficientPods');
    s.person.delete({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget' }, 'default', name);
  });

  it('follows a scale-up: maxUnavailable 25% of 8 is 2', () => {
    s.apply(pdbYaml('quarter', 'api', 'maxUnavailable: "25%"'));
    s.scale('api', 8);
    expect(s.until(() => fullyAvailable(s.deployment('api')) && s.pdb('quarter').status?.currentHealthy === 8, 120)).toBeDefined();
    expect(s.pdb('quarter').status).toMatchObject({ expectedPods: 8, desiredHealthy: 6, disruptionsAllowed: 2 });
  });

  it('answers 500 when a pod has two budgets', () => {
    s.apply(pdbYaml('quarter-too', 'api', 'minAvailable: 1'));
    s.advance(1);
    const status = s.evict(s.livePods('api')[0]!.metadata.name!);
    expect(status).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.', code: 500 });
    expect(s.disruption.errors).toEqual([]);
  });
});

describe('pods the budget cannot scale, and pods it does not guard', () => {
  const s = disruptionScenario(3);
  const events = (name: string) => s.events(name).map((e) => `${e.type} ${e.reason}: ${e.message}`);
  const barePod = (name: string, labels: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: default
  labels: {${labels}}
spec:${extra}
  containers:
    - name: main
      image: nginx:1.27
`;

  it('warns UnmanagedPods for a bare pod under a percentage budget', () => {
    s.apply(barePod('solo', 'app: solo'));
    s.apply(pdbYaml('solo-pdb', 'solo', 'minAvailable: "50%"'));
    s.until(() => phaseOf(s.pod('solo')) === 'Running', 60);
    s.advance(2);
    expect(events('solo-pdb').some((e) => e.includes('UnmanagedPods') && e.includes('Pods selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{app: solo,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged.'))).toBe(true);
    expect(s.pdb('solo-pdb').status).toMatchObject({ expectedPods: 0, desiredHealthy: 0, disruptionsAllowed: 0 });
  });

  it('fails safe (SyncFailed) when the owner has no scale subresource', () => {
    s.apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: batch
  namespace: default
spec:
  template:
    metadata:
      labels: {app: batch}
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox
          command: ["sleep", "3600"]
`);
    s.apply(pdbYaml('batch-pdb', 'batch', 'maxUnavailable: 1'));
    expect(s.until(() => conditionOf(s.pdb('batch-pdb'))?.reason === 'SyncFailed', 30)).toBeDefined();
    expect(conditionOf(s.pdb('batch-pdb'))).toEqual({ status: 'False', reason: 'SyncFailed', message: 'jobs.batch does not implement the scale subresource' });
    expect(events('batch-pdb')).toContain('Warning CalculateExpectedPodCountFailed: Failed to calculate the number of expected pods: jobs.batch does not implement the scale subresource');
  });

  it('evicts a Pending pod without looking at its budget', () => {
    s.apply(barePod('stuck', 'app: stuck', '\n  nodeSelector: {nowhere: "true"}'));
    s.apply(pdbYaml('stuck-pdb', 'stuck', 'minAvailable: 1'));
    s.advance(2);
    expect(s.pdb('stuck-pdb').status?.disruptionsAllowed).toBe(0);
    expect(s.evict('stuck').status).toBe('Success');
    expect(s.pod('stuck')).toBeUndefined(); // never scheduled: gone at once
  });

  it('evicts an unready running pod only as unhealthyPodEvictionPolicy says', () => {
    s.apply(barePod('sick', 'app: sick'));
    s.until(() => phaseOf(s.pod('sick')) === 'Running', 60);
    // Make it unready as a failing readiness probe would.
    const pod = s.pod('sick')!;
    const conds = (pod.status as { conditions: { type: string; status: string }[] }).conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c));
    s.cluster.api.update({ group: '', resource: 'pods', namespace: 'default', subresource: 'status' }, 'sick', { ...pod, status: { ...(pod.status as object), conditions: conds } }, { actor: { name: 'test', component: 'user' } });
    s.apply(pdbYaml('sick-pdb', 'sick', 'minAvailable: 1'));
    s.advance(1);
    const refused = s.evict('sick', 'default', { dryRun: true });
    expect(refused.code).toBe(429);
    expect(refused.details?.causes?.[0]?.message).toBe('The disruption budget sick-pdb needs 1 healthy pods and has 0 currently');
    s.apply(pdbYaml('sick-pdb', 'sick', 'minAvailable: 1', '\n  unhealthyPodEvictionPolicy: AlwaysAllow'));
    s.advance(1);
    expect(s.evict('sick').status).toBe('Success');
    expect(s.pdb('sick-pdb').status?.disruptedPods).toBeUndefined(); // nothing spent
  });

  it('rejects an Eviction naming another pod', () => {
    const status = (() => {
      try {
        s.cluster.api.evict('default', 'solo', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'other' } }, { actor: { name: 'test', component: 'user' } });
        return undefined;
      } catch (e) {
        return (e as { status: { code: number; message: string } }).status;
      }
    })();
    expect(status).toMatchObject({ code: 400, message: 'name in URL does not match name in Eviction object' });
  });
});
