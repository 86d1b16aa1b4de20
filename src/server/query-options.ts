/**
 * Query parameters to API server options: list and watch (`labelSelector`, `fieldSelector`, `limit`,
 * `continue`, `resourceVersion`, `timeoutSeconds`), writes (`dryRun`, `fieldValidation`,
 * `fieldManager`) and deletes (`propagationPolicy`, `gracePeriodSeconds`, `orphanDependents`, or a
 * DeleteOptions body, which wins, as in kube-apiserver).
 */
import type { DeleteOptions, FieldValidation, ListOptions, WatchOptions } from '../cluster/api/request.ts';
import { badRequest } from '../cluster/api/errors.ts';

export function listOptions(q: URLSearchParams): ListOptions {
  const opts: ListOptions = {};
  const label = q.get('labelSelector');
  if (label) opts.labelSelector = label;
  const fieldSel = q.get('fieldSelector');
  if (fieldSel) opts.fieldSelector = fieldSel;
  const rv = q.get('resourceVersion');
  if (rv) opts.resourceVersion = rv;
  const match = q.get('resourceVersionMatch');
  if (match === 'Exact' || match === 'NotOlderThan') opts.resourceVersionMatch = match;
  const limit = q.get('limit');
  if (limit) {
    const n = Number(limit);
    if (Number.isInteger(n) && n > 0) opts.limit = n;
  }
  const cont = q.get('continue');
  if (cont) opts.continue = cont;
  return opts;
}

export function watchOptions(q: URLSearchParams): WatchOptions {
  const opts: WatchOptions = {};
  const label = q.get('labelSelector');
  if (label) opts.labelSelector = label;
  const fieldSel = q.get('fieldSelector');
  if (fieldSel) opts.fieldSelector = fieldSel;
  const rv = q.get('resourceVersion');
  if (rv) opts.resourceVersion = rv;
  if (q.get('allowWatchBookmarks') === 'true') opts.allowWatchBookmarks = true;
  return opts;
}

export function isWatch(q: URLSearchParams): boolean {
  const w = q.get('watch');
  return w === '1' || w === 'true';
}

/** timeoutSeconds of a watch, in ms; undefined for none. */
export function watchTimeoutMs(q: URLSearchParams): number | undefined {
  const t = q.get('timeoutSeconds');
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? n * 1000 : undefined;
}

export function dryRun(q: URLSearchParams, body?: { dryRun?: unknown }): boolean {
  const values = q.getAll('dryRun');
  if (Array.isArray(body?.dryRun)) values.push(...(body.dryRun as string[]));
  for (const v of values) {
    if (v !== 'All') throw badRequest(`Invalid dry run value: dryRun: Unsupported value: "${v}": supported values: "All"`);
  }
  return values.length > 0;
}

export function fieldValidation(q: URLSearchParams): FieldValidation | undefined {
  const v = q.get('fieldValidation');
  if (v === null || v === '') return undefined;
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${v}"`);
}

const POLICIES = new Set(['Background', 'Foreground', 'Orphan']);

/** DeleteOptions from the query, overridden field by field by a body when there is one. */
export function deleteOptions(q: URLSearchParams, body: unknown): DeleteOptions {
  const opts: DeleteOptions = {};
  const policy = q.get('propagationPolicy');
  if (policy) opts.propagationPolicy = checkPolicy(policy);
  const grace = q.get('gracePeriodSeconds');
  if (grace !== null && grace !== '') opts.gracePeriodSeconds = checkGrace(Number(grace));
  const orphan = q.get('orphanDependents');
  if (orphan === 'true' || orphan === 'false') opts.orphanDependents = orphan === 'true';
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (typeof b.propagationPolicy === 'string') opts.propagationPolicy = checkPolicy(b.propagationPolicy);
    if (typeof b.gracePeriodSeconds === 'number') opts.gracePeriodSeconds = checkGrace(b.gracePeriodSeconds);
    if (typeof b.orphanDependents === 'boolean') opts.orphanDependents = b.orphanDependents;
    const pre = b.preconditions as { uid?: unknown; resourceVersion?: unknown } | undefined;
    if (pre && typeof pre === 'object') {
      opts.preconditions = {};
      if (typeof pre.uid === 'string') opts.preconditions.uid = pre.uid;
      if (typeof pre.resourceVersion === 'string') opts.preconditions.resourceVersion = pre.resourceVersion;
    }
  }
  if (opts.orphanDependents !== undefined && opts.propagationPolicy !== undefined) {
    throw badRequest('DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "' + opts.propagationPolicy + '": orphanDependents and deletionPropagation cannot be both set');
  }
  return opts;
}

function checkPolicy(p: string): 'Background' | 'Foreground' | 'Orphan' {
  if (!POLICIES.has(p)) throw badRequest(`DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${p}": supported values: "Foreground", "Background", "Orphan", "nil"`);
  return p as 'Background' | 'Foreground' | 'Orphan';
}

function checkGrace(n: number): number {
  if (!Number.isInteger(n)) throw badRequest('gracePeriodSeconds must be an integer');
  return n;
}
