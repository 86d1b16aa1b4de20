/**
 * DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault): a PersistentVolumeClaim
 * created without `spec.storageClassName` gets the default StorageClass (the one annotated
 * `storageclass.kubernetes.io/is-default-class: "true"`; the newest when several are). An explicit
 * `storageClassName: ""` means "no class" and is left alone; with no default class the claim is too.
 */
import type { AdmissionPlugin } from './types.ts';
import type { KubeObject } from '../types.ts';

export const NAME = 'DefaultStorageClass';

const IS_DEFAULT = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/** GetDefaultClass: among classes marked default, the newest (then the first by name); undefined when none. */
export function defaultClassName(classes: readonly KubeObject[]): string | undefined {
  const marked = classes.filter((c) => IS_DEFAULT.some((a) => c.metadata.annotations?.[a] === 'true'));
  marked.sort(
    (a, b) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
      (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
  return marked[0]?.metadata.name;
}

export const defaultStorageClass = {
  name: NAME,
  admit(attrs, reader) {
    if (
      attrs.operation !== 'CREATE' ||
      attrs.resource.kind !== 'PersistentVolumeClaim' ||
      attrs.subresource ||
      !attrs.object
    )
      return;
    const spec = (attrs.object.spec ?? {}) as { storageClassName?: string | null };
    if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
    const name = defaultClassName(reader.list('storage.k8s.io', 'storageclasses'));
    if (!name) return;
    attrs.object.spec = { ...spec, storageClassName: name };
  },
} satisfies AdmissionPlugin;
