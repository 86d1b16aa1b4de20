/**
 * The REST verbs on `/api/v1/...` and `/apis/<group>/<version>/...`, mapped onto the cluster's
 * ApiServer: GET (get, list, Table), POST (create, pods/binding, pods/eviction), PUT (update, the status and scale subresources,
 * namespaces/finalize), PATCH (json, merge, strategic, apply), DELETE (one, or a collection).
 * Watches are served by watch-handler.ts.
 */
import type { ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { Cluster } from '../cluster/cluster.ts';
import type { Actor, KubeObject } from '../cluster/api/types.ts';
import type { ResourceRequest, WriteOptions } from '../cluster/api/request.ts';
import { patchTypeOf } from '../cluster/api/request.ts';
import { resourceFor, type ResourceType } from '../cluster/api/registry.ts';
import * as errors from '../cluster/api/errors.ts';
import { printerFor, toTable, type IncludeObject } from '../cluster/kubectl/printers/printers.ts';
import { deleteOptions, dryRun, fieldValidation, listOptions } from './query-options.ts';
import { sendJson, sendText, warningHeaders } from './http-io.ts';
import { podLog } from './pod-log.ts';
import type { ApiPath } from './api-path.ts';

export type ResourcePath = Extract<ApiPath, { kind: 'resource' }>;

export interface ResourceCall {
  method: string;
  path: ResourcePath;
  query: URLSearchParams;
  contentType: string;
  body: Buffer;
  table: boolean;
}

/** Resolves a path's resource: the registry's type at that exact group and version, else 404. */
export function resolveResource(path: ResourcePath): ResourceType {
  // events.k8s.io/v1 events are stored as core events (one store, two API groups, as in Kubernetes).
  const group = path.group === 'events.k8s.io' && path.resource === 'events' ? '' : path.group;
  const t = resourceFor(group, path.resource);
  if (!t || t.virtual || (group === path.group && t.version !== path.version)) throw errors.resourceNotFound();
  if (t.namespaced === false && path.namespace !== undefined) throw errors.resourceNotFound();
  return t;
}

function actorFor(q: URLSearchParams): Actor {
  return { name: q.get('fieldManager') || 'kubectl', component: 'user' };
}

function unsupportedMediaType(accepted: string): errors.ApiError {
  return new errors.ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `the body of the request was in an unknown format - accepted media types include: ${accepted}`,
    reason: 'UnsupportedMediaType',
    code: 415,
  });
}

