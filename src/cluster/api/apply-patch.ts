/**
 * Applies a PATCH body to the stored object by its patch type, turning the patch library's errors into
 * the Status kube-apiserver answers. The result is a fresh object the update path then validates.
 */
import type { KubeObject } from './types.ts';
import type { ResourceType } from './registry.ts';
import type { PatchType } from './request.ts';
import { ApiError, badRequest } from './errors.ts';
import { applyMergePatch } from './patch/json-merge-patch.ts';
import { applyJsonPatch } from './patch/json-patch.ts';
import { applyStrategicMergePatch } from './patch/strategic-merge-patch.ts';
import { patchMetaFor } from './patch/patch-meta.ts';
import { PatchError } from './patch/patch-error.ts';

export function applyPatch(type: PatchType, t: ResourceType, current: KubeObject, patch: unknown): unknown {
  return dropNulls(patchRaw(type, t, current, patch));
}

/** Decoding into typed objects turns `null` into "unset": a patched field set to null is gone. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v);
  return out;
}

function patchRaw(type: PatchType, t: ResourceType, current: KubeObject, patch: unknown): unknown {
  try {
    switch (type) {
      case 'json':
        return applyJsonPatch(current, patch);
      case 'merge':
        return applyMergePatch(current, patch);
      case 'strategic':
        return applyStrategicMergePatch(current, patch, patchMetaFor(current.apiVersion, t.kind));
      case 'apply':
        // Server-side apply, simplified: the applied configuration is merged over the live object the way
        // a strategic merge patch would merge it (no field ownership tracking).
        return applyStrategicMergePatch(current, patch, patchMetaFor(current.apiVersion, t.kind));
    }
  } catch (e) {
    if (e instanceof PatchError) throw new ApiError(e.toStatus());
    if (e instanceof ApiError) throw e;
    throw badRequest(e instanceof Error ? e.message : String(e));
  }
}
