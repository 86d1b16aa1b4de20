/**
 * The status conditions the namespace controller keeps on a terminating namespace (k/k
 * pkg/controller/namespace/deletion/status_condition_utils.go): each of five types is True with a
 * reason and message while something fails or remains, otherwise False with its "ok" wording.
 */
export interface NamespaceCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export const CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const OK: Record<(typeof CONDITION_TYPES)[number], { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: {
    reason: 'ResourcesDiscovered',
    message: 'All resources successfully discovered',
  },
  NamespaceDeletionGroupVersionParsingFailure: {
    reason: 'ParsedGroupVersions',
    message: 'All legacy kube types successfully parsed',
  },
  NamespaceDeletionContentFailure: {
    reason: 'ContentDeleted',
    message: 'All content successfully deleted, may be waiting on finalization',
  },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: {
    reason: 'ContentHasNoFinalizers',
    message: 'All content-preserving finalizers finished',
  },
};

/** What one deletion pass found. */
export interface ContentTotals {
  /** `pods.` / `replicasets.apps` -> instances still there. */
  remainingByResource: Map<string, number>;
  /** finalizer -> instances still holding it. */
  remainingByFinalizer: Map<string, number>;
  /** Errors of the pass (`unexpected items still remain ...`). */
  errors: string[];
}

/** The failing conditions a pass produced (ProcessContentTotals, makeDeleteContentCondition). */
export function failingConditions(totals: ContentTotals, now: string): NamespaceCondition[] {
  const out: NamespaceCondition[] = [];
  const resources = [...totals.remainingByResource]
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${r} has ${n} resource instances`)
    .sort();
  if (totals.remainingByResource.size > 0) {
    out.push({
      type: 'NamespaceContentRemaining',
      status: 'True',
      lastTransitionTime: now,
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${resources.join(', ')}`,
    });
  }
  const finalizers = [...totals.remainingByFinalizer]
    .filter(([, n]) => n > 0)
    .map(([f, n]) => `${f} in ${n} resource instances`)
    .sort();
  if (totals.remainingByFinalizer.size > 0) {
    out.push({
      type: 'NamespaceFinalizersRemaining',
      status: 'True',
      lastTransitionTime: now,
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}`,
    });
  }
  if (totals.errors.length > 0) {
    const msgs = [...totals.errors].sort();
    out.push({
      type: 'NamespaceDeletionContentFailure',
      status: 'True',
      lastTransitionTime: now,
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}`,
    });
  }
  return out;
}

/**
 * The namespace's conditions after a pass (updateConditions): every type set to its failing form or
 * its ok form; lastTransitionTime moves only when the status flips. Returns undefined when nothing
 * changed. Never mutates `current`.
 */
export function updatedConditions(
  current: readonly NamespaceCondition[],
  failing: readonly NamespaceCondition[],
  now: string,
): NamespaceCondition[] | undefined {
  const next = current.map((c) => ({ ...c }));
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const wanted = failing.find((c) => c.type === type) ?? {
      type,
      status: 'False',
      lastTransitionTime: now,
      ...OK[type],
    };
    const old = next.find((c) => c.type === type);
    if (!old) {
      next.push({ ...wanted });
      changed = true;
    } else if (
      old.status !== wanted.status ||
      old.reason !== wanted.reason ||
      old.message !== wanted.message
    ) {
      if (old.status !== wanted.status) old.lastTransitionTime = now;
      old.status = wanted.status;
      old.reason = wanted.reason;
      old.message = wanted.message;
      changed = true;
    }
  }
  return changed ? next : undefined;
}