function parseBody(call: ResourceCall): unknown {
  // Protobuf bodies (kubectl's typed clients: create, run, drain) are not decoded yet.
  if (call.contentType.startsWith('application/vnd.kubernetes.protobuf')) throw unsupportedMediaType('application/json, application/yaml');
  const text = call.body.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    if (call.contentType.startsWith('application/apply-patch+yaml') || call.contentType.startsWith('application/yaml')) return parseYaml(text) as unknown;
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw errors.badRequest(`error decoding request body: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function successStatus(t: ResourceType, obj: KubeObject) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name: obj.metadata.name ?? '', ...(t.group ? { group: t.group } : {}), kind: t.resource, uid: obj.metadata.uid ?? '' },
  };
}

/** Serves one non-watch REST call; throws ApiError for the caller to turn into a Status. */
export function handleResource(cluster: Cluster, call: ResourceCall, res: ServerResponse): void {
  const { path, query: q } = call;
  const t = resolveResource(path);
  const req: ResourceRequest = { group: t.group, resource: t.resource, ...(path.namespace !== undefined ? { namespace: path.namespace } : {}) };
  const api = cluster.api;
  const actor = actorFor(q);
  const sub = path.subresource;
  if (sub !== undefined && !(t.subresources as string[]).includes(sub)) throw errors.resourceNotFound();
  if (sub === 'eviction' && call.method !== 'POST') throw errors.methodNotSupported(t, call.method.toLowerCase());
  const warnings: string[] = [];
  const writeOpts = (body?: { dryRun?: unknown }): WriteOptions => {
    const o: WriteOptions = { actor, warnings, dryRun: dryRun(q, body) };
    const fv = fieldValidation(q);
    if (fv) o.fieldValidation = fv;
    const fm = q.get('fieldManager');
    if (fm) o.fieldManager = fm;
    return o;
  };
  const send = (code: number, body: unknown) => sendJson(res, code, body, warningHeaders(warnings));
  const asTable = (items: readonly KubeObject[], meta: { resourceVersion?: string; continue?: string } = {}) =>
    toTable(printerFor(t.group, t.resource), items, cluster.clock.now(), { includeObject: includeObject(q), ...meta });
  const name = path.name;

  switch (call.method) {
    case 'GET': {
      if (name === undefined) {
        const list = api.list(req, listOptions(q), actor);
        if (call.table) return send(200, asTable(list.items, list.metadata));
        return send(200, list);
      }
      if (sub === 'scale') return send(200, api.scale(req, name, actor));
      const obj = api.get(req, name, actor);
      if (sub === 'log') {
        const tail = q.get('tailLines');
        const text = podLog(obj, q.get('container'), { ...(tail ? { tailLines: Number(tail) } : {}), previous: q.get('previous') === 'true' });
        return sendText(res, 200, text, 'text/plain');
      }
      if (sub !== undefined && sub !== 'status') throw errors.methodNotSupported(t, 'get');
      if (call.table) return send(200, asTable([obj], { resourceVersion: obj.metadata.resourceVersion ?? '' }));
      return send(200, obj);
    }
    case 'POST': {
      const body = parseBody(call);
      if (sub === 'binding' && name !== undefined) {
        const target = (body as { target?: { name?: string } } | undefined)?.target?.name;
        if (!target) throw errors.badRequest('target.name: Required value');
        const bound = api.bind(path.namespace ?? 'default', name, target, writeOpts(body as { dryRun?: unknown }));
        return send(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201, details: { name: bound.metadata.name, kind: 'pods' } });
      }
      if (sub === 'eviction' && name !== undefined) return send(201, api.evict(path.namespace ?? 'default', name, body, writeOpts()));
      if (name !== undefined) throw errors.methodNotSupported(t, 'create');
      return send(201, api.create(req, body, writeOpts()));
    }
    case 'PUT': {
      if (name === undefined) throw errors.methodNotSupported(t, 'update');
      const body = parseBody(call);
      return send(200, api.update({ ...req, ...(sub ? { subresource: sub } : {}) }, name, body, writeOpts()));
    }
    case 'PATCH': {
      if (name === undefined) throw errors.methodNotSupported(t, 'patch');
      const type = patchTypeOf(call.contentType);
      if (!type) throw unsupportedMediaType('application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json');
      const body = parseBody(call);
      const subReq = { ...req, ...(sub ? { subresource: sub } : {}) };
      if (type === 'apply') {
        if (!q.get('fieldManager')) throw errors.badRequest('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
        try {
          return send(200, api.patch(subReq, name, type, body, writeOpts()));
        } catch (e) {
          // Server-side apply creates what does not exist yet.
          if (errors.isApiError(e) && e.code === 404 && !sub) return send(201, api.create(req, body, writeOpts()));
          throw e;
        }
      }
      return send(200, api.patch(subReq, name, type, body, writeOpts()));
    }
    case 'DELETE': {
      const body = parseBody(call);
      const opts = deleteOptions(q, body);
      const wo = writeOpts(body as { dryRun?: unknown });
      if (name === undefined) return send(200, api.deleteCollection(req, listOptions(q), opts, wo));
      if (sub !== undefined) throw errors.methodNotSupported(t, 'delete');
      const result = api.delete(req, name, opts, wo);
      let stillThere = false;
      try {
        stillThere = api.get(req, name, actor).metadata.uid === result.metadata.uid;
      } catch {
        stillThere = false;
      }
      // Gone at once: a Success Status naming it; still finishing (grace, finalizers): the object.
      return send(200, stillThere || wo.dryRun ? result : successStatus(t, result));
    }
    default:
      throw errors.methodNotSupported(t, call.method.toLowerCase());
  }
}

function includeObject(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}
