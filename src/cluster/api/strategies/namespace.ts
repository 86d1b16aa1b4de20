/**
 * core/v1 Namespace (k/k pkg/apis/core/v1 SetDefaults_Namespace, pkg/registry/core/namespace/strategy.go
 * and storage/storage.go). Every namespace carries the immutable label `kubernetes.io/metadata.name`, the
 * `kubernetes` finalizer in spec.finalizers and phase Active.
 *
 * Deleting a namespace is not the generic delete: the first DELETE marks it (deletionTimestamp, phase
 * Terminating) and it stays while spec.finalizers is non-empty; the namespace controller empties the
 * content, removes `kubernetes` through the `finalize` subresource and deletes again. `namespaceDeletion`
 * decides that; `namespaceFinalizeStrategy` is the strategy of the `finalize` subresource.
 */
import type { KubeObject } from '../types.ts';
import type { Strategy } from '../strategy.ts';
import type { DeleteOptions } from '../request.ts';
import { conflict } from '../errors.ts';
import { decideDeletion, type DeletionDecision } from '../deletion.ts';
import { clone } from '../object-meta.ts';
import { rfc3339 } from '../../sim/clock.ts';
import { invalid, notSupported, type FieldError } from '../validation/field-error.ts';
import { isQualifiedName } from '../validation/labels.ts';

export const METADATA_NAME_LABEL = 'kubernetes.io/metadata.name';
export const KUBERNETES_FINALIZER = 'kubernetes';
export const NAMESPACE_PURGE_MESSAGE =
  'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
const NAMESPACES = { group: '', resource: 'namespaces' } as const;

interface NamespaceSpec {
  finalizers?: string[];
}

function specOf(obj: KubeObject): NamespaceSpec {
  if (!obj.spec || typeof obj.spec !== 'object') obj.spec = {};
  return obj.spec as NamespaceSpec;
}

function validateFinalizers(finalizers: readonly string[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) {
    const msgs = isQualifiedName(f);
    errs.push(...msgs.map((m) => invalid('spec.finalizers', f, m)));
    if (msgs.length === 0 && !f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

export const namespaceStrategy: Strategy = {
  decideDelete: (current, options, nowMs) => namespaceDeletion(current, options, nowMs),
  holdsDeletion: (obj) => ((obj.spec as NamespaceSpec | undefined)?.finalizers ?? []).length > 0,
  default(obj) {
    // Always (re)set: the label cannot be changed or removed.
    obj.metadata.labels = { ...obj.metadata.labels, [METADATA_NAME_LABEL]: obj.metadata.name ?? '' };
  },
  prepareForCreate(obj) {
    const spec = specOf(obj);
    const finalizers = spec.finalizers ?? [];
    if (!finalizers.includes(KUBERNETES_FINALIZER)) spec.finalizers = [...finalizers, KUBERNETES_FINALIZER];
    obj.status = { phase: 'Active' };
  },
  prepareForUpdate(obj, old) {
    // spec.finalizers change only through the finalize subresource.
    const oldFinalizers = (old.spec as NamespaceSpec | undefined)?.finalizers;
    const spec = specOf(obj);
    if (oldFinalizers) spec.finalizers = [...oldFinalizers];
    else delete spec.finalizers;
  },
  validate(obj) {
    return validateFinalizers(specOf(obj).finalizers);
  },
  validateStatusUpdate(obj) {
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    return phase !== undefined && phase !== 'Active' && phase !== 'Terminating' ? [notSupported('status.phase', phase, ['Active', 'Terminating'])] : [];
  },
};

/** The `finalize` subresource: only spec.finalizers may change. */
export const namespaceFinalizeStrategy: Strategy = {
  prepareForUpdate(obj, old) {
    const finalizers = specOf(obj).finalizers;
    for (const k of Object.keys(obj)) if (k !== 'metadata') delete obj[k];
    for (const [k, v] of Object.entries(old)) if (k !== 'metadata') obj[k] = clone(v);
    obj.metadata = clone(old.metadata);
    const spec = specOf(obj);
    if (finalizers && finalizers.length > 0) spec.finalizers = [...finalizers];
    else delete spec.finalizers;
  },
  validateUpdate(obj) {
    return validateFinalizers(specOf(obj).finalizers);
  },
};

/**
 * What a DELETE of a namespace does (namespace storage's Delete). Never mutates `current`.
 * - not yet terminating: mark it — deletionTimestamp now, status.phase Terminating (grace 0);
 * - terminating with spec.finalizers left: throws the 409 Conflict kube-apiserver answers;
 * - terminating and finalized: the generic delete (gone, unless metadata.finalizers hold it).
 */
export function namespaceDeletion(current: KubeObject, options: DeleteOptions, nowMs: number): DeletionDecision {
  const finalizers = (current.spec as NamespaceSpec | undefined)?.finalizers ?? [];
  if (!current.metadata.deletionTimestamp) {
    const next = clone(current);
    next.metadata.deletionTimestamp = rfc3339(nowMs);
    next.metadata.deletionGracePeriodSeconds = 0;
    next.status = { ...(next.status as Record<string, unknown> | undefined), phase: 'Terminating' };
    if (options.propagationPolicy === 'Orphan' || options.orphanDependents === true) {
      next.metadata.finalizers = [...new Set([...(next.metadata.finalizers ?? []), 'orphan'])];
    }
    if (finalizers.length > 0 || (next.metadata.finalizers ?? []).length > 0) return { kind: 'mark', object: next };
  }
  if (finalizers.length > 0) throw conflict(NAMESPACES, current.metadata.name ?? '', NAMESPACE_PURGE_MESSAGE);
  // Finalized: gone now unless metadata finalizers (orphan, foregroundDeletion, ...) still hold it.
  if (current.metadata.deletionTimestamp) return (current.metadata.finalizers ?? []).length === 0 ? { kind: 'now' } : { kind: 'unchanged' };
  return decideDeletion(current, { ...options, gracePeriodSeconds: 0 }, {}, nowMs);
}
