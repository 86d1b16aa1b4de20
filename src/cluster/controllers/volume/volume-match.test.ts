import { describe, expect, it } from 'vitest';
import { findMatchingVolume } from './volume-match.ts';
import type { ClaimObject, VolumeObject } from './volume-types.ts';

const claim = (over: Partial<NonNullable<ClaimObject['spec']>> = {}): ClaimObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'c', namespace: 'default', uid: 'u1' },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '3Gi' } },
    storageClassName: 'manual',
    volumeMode: 'Filesystem',
    ...over,
  },
});
const pv = (
  name: string,
  size: string,
  over: Partial<NonNullable<VolumeObject['spec']>> = {},
  labels: Record<string, string> = {},
  phase = 'Available',
): VolumeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, labels },
  spec: {
    accessModes: ['ReadWriteOnce'],
    capacity: { storage: size },
    storageClassName: 'manual',
    volumeMode: 'Filesystem',
    hostPath: { path: '/mnt' },
    ...over,
  },
  status: { phase },
});

describe('findMatchingVolume', () => {
  const cases: {
    name: string;
    claim: ClaimObject;
    volumes: VolumeObject[];
    delay?: boolean;
    want: string | undefined;
  }[] = [
    {
      name: 'smallest that fits',
      claim: claim(),
      volumes: [pv('big', '10Gi'), pv('fit', '5Gi'), pv('small', '1Gi')],
      want: 'fit',
    },
    { name: 'exact size', claim: claim(), volumes: [pv('a', '3Gi')], want: 'a' },
    { name: 'too small', claim: claim(), volumes: [pv('a', '2Gi')], want: undefined },
    {
      name: 'other class',
      claim: claim(),
      volumes: [pv('a', '5Gi', { storageClassName: 'fast' })],
      want: undefined,
    },
    {
      name: 'no class matches only no class',
      claim: claim({ storageClassName: '' }),
      volumes: [pv('a', '5Gi'), pv('b', '5Gi', { storageClassName: '' })],
      want: 'b',
    },
    {
      name: 'access modes must be a subset',
      claim: claim({ accessModes: ['ReadWriteMany'] }),
      volumes: [pv('a', '5Gi')],
      want: undefined,
    },
    {
      name: 'volumeMode must match',
      claim: claim({ volumeMode: 'Block' }),
      volumes: [pv('a', '5Gi')],
      want: undefined,
    },
    {
      name: 'selector',
      claim: claim({ selector: { matchLabels: { tier: 'db' } } }),
      volumes: [pv('a', '5Gi'), pv('b', '9Gi', {}, { tier: 'db' })],
      want: 'b',
    },
    {
      name: 'only Available volumes',
      claim: claim(),
      volumes: [pv('a', '5Gi', {}, {}, 'Released'), pv('b', '5Gi', {}, {}, 'Pending')],
      want: undefined,
    },
    {
      name: 'claimed by another',
      claim: claim(),
      volumes: [pv('a', '5Gi', { claimRef: { namespace: 'default', name: 'other' } })],
      want: undefined,
    },
    {
      name: 'pre-bound wins over a better fit',
      claim: claim(),
      volumes: [
        pv('a', '3Gi'),
        pv('z', '50Gi', { claimRef: { namespace: 'default', name: 'c', uid: 'u1' } }, {}, 'Pending'),
      ],
      want: 'z',
    },
    {
      name: 'pre-bound to an older claim of that name',
      claim: claim(),
      volumes: [pv('z', '5Gi', { claimRef: { namespace: 'default', name: 'c', uid: 'old' } })],
      want: undefined,
    },
    {
      name: 'WaitForFirstConsumer takes only pre-bound',
      claim: claim(),
      volumes: [pv('a', '5Gi')],
      delay: true,
      want: undefined,
    },
  ];
  it.each(cases)('$name', ({ claim: c, volumes, delay, want }) => {
    expect(findMatchingVolume(c, volumes, delay)?.metadata.name).toBe(want);
  });
});
