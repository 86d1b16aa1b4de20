/**
 * `kubectl apply -f`, client-side, as kubectl 1.32 does it: each document is created when it does not
 * exist (carrying the `kubectl.kubernetes.io/last-applied-configuration` annotation), otherwise patched
 * with the three-way strategic merge patch computed from that annotation, the manifest and the live
 * object — or left alone when the patch is empty. Every document gets its own outcome or error, worded
 * as kubectl prints it; a failing document never stops the others and changes nothing itself.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import { ApiError, isApiError } from '../api/errors.ts';
import { parseManifests } from '../manifests/parse-manifests.ts';
import { errorWhenCreating, errorWhenPatching, errorWhenRetrieving, kubectlErrorLine, manifestErrorText, objectRef, outcomeLine, type ResourceLookup } from '../manifests/outcome.ts';
import { resourceForKind } from '../api/registry.ts';
import { createThreeWayMergePatch } from '../api/patch/three-way.ts';
import { patchMetaFor } from '../api/patch/patch-meta.ts';
import { PatchError } from '../api/patch/patch-error.ts';
import { goJsonStringify } from './go-json.ts';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export const KUBECTL_ACTOR: Actor = { name: 'kubectl-client-side-apply', component: 'user' };

export interface ApplyDocumentOutcome {
  index: number;
  line: number;
  message?: string;
  error?: string;
  errorLine?: number;
  errorColumn?: number;
}

export const lookupResource: ResourceLookup = (kind, apiVersion) => {
  const t = resourceForKind(apiVersion, kind);
  return t ? { resource: t.resource, group: t.group } : undefined;
};

export interface ApplyOptions {
  namespace?: string;
  actor?: Actor;
  dryRun?: boolean;
}

/** Applies every document of `text`; never throws. */
export function applyManifests(api: ApiServer, text: string, source: string, opts: ApplyOptions = {}): ApplyDocumentOutcome[] {
  const outcomes: ApplyDocumentOutcome[] = [];
  for (const doc of parseManifests(text, source)) {
    const base = { index: doc.index, line: doc.line };
    if (doc.error || !doc.object) {
      outcomes.push({
        ...base,
        error: kubectlErrorLine(manifestErrorText(source, doc.error?.message ?? 'empty document')),
        ...(doc.error?.line !== undefined ? { errorLine: doc.error.line } : {}),
        ...(doc.error?.column !== undefined ? { errorColumn: doc.error.column } : {}),
      });
      continue;
    }
    try {
      outcomes.push({ ...base, message: applyOne(api, doc.object, source, opts) });
    } catch (e) {
      outcomes.push({ ...base, error: e instanceof Error ? e.message : String(e), errorLine: doc.line });
    }
  }
  return outcomes;
}

/** Applies one object; returns kubectl's outcome line or throws an Error whose message is kubectl's. */
export function applyOne(api: ApiServer, input: KubeObject, source: string, opts: ApplyOptions = {}): string {
  const t = resourceForKind(input.apiVersion, input.kind);
  const name = input.metadata?.name ?? '';
  const namespace = t?.namespaced ? (input.metadata?.namespace ?? opts.namespace ?? 'default') : undefined;
  if (!t || t.virtual) {
    throw new Error(
      `error: resource mapping not found for name: "${name}" namespace: "${input.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${input.kind}" in version "${input.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  if (!name) {
    throw new Error(kubectlErrorLine(`error when retrieving current configuration of:\nResource: "${t.group}/${t.version}, Resource=${t.resource}", GroupVersionKind: "${t.group}/${t.version}, Kind=${t.kind}"\nName: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${source}": resource name may not be empty`));
  }
  const actor = opts.actor ?? KUBECTL_ACTOR;
  const req = { group: t.group, resource: t.resource, ...(namespace !== undefined ? { namespace } : {}) };
  const modified = withLastApplied(input, namespace);
  const ref = objectRef(input, lookupResource);
  const writeOpts = { actor, fieldValidation: 'Strict' as const, dryRun: !!opts.dryRun, fieldManager: 'kubectl-client-side-apply' };

  let current: KubeObject | undefined;
  try {
    current = api.get(req, name, actor);
  } catch (e) {
    if (!(isApiError(e) && e.code === 404 && e.status.details?.name === name)) {
      throw serverError(e, (m) => errorWhenRetrieving({ ...input, metadata: { name, ...(namespace ? { namespace } : {}) } }, source, m, lookupResource));
    }
  }
  if (!current) {
    try {
      api.create(req, modified, writeOpts);
    } catch (e) {
      throw serverError(e, (m) => errorWhenCreating(source, m));
    }
    return outcomeLine(ref, 'created', opts.dryRun ? { dryRun: 'server' } : {});
  }

  const lastAppliedText = current.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  let lastApplied: unknown = null;
  if (lastAppliedText) {
    try {
      lastApplied = JSON.parse(lastAppliedText);
    } catch {
      lastApplied = null;
    }
  }
  let patch: object;
  try {
    patch = createThreeWayMergePatch(lastApplied, modified, current, patchMetaFor(current.apiVersion, current.kind));
  } catch (e) {
    throw new Error(kubectlErrorLine(e instanceof Error ? e.message : String(e)));
  }
  if (Object.keys(patch).length === 0) return outcomeLine(ref, 'unchanged', opts.dryRun ? { dryRun: 'server' } : {});
  try {
    api.patch(req, name, 'strategic', patch, writeOpts);
  } catch (e) {
    throw serverError(e, (m) => errorWhenPatching(goJsonStringify(patch), { ...input, metadata: { name, ...(namespace ? { namespace } : {}) } }, source, m, lookupResource));
  }
  return outcomeLine(ref, 'configured', opts.dryRun ? { dryRun: 'server' } : {});
}

/** The object kubectl sends: the manifest plus the annotation recording it (kubectl's GetModifiedConfiguration). */
export function withLastApplied(input: KubeObject, namespace: string | undefined): KubeObject {
  const metadata = { ...(input.metadata ?? {}) };
  if (namespace !== undefined) metadata.namespace = namespace;
  const annotations = { ...(metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  const recorded = { ...input, metadata: { ...metadata, annotations } };
  // kubectl encodes the object as Go's json.Marshal does (sorted keys) and ends it with a newline.
  const text = goJsonStringify(recorded) + '\n';
  return { ...input, metadata: { ...metadata, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: text } } };
}

function serverError(e: unknown, wrap: (message: string) => string): Error {
  if (e instanceof ApiError) return new Error(kubectlErrorLine(wrap(e.status.message ?? ''), { reason: e.status.reason ?? '' }));
  if (e instanceof PatchError) return new Error(kubectlErrorLine(wrap(e.message), { reason: e.reason }));
  return new Error(kubectlErrorLine(e instanceof Error ? e.message : String(e)));
}
