/**
 * What a DELETE does to an object, as k8s.io/apiserver's BeforeDelete and the garbage-collection
 * finalizers decide it: remove it now, or mark it (deletionTimestamp, grace period, finalizers) and let
 * whoever holds it — a kubelet, the garbage collector, a controller — finish the job.
 */
import type { KubeObject } from './types.ts';
import type { DeleteOptions } from './request.ts';
import type { Strategy } from './strategy.ts';
import { rfc3339 } from '../sim/clock.ts';
import { clone } from './object-meta.ts';

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

export type DeletionDecision = { kind: 'now' } | { kind: 'unchanged' } | { kind: 'mark'; object: KubeObject };

export function propagationOf(options: DeleteOptions, strategy: Strategy): 'Background' | 'Foreground' | 'Orphan' {
  if (options.propagationPolicy) return options.propagationPolicy;
  if (options.orphanDependents === true) return 'Orphan';
  if (options.orphanDependents === false) return 'Background';
  return strategy.defaultPropagation ?? 'Background';
}

/** Decides a delete of `current` (frozen) at virtual time `nowMs`. Never mutates its inputs. */
export function decideDeletion(current: KubeObject, options: DeleteOptions, strategy: Strategy, nowMs: number): DeletionDecision {
  const grace = strategy.gracePeriodSeconds?.(current, options.gracePeriodSeconds);
  const policy = propagationOf(options, strategy);
  const old = current.metadata.finalizers ?? [];
  let finalizers = old.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  // An explicit policy replaces the one an earlier delete asked for; with none, the earlier one stands.
  const explicit = options.propagationPolicy !== undefined || options.orphanDependents !== undefined;
  if (explicit || !current.metadata.deletionTimestamp) {
    if (policy === 'Orphan') finalizers = [...finalizers, ORPHAN_FINALIZER];
    if (policy === 'Foreground') finalizers = [...finalizers, FOREGROUND_FINALIZER];
  } else {
    finalizers = old;
  }
  const finalizersChanged = finalizers.length !== old.length || finalizers.some((f, i) => f !== old[i]);

  if (current.metadata.deletionTimestamp) {
    const currentGrace = current.metadata.deletionGracePeriodSeconds ?? 0;
    const shorter = grace !== undefined && grace < currentGrace;
    if (shorter && grace === 0 && finalizers.length === 0) return { kind: 'now' };
    if (!shorter && !finalizersChanged) return { kind: 'unchanged' };
    const next = clone(current);
    if (shorter) {
      next.metadata.deletionTimestamp = rfc3339(nowMs + grace * 1000);
      next.metadata.deletionGracePeriodSeconds = grace;
    }
    setFinalizers(next, finalizers);
    return { kind: 'mark', object: next };
  }

  if (finalizers.length === 0 && (grace === undefined || grace === 0)) return { kind: 'now' };
  const next = clone(current);
  next.metadata.deletionTimestamp = rfc3339(nowMs + (grace ?? 0) * 1000);
  next.metadata.deletionGracePeriodSeconds = grace ?? 0;
  setFinalizers(next, finalizers);
  return { kind: 'mark', object: next };
}

function setFinalizers(obj: KubeObject, finalizers: string[]): void {
  if (finalizers.length > 0) obj.metadata.finalizers = finalizers;
  else delete obj.metadata.finalizers;
}
