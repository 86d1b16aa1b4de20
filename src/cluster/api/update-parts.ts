/**
 * What an update may touch: the spec (everything but metadata and status, whose changes bump
 * metadata.generation) and, through the status subresource, only the status.
 */
import type { KubeObject } from './types.ts';
import { clone } from './object-meta.ts';

/** The object without metadata, status, apiVersion and kind: a change here bumps generation. */
export function specOf(obj: KubeObject): unknown {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

/** A status update changes only status: everything else comes from the stored object. */
export function keepAllButStatus(obj: KubeObject, old: KubeObject): void {
  const status = obj.status;
  for (const k of Object.keys(obj)) if (k !== 'status' && k !== 'metadata') delete obj[k];
  // The stored object is deep-frozen and never changes, so its spec can be shared rather than copied:
  // status writes (every kubelet heartbeat and pod update) are most of a cluster's writes.
  for (const [k, v] of Object.entries(old)) if (k !== 'status' && k !== 'metadata') obj[k] = v;
  const meta = obj.metadata;
  obj.metadata = {
    ...clone(old.metadata),
    ...(meta.labels ? { labels: meta.labels } : {}),
    ...(meta.annotations ? { annotations: meta.annotations } : {}),
  };
  if (status === undefined) delete obj.status;
  else obj.status = status;
}
