/**
 * What a caller passes to the API server: which resource, who asks, and the verb's options — the same
 * information a REST request carries in its path and query (`/apis/apps/v1/namespaces/default/deployments
 * ?labelSelector=app%3Dweb`).
 */
import type { Actor } from './types.ts';

export interface ResourceRequest {
  /** API group, '' for core. */
  group: string;
  /** Plural resource name (`pods`). */
  resource: string;
  /** Namespace for namespaced resources; undefined lists across all namespaces. */
  namespace?: string;
  /** `status`, `scale`, `binding`, `eviction`. */
  subresource?: string;
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  actor: Actor;
  /** `All` runs every step but stores nothing (kubectl --dry-run=server). */
  dryRun?: boolean;
  /** Unknown and duplicate fields: reject (Strict), warn (Warn, the server default), or drop (Ignore). */
  fieldValidation?: FieldValidation;
  /** Collects warnings the request produced (kube's Warning headers). */
  warnings?: string[];
  /** Field manager name (kubectl: `kubectl-client-side-apply`, `kubectl-edit`, ...). */
  fieldManager?: string;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** '' or '0': the latest; a number: at least that revision; with resourceVersionMatch=Exact, exactly it. */
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan';
  limit?: number;
  continue?: string;
}

export interface WatchOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** Start after this revision; '' or '0' starts with ADDED events for every existing object. */
  resourceVersion?: string;
  /** Watch one object (kubectl get pod x -w). */
  name?: string;
  /** Send BOOKMARK events? (accepted, unused: deliveries are synchronous). */
  allowWatchBookmarks?: boolean;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  /** Deprecated form of propagationPolicy=Orphan. */
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** Maps a Content-Type to a patch type. */
export function patchTypeOf(contentType: string): PatchType | undefined {
  switch (contentType.split(';')[0]!.trim()) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
      return 'apply';
    default:
      return undefined;
  }
}
