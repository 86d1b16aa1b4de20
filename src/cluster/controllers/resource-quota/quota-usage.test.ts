import { describe, expect, it } from 'vitest';
import { canonicalList, chargedAt, quotaUsed, resourceOfQuotaKey } from './quota-usage.ts';
import { resourceFor } from '../../api/registry.ts';
import type { KubeObject } from '../../api/types.ts';
import { rfc3339 } from '../../sim/clock.ts';

const T0 = Date.UTC(2025, 0, 1);
const PODS = resourceFor('', 'pods')!;

const pod = (name: string, cpu: string, extra: { phase?: string; deletingAt?: number; grace?: number } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'ns',
    ...(extra.deletingAt !== undefined ? { deletionTimestamp: rfc3339(extra.deletingAt), deletionGracePeriodSeconds: extra.grace ?? 30 } : {}),
  },
  spec: { containers: [{ name: 'c', resources: { requests: { cpu, memory: '128Mi' }, limits: { memory: '256Mi' } } }] },
  status: { phase: extra.phase ?? 'Running' },
});

describe('resourceOfQuotaKey', () => {
  it.each([
    ['pods', 'pods'],
    ['cpu', 'pods'],
    ['requests.memory', 'pods'],
    ['limits.cpu', 'pods'],
    ['requests.storage', 'persistentvolumeclaims'],
    ['services.nodeports', 'services'],
    ['count/deployments.apps', 'deployments'],
    ['count/secrets', 'secrets'],
    ['count/widgets.example.com', undefined],
    ['bogus', undefined],
  ])('%s charges %s', (key, resource) => {
    expect(resourceOfQuotaKey(key)?.resource).toBe(resource);
  });
});

describe('quotaUsed', () => {
  const hard = { 'pods': '10', 'requests.cpu': '4', 'requests.memory': '1Gi', 'limits.memory': '2Gi', 'bogus': '1' };

  it.each([
    ['no pods', [], { 'limits.memory': '0', 'pods': '0', 'requests.cpu': '0', 'requests.memory': '0' }],
    ['two running pods', [pod('a', '250m'), pod('b', '1')], { 'limits.memory': '512Mi', 'pods': '2', 'requests.cpu': '1250m', 'requests.memory': '256Mi' }],
    ['terminal pods are free', [pod('a', '250m'), pod('b', '1', { phase: 'Succeeded' }), pod('c', '1', { phase: 'Failed' })], { 'limits.memory': '256Mi', 'pods': '1', 'requests.cpu': '250m', 'requests.memory': '128Mi' }],
    ['a pod stuck terminating past its grace is free', [pod('a', '250m', { deletingAt: T0 - 61_000 })], { 'limits.memory': '0', 'pods': '0', 'requests.cpu': '0', 'requests.memory': '0' }],
  ])('%s', (_name, pods, used) => {
    expect(quotaUsed(hard, (t) => (t === PODS ? pods : []), T0).used).toEqual(used);
  });

  it('looks again when a terminating pod stops being charged', () => {
    const p = pod('a', '1', { deletingAt: T0 + 10_000, grace: 30 });
    expect(chargedAt(PODS, p, T0)).toEqual({ charged: true, until: T0 + 40_000 });
    expect(quotaUsed(hard, () => [p], T0).recheckAt).toBe(T0 + 40_000);
  });

  it('canonicalizes hard limits as quota.Add does', () => {
    expect(canonicalList({ 'requests.cpu': '2000m', 'memory': '1024Mi', 'pods': 10 })).toEqual({ 'memory': '1Gi', 'pods': '10', 'requests.cpu': '2' });
  });
});
