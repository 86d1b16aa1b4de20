import { describe, expect, it } from 'vitest';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IStorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, runFilter } from '../../testing/plugin-harness.ts';
import { ERR_UNBOUND_IMMEDIATE_PVC, NAME, VolumeBinding } from './volume-binding.ts';
import type { FilterPlugin } from '../../framework/interfaces.ts';

const pvc = (name: string, spec: IPersistentVolumeClaim['spec'], deleting = false): IPersistentVolumeClaim => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  spec,
});
const classes: Record<string, IStorageClass> = {
  wait: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'wait' }, provisioner: 'x', volumeBindingMode: 'WaitForFirstConsumer' },
  now: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'now' }, provisioner: 'x', volumeBindingMode: 'Immediate' },
};
const claims: Record<string, IPersistentVolumeClaim> = {
  bound: pvc('bound', { volumeName: 'pv-1' }),
  waiting: pvc('waiting', { storageClassName: 'wait' }),
  immediate: pvc('immediate', { storageClassName: 'now' }),
  gone: pvc('gone', { volumeName: 'pv-2' }, true),
};
const plugin = new VolumeBinding({ getPVC: (_ns, n) => claims[n], getStorageClass: (n) => classes[n] });
const asFilter = Object.assign(plugin, { filter: () => null }) as VolumeBinding & FilterPlugin;
const nodes = [nodeInfoOf(makeNode().name('n').obj())];

describe(NAME, () => {
  it.each([
    { name: 'no claims: skipped', pod: makePod().name('p').obj(), want: 'skip' },
    { name: 'bound claim', pod: makePod().name('p').pvc('bound').obj(), want: null },
    { name: 'missing claim', pod: makePod().name('p').pvc('data').obj(), want: 'persistentvolumeclaim "data" not found' },
    { name: 'claim being deleted', pod: makePod().name('p').pvc('gone').obj(), want: 'persistentvolumeclaim "gone" is being deleted' },
    { name: 'unbound, WaitForFirstConsumer', pod: makePod().name('p').pvc('waiting').obj(), want: null },
    { name: 'unbound, Immediate', pod: makePod().name('p').pvc('immediate').obj(), want: ERR_UNBOUND_IMMEDIATE_PVC },
  ])('$name', ({ pod, want }) => {
    const r = runFilter(asFilter, pod, nodes);
    if (want === 'skip') return expect(r.skipped).toBe(true);
    expect(r.preFilter?.reasons[0] ?? null).toBe(want);
    if (want) expect(r.preFilter?.code).toBe('UnschedulableAndUnresolvable');
  });
});
