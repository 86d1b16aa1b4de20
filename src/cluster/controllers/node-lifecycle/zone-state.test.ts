import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { computeZoneState, zoneKeyOf, zoneQps, type ZoneState } from './zone-state.ts';

describe('computeZoneState (unhealthy-zone-threshold 0.55)', () => {
  const cases: [string, (string | undefined)[], ZoneState, number][] = [
    ['all ready', ['True', 'True', 'True', 'True'], 'Normal', 0],
    ['1 of 4 down', ['False', 'True', 'True', 'True'], 'Normal', 1],
    ['2 of 3 down: not more than two, still Normal', ['Unknown', 'Unknown', 'True'], 'Normal', 2],
    ['3 of 4 down', ['Unknown', 'Unknown', 'Unknown', 'True'], 'PartialDisruption', 3],
    ['3 of 6 down is 0.5 < 0.55', ['Unknown', 'Unknown', 'Unknown', 'True', 'True', 'True'], 'Normal', 3],
    [
      '4 of 7 down is 0.57',
      ['Unknown', 'Unknown', 'Unknown', 'Unknown', 'True', 'True', 'True'],
      'PartialDisruption',
      4,
    ],
    ['none ready', ['Unknown', 'False'], 'FullDisruption', 2],
    ['a single dead node', ['Unknown'], 'FullDisruption', 1],
    ['a node with no Ready condition counts as not ready', [undefined, 'True'], 'Normal', 1],
  ];
  it.each(cases)('%s', (_n, statuses, state, notReady) =>
    expect(computeZoneState(statuses, 0.55)).toEqual({ state, notReady }),
  );
});

describe('zoneQps', () => {
  const rates = { evictionQps: 0.1, secondaryEvictionQps: 0.01, largeClusterThreshold: 50 };
  const cases: [ZoneState, number, number][] = [
    ['Normal', 10, 0.1],
    ['FullDisruption', 10, 0.1],
    ['PartialDisruption', 50, 0],
    ['PartialDisruption', 51, 0.01],
  ];
  it.each(cases)('%s with %i nodes -> %d/s', (state, size, qps) =>
    expect(zoneQps(state, size, rates)).toBe(qps),
  );
});

describe('zoneKeyOf', () => {
  const node = (labels: Record<string, string>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n', labels },
  });
  it.each([
    [{}, ''],
    [{ 'topology.kubernetes.io/zone': 'a' }, ':\u0000:a'],
    [{ 'topology.kubernetes.io/region': 'eu', 'topology.kubernetes.io/zone': 'eu-1' }, 'eu:\u0000:eu-1'],
    [{ 'failure-domain.beta.kubernetes.io/zone': 'old' }, ':\u0000:old'],
  ] as [Record<string, string>, string][])('%o -> %j', (labels, key) =>
    expect(zoneKeyOf(node(labels))).toBe(key),
  );
});
