import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import type { AdmissionAttributes, AdmissionReader } from './types.ts';
import { resourceForKind } from '../registry.ts';
import { defaultStorageClass } from './default-storage-class.ts';

const sc = (name: string, isDefault: string | undefined, created = '2025-01-01T00:00:00Z'): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name,
    creationTimestamp: created,
    ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': isDefault } } : {}),
  },
});

function admit(
  spec: Record<string, unknown>,
  classes: KubeObject[],
  kind = 'PersistentVolumeClaim',
): unknown {
  const object: KubeObject = { apiVersion: 'v1', kind, metadata: { name: 'c', namespace: 'default' }, spec };
  const attrs: AdmissionAttributes = {
    operation: 'CREATE',
    resource: resourceForKind('v1', kind)!,
    namespace: 'default',
    name: 'c',
    object,
    actor: { name: 'u', component: 'user' },
    dryRun: false,
  };
  const reader: AdmissionReader = { get: () => undefined, list: () => classes, now: () => 0 };
  defaultStorageClass.admit(attrs, reader);
  return (attrs.object?.spec as { storageClassName?: unknown }).storageClassName;
}

describe('DefaultStorageClass admission', () => {
  it.each([
    {
      name: 'unset gets the default',
      spec: {},
      classes: [sc('standard', 'true'), sc('fast', undefined)],
      want: 'standard',
    },
    {
      name: 'explicit "" stays without class',
      spec: { storageClassName: '' },
      classes: [sc('standard', 'true')],
      want: '',
    },
    {
      name: 'explicit class kept',
      spec: { storageClassName: 'fast' },
      classes: [sc('standard', 'true')],
      want: 'fast',
    },
    { name: 'no default: unset stays unset', spec: {}, classes: [sc('standard', 'false')], want: undefined },
    {
      name: 'several defaults: the newest',
      spec: {},
      classes: [sc('old', 'true', '2024-01-01T00:00:00Z'), sc('new', 'true', '2025-06-01T00:00:00Z')],
      want: 'new',
    },
  ])('$name', ({ spec, classes, want }) => {
    expect(admit(spec, classes)).toBe(want);
  });

  it('leaves other kinds alone', () => {
    expect(admit({}, [sc('standard', 'true')], 'PersistentVolume')).toBeUndefined();
  });
});
