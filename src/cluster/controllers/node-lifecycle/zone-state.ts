/**
 * Zones and their disruption states (k/k pkg/controller/nodelifecycle ComputeZoneState,
 * ReducedQPSFunc, HealthyQPSFunc; k8s.io/component-helpers/node/topology GetZoneKey).
 *
 * A zone is FullDisruption when none of its nodes is Ready, PartialDisruption when more than two nodes
 * and at least `unhealthyZoneThreshold` of them are not Ready, Normal otherwise.
 */
import type { KubeObject } from '../../api/types.ts';

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

export const LABEL_ZONE = 'topology.kubernetes.io/zone';
export const LABEL_REGION = 'topology.kubernetes.io/region';
const LABEL_ZONE_BETA = 'failure-domain.beta.kubernetes.io/zone';
const LABEL_REGION_BETA = 'failure-domain.beta.kubernetes.io/region';
/** A node carrying this label is left out of zone health (labelNodeDisruptionExclusion). */
export const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

/** `region:\0:zone`, or '' for a node without topology labels (all such nodes share one zone). */
export function zoneKeyOf(node: KubeObject): string {
  const labels = node.metadata.labels ?? {};
  const region = labels[LABEL_REGION] ?? labels[LABEL_REGION_BETA] ?? '';
  const zone = labels[LABEL_ZONE] ?? labels[LABEL_ZONE_BETA] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\u0000:${zone}`;
}

/**
 * The state of a zone from its nodes' Ready statuses (undefined: no Ready condition). Returns how many
 * are not Ready as well.
 */
export function computeZoneState(
  readyStatuses: readonly (string | undefined)[],
  unhealthyZoneThreshold: number,
): { notReady: number; state: ZoneState } {
  let ready = 0;
  let notReady = 0;
  for (const s of readyStatuses) {
    if (s === 'True') ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return { notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + ready) >= unhealthyZoneThreshold)
    return { notReady, state: 'PartialDisruption' };
  return { notReady, state: 'Normal' };
}

export interface EvictionRates {
  /** --node-eviction-rate, nodes per second (0.1). */
  evictionQps: number;
  /** --secondary-node-eviction-rate (0.01). */
  secondaryEvictionQps: number;
  /** --large-cluster-size-threshold (50). */
  largeClusterThreshold: number;
}

/**
 * The tainting rate for a zone in `state` with `zoneSize` nodes: a partially disrupted zone slows to the
 * secondary rate in a large zone and stops in a small one; a fully disrupted zone keeps the normal rate
 * (unless every zone is, which the caller handles by stopping everywhere).
 */
export function zoneQps(state: ZoneState, zoneSize: number, rates: EvictionRates): number {
  switch (state) {
    case 'PartialDisruption':
      return zoneSize > rates.largeClusterThreshold ? rates.secondaryEvictionQps : 0;
    case 'Normal':
    case 'FullDisruption':
    case 'Initial':
      return rates.evictionQps;
  }
}
