import { describe, expect, it } from 'vitest';
import { buildDisruptedPodMap, countHealthyPods, nextPdbStatus, scaledValue } from './pdb-status.ts';
import type { PodDisruptionBudget } from './pdb-helpers.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { rfc3339 } from '../../sim/clock.ts';

const T0 = Date.UTC(2025, 0, 1);
const pod = (name: string, ready: boolean, deleting = false): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', ...(deleting ? { deletionTimestamp: rfc3339(T0) } : {}) },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const pdb = (status: Partial<NonNullable<PodDisruptionBudget['status']>> = {}, generation = 1): PodDisruptionBudget => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'p', namespace: 'default', generation },
  spec: { minAvailable: 1 },
  status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0, ...status },
});

describe('scaledValue (intstr.GetScaledValueFromIntOrPercent)', () => {
  it.each([
    [2, 10, true, 2],
    ['50%', 3, true, 2],
    ['50%', 3, false, 1],
    ['25%', 4, true, 1],
    ['34%', 3, true, 2],
    ['0%', 5, true, 0],
    ['100%', 7, false, 7],
  ] as const)('%s of %i (round up %s) is %i', (v, total, up, want) => {
    expect(scaledValue(v, total, up)).toBe(want);
  });
  it('refuses a string that is not a percentage', () => {
    expect(() => scaledValue('5', 10, true)).toThrow('invalid value for IntOrString: invalid type: string is not a percentage');
  });
});

describe('disrupted pods and healthy counts', () => {
  const pods = [pod('a', true), pod('b', true), pod('c', true), pod('d', false), pod('e', true, true)];

  it.each([
    // evicted at (s before now), still expected?, healthy
    [0, true, 2],
    [119, true, 2],
    [121, false, 3], // past the 2-minute DeletionTimeout: the eviction never came
  ])('a pod evicted %i s ago is still in flight: %s, healthy %i', (ago, inFlight, healthy) => {
    const now = T0 + 200_000;
    const p = pdb({ disruptedPods: { a: rfc3339(now - ago * 1000), e: rfc3339(now) } });
    const { disrupted, recheckAt, notDeleted } = buildDisruptedPodMap(pods, p, now);
    expect(Object.keys(disrupted)).toEqual(inFlight ? ['a'] : []); // `e` is already deleting
    expect(recheckAt).toBe(inFlight ? now - ago * 1000 + 120_000 : undefined);
    expect(notDeleted.map((x) => x.metadata.name)).toEqual(inFlight ? [] : ['a']);
    expect(countHealthyPods(pods, disrupted, now)).toBe(healthy);
  });
});

describe('nextPdbStatus (updatePdbStatus)', () => {
  it.each([
    // healthy, desired, expected, allowed, reason
    [3, 2, 3, 1, 'SufficientPods'],
    [2, 2, 3, 0, 'InsufficientPods'],
    [1, 2, 3, 0, 'InsufficientPods'],
    [3, 0, 0, 0, 'InsufficientPods'], // no expected pods: nothing allowed yet
  ])('%i healthy of %i desired (%i expected): %i allowed, %s', (healthy, desired, expected, allowed, reason) => {
    const s = nextPdbStatus(pdb(), { currentHealthy: healthy, desiredHealthy: desired, expectedPods: expected, disruptedPods: {} }, T0)!;
    expect(s).toEqual({
      observedGeneration: 1,
      disruptionsAllowed: allowed,
      currentHealthy: healthy,
      desiredHealthy: desired,
      expectedPods: expected,
      conditions: [{ type: 'DisruptionAllowed', status: allowed > 0 ? 'True' : 'False', observedGeneration: 1, lastTransitionTime: rfc3339(T0), reason, message: '' }],
    });
  });

  it('writes nothing when the stored status already says it', () => {
    const first = nextPdbStatus(pdb(), { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptedPods: {} }, T0)!;
    expect(nextPdbStatus(pdb(first), { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptedPods: {} }, T0 + 5000)).toBeUndefined();
    // A new generation is observed even when the counts are the same; the condition keeps its time.
    const next = nextPdbStatus(pdb(first, 2), { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptedPods: {} }, T0 + 5000)!;
    expect(next.observedGeneration).toBe(2);
    expect(next.conditions?.[0]).toMatchObject({ observedGeneration: 2, lastTransitionTime: rfc3339(T0) });
  });
});
