/**
 * The patches kubectl computes on the client, so the in-page console can send exactly what kubectl
 * would: `createThreeWayMergePatch` for `kubectl apply` (client-side apply of a built-in kind, overwrite
 * on) and `createTwoWayMergePatch` for commands that diff an edited copy (`kubectl set image`,
 * `kubectl rollout restart`, `kubectl edit`).
 *
 * Three-way, worked example (Deployment):
 *
 *   last-applied  spec: { replicas: 2, template: ...containers [{name: web, image: nginx:1}] }
 *   live          spec: { replicas: 5, ...containers [{name: web, image: nginx:1, imagePullPolicy: IfNotPresent}] }
 *   new config    spec: {              ...containers [{name: web, image: nginx:2}] }
 *   patch         spec: { replicas: null, template: { spec: {
 *                   $setElementOrder/containers: [{name: web}], containers: [{name: web, image: nginx:2}] } } }
 *
 * `replicas` was in the last applied config and is gone from the new one, so it is deleted; the
 * defaulted `imagePullPolicy` the live object gained is left alone; the image change is sent.
 */
import { cloneJson, isJsonObject, type JsonObject } from './json-value.ts';
import type { StructMeta } from './patch-meta.ts';
import { diffMaps } from './strategic-diff.ts';
import { mergeMap } from './strategic-merge-patch.ts';

function privateCopy(value: unknown): JsonObject {
  const copy = cloneJson(value);
  return isJsonObject(copy) ? copy : {};
}

/**
 * The strategic merge patch `kubectl apply` sends (strategicpatch.CreateThreeWayMergePatch with
 * overwrite): changes and additions from `current` to `modified`, plus deletions of fields that were in
 * `lastApplied` and are no longer in `modified`. Fields only `current` has (defaults, other writers)
 * are kept.
 *
 * `lastApplied` is the parsed `kubectl.kubernetes.io/last-applied-configuration` annotation (null or {}
 * when there is none). `modified` must already carry the new annotation, as kubectl sets it before
 * diffing. An empty object means nothing to send (kubectl then prints `unchanged`). Never mutates its
 * inputs. Throws {@link PatchError} for objects strategic merge cannot diff (missing merge keys, lists
 * of lists). Conflict detection (overwrite off) and preconditions are not done: kubectl apply uses
 * neither for built-in kinds.
 */
export function createThreeWayMergePatch(
  lastApplied: unknown,
  modified: unknown,
  current: unknown,
  meta: StructMeta | undefined,
): JsonObject {
  const delta = diffMaps(privateCopy(current), privateCopy(modified), meta, {
    ignoreDeletions: true,
    setElementOrder: true,
  });
  const deletions = diffMaps(privateCopy(lastApplied), privateCopy(modified), meta, {
    setElementOrder: true,
    ignoreChangesAndAdditions: true,
  });
  return mergeMap(deletions, delta, meta, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}

/**
 * The strategic merge patch that turns `original` into `modified` (strategicpatch.CreateTwoWayMergePatch):
 * removed fields become null, removed merge-list elements `$patch: delete`, with `$setElementOrder`
 * lists. Never mutates its inputs; an empty object means no change.
 */
export function createTwoWayMergePatch(
  original: unknown,
  modified: unknown,
  meta: StructMeta | undefined,
): JsonObject {
  return diffMaps(privateCopy(original), privateCopy(modified), meta, { setElementOrder: true });
}
