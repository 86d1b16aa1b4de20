/**
 * The first step of every write: check the body is an object of the request's kind and version, apply
 * the field validation level (strict decoding), and hand back a fresh mutable copy.
 */
import type { KubeObject } from './types.ts';
import { apiVersionOf, parseApiVersion, resourceForKind, type ResourceType } from './registry.ts';
import type { WriteOptions } from './request.ts';
import { badRequest } from './errors.ts';
import { strictDecode } from './schema/strict-decode.ts';
import { clone } from './object-meta.ts';
import { convertToStored } from './conversion.ts';

export function decodeBody(t: ResourceType, body: unknown, opts: WriteOptions): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)?.slice(0, 200)}'`);
  }
  const raw = body as Partial<KubeObject>;
  const apiVersion = typeof raw.apiVersion === 'string' && raw.apiVersion ? raw.apiVersion : apiVersionOf(t);
  const kind = typeof raw.kind === 'string' && raw.kind ? raw.kind : t.kind;
  const { version } = parseApiVersion(apiVersion);
  const served = resourceForKind(apiVersion, kind);
  if (kind !== t.kind || !served || served.kind !== t.kind || served.group !== t.group) {
    throw badRequest(`${kind} in version "${version}" cannot be handled as a ${t.kind}: no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  const level = opts.fieldValidation ?? 'Warn';
  const decoded = strictDecode(raw, apiVersion, kind);
  if (!decoded.ok) {
    if (decoded.typeErrors.length > 0 || level === 'Strict') throw badRequest(decoded.message);
    if (level === 'Warn') for (const f of decoded.unknownFields) opts.warnings?.push(`unknown field "${f}"`);
  }
  const obj = clone({ ...raw, apiVersion, kind }) as KubeObject;
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  return convertToStored(obj, t);
}
