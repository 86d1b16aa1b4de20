/**
 * OpenAPI v3 documents, as far as kubectl uses them: `/openapi/v3` (the index of group versions) and
 * `/openapi/v3/api/v1`, `/openapi/v3/apis/<group>/<version>` (paths and component schemas).
 *
 * Two callers matter. `kubectl apply` (validate=strict) first checks that the server supports the
 * `fieldValidation` query parameter by finding a PATCH operation tagged with the kind's
 * `x-kubernetes-group-version-kind` that declares that parameter; finding none would make it fall back
 * to client-side validation through /openapi/v2 (protobuf). `kubectl explain` reads the component
 * schemas (descriptions, types, `$ref`s). Both are built from the API schema in src/cluster/api/schema.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resourcesOf, groupVersions, type GroupVersion } from './discovery.ts';

type RawField = { t: string; r?: number; go?: string; in?: string; e?: string[] };
type RawDefinitions = { kinds: Record<string, string>; defs: Record<string, { f: Record<string, RawField> }> };
type RawDescriptions = { defs: Record<string, Record<string, string>> };

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../cluster/api/schema/${name}`, import.meta.url), 'utf8')) as T;
}

/** `apps.v1.DeploymentSpec` -> `io.k8s.api.apps.v1.DeploymentSpec`, the names kube-apiserver uses. */
export function schemaName(key: string): string {
  if (key.startsWith('meta.v1.')) return `io.k8s.apimachinery.pkg.apis.meta.v1.${key.slice('meta.v1.'.length)}`;
  return `io.k8s.api.${key}`;
}

type Schema = Record<string, unknown>;

const PRIMITIVES: Readonly<Record<string, Schema>> = {
  string: { type: 'string' },
  int32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  number: { type: 'number', format: 'double' },
  boolean: { type: 'boolean' },
  bytes: { type: 'string', format: 'byte' },
  IntOrString: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' },
  Quantity: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' },
  Time: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time' },
  MicroTime: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime' },
  any: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
};

const SHARED_SCHEMAS: Readonly<Record<string, Schema>> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { description: 'IntOrString is a type that can hold an int32 or a string.', type: 'string', format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { description: 'Quantity is a fixed-point representation of a number.', type: 'string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.', type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { description: 'MicroTime is version of Time with microsecond level precision.', type: 'string', format: 'date-time' },
};

const TYPE_META_DOCS: Readonly<Record<string, string>> = {
  apiVersion: 'APIVersion defines the versioned schema of this representation of an object.',
  kind: 'Kind is a string value representing the REST resource this object represents.',
};

function typeSchema(t: string, defs: RawDefinitions['defs']): Schema {
  if (t.startsWith('[]')) return { type: 'array', items: typeSchema(t.slice(2), defs) };
  if (t.startsWith('{}')) return { type: 'object', additionalProperties: typeSchema(t.slice(2), defs) };
  if (defs[t]) return { allOf: [{ $ref: `#/components/schemas/${schemaName(t)}` }] };
  return { ...(PRIMITIVES[t] ?? { type: 'object' }) };
}

function buildSchemas(): Record<string, Schema> {
  const raw = readJson<RawDefinitions>('definitions.json');
  const docs = readJson<RawDescriptions>('descriptions.json').defs;
  const gvkByKey = new Map<string, { group: string; version: string; kind: string }[]>();
  for (const [gvk, key] of Object.entries(raw.kinds)) {
    const parts = gvk.split('/');
    const kind = parts.pop()!;
    const version = parts.pop()!;
    const group = parts.join('/');
    gvkByKey.set(key, [...(gvkByKey.get(key) ?? []), { group, version, kind }]);
  }
  const schemas: Record<string, Schema> = { ...SHARED_SCHEMAS };
  for (const [key, def] of Object.entries(raw.defs)) {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const [name, f] of Object.entries(def.f)) {
      const s = typeSchema(f.t, raw.defs);
      const description = docs[key]?.[name] ?? TYPE_META_DOCS[name];
      if (description) s.description = description;
      if (f.e) s.enum = [...f.e];
      properties[name] = s;
      // apiVersion and kind are required by our decoder, never by the published schema.
      if (f.r === 1 && !(name in TYPE_META_DOCS)) required.push(name);
    }
    const schema: Schema = { type: 'object', properties };
    const description = docs[key]?.[''];
    if (description) schema.description = description;
    if (required.length > 0) schema.required = required.sort();
    const gvks = gvkByKey.get(key);
    if (gvks) schema['x-kubernetes-group-version-kind'] = gvks;
    schemas[schemaName(key)] = schema;
  }
  return schemas;
}

let schemasCache: Record<string, Schema> | undefined;

function gvPath(gv: GroupVersion): string {
  return gv.group === '' ? `api/${gv.version}` : `apis/${gv.group}/${gv.version}`;
}

const PATCH_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({ name, in: 'query', schema: { type: name === 'force' ? 'boolean' : 'string' }, uniqueItems: true }));

/** The OpenAPI document of one group version (cached; the same object on every call). */
function documentFor(gv: GroupVersion): Schema {
  schemasCache ??= buildSchemas();
  const paths: Record<string, Schema> = {};
  for (const t of resourcesOf(gv)) {
    if (t.virtual) continue;
    const base = `/${gvPath(gv)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.resource}/{name}`;
    const gvk = { group: gv.group, version: gv.version, kind: t.kind };
    paths[base] = {
      patch: {
        description: `partially update the specified ${t.kind}`,
        operationId: `patch${t.kind}`,
        parameters: PATCH_PARAMETERS,
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
      },
      parameters: [
        { name: 'name', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } },
        ...(t.namespaced ? [{ name: 'namespace', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } }] : []),
      ],
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths, components: { schemas: schemasCache } };
}

const documents = new Map<string, { text: string; hash: string }>();

function documentText(gv: GroupVersion): { text: string; hash: string } {
  const key = gvPath(gv);
  let doc = documents.get(key);
  if (!doc) {
    const text = JSON.stringify(documentFor(gv));
    doc = { text, hash: createHash('sha512').update(text).digest('hex').toUpperCase() };
    documents.set(key, doc);
  }
  return doc;
}

/** `/openapi/v3`: every group version with its document's URL (hash-versioned, as kube-apiserver's). */
export function openApiV3Index(): string {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of groupVersions()) {
    const p = gvPath(gv);
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${documentText(gv).hash}` };
  }
  return JSON.stringify({ paths });
}

/** `/openapi/v3/<api/v1 | apis/g/v>` as JSON text, or undefined for a group version not served. */
export function openApiV3Document(path: string): string | undefined {
  const gv = groupVersions().find((x) => gvPath(x) === path);
  return gv ? documentText(gv).text : undefined;
}
