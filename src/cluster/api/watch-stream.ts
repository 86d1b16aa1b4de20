/**
 * Turns the store's change stream into Kubernetes watch events for one watcher, applying its label and
 * field selectors the way kube-apiserver's watch cache does: an object that starts matching arrives as
 * ADDED, one that stops matching leaves as DELETED, changes to a matching object are MODIFIED.
 */
import type { StoreEvent } from '../store/types.ts';
import type { Actor, KubeObject, WatchEventType } from './types.ts';

export interface ApiWatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The store revision of the change. */
  revision: number;
  /** Who made the change (undefined for synthetic ADDED events of an initial listing). */
  actor?: Actor;
}

export type ObjectFilter = (obj: KubeObject) => boolean;

/** Maps one store event to at most one watch event for a watcher with `filter`. */
export function toWatchEvent(ev: StoreEvent<KubeObject>, filter: ObjectFilter): ApiWatchEvent | undefined {
  const now = ev.kv.value;
  const revision = ev.kv.modRevision;
  if (ev.type === 'DELETE') {
    const last = ev.prevKv?.value ?? now;
    if (!last || !filter(last)) return undefined;
    return { type: 'DELETED', object: withResourceVersion(last, revision), revision, ...(ev.actor ? { actor: ev.actor } : {}) };
  }
  const matchesNow = filter(now);
  const matchedBefore = ev.prevKv !== undefined && !ev.created && filter(ev.prevKv.value);
  const actor = ev.actor ? { actor: ev.actor } : {};
  if (matchesNow && matchedBefore) return { type: 'MODIFIED', object: now, revision, ...actor };
  if (matchesNow) return { type: 'ADDED', object: now, revision, ...actor };
  if (matchedBefore) return { type: 'DELETED', object: now, revision, ...actor };
  return undefined;
}

/** A frozen copy of `obj` carrying another resourceVersion (deleted objects carry the deletion's). */
export function withResourceVersion(obj: KubeObject, revision: number): KubeObject {
  const rv = String(revision);
  if (obj.metadata.resourceVersion === rv) return obj;
  return Object.freeze({ ...obj, metadata: Object.freeze({ ...obj.metadata, resourceVersion: rv }) });
}
