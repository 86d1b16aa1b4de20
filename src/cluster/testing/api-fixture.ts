/**
 * A booted cluster's API server with short helpers for tests: `fx.create('configmaps', {...})`.
 */
import { Cluster } from '../cluster.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import { resolveResourceName } from '../api/registry.ts';
import { ApiError } from '../api/errors.ts';
import type { DeleteOptions, ListOptions, PatchType, WriteOptions } from '../api/request.ts';

export const TEST_USER: Actor = { name: 'user', component: 'user' };

export function apiFixture(seed = 1) {
  const cluster = new Cluster({ seed, scheduler: false, controllers: false });
  const api = cluster.api;
  const req = (resource: string, namespace?: string, subresource?: string) => {
    const t = resolveResourceName(resource);
    if (!t) throw new Error(`unknown resource ${resource}`);
    return { group: t.group, resource: t.resource, ...(t.namespaced ? { namespace: namespace ?? 'default' } : {}), ...(subresource ? { subresource } : {}) };
  };
  const w = (opts: Partial<WriteOptions> = {}): WriteOptions => ({ actor: TEST_USER, fieldValidation: 'Strict', ...opts });
  return {
    cluster,
    api,
    store: cluster.store,
    req,
    create: (resource: string, obj: unknown, opts?: Partial<WriteOptions> & { namespace?: string }) => api.create(req(resource, opts?.namespace), obj, w(opts)),
    get: (resource: string, name: string, namespace?: string) => api.get(req(resource, namespace), name, TEST_USER),
    list: (resource: string, opts: ListOptions = {}, namespace?: string) => api.list(req(resource, namespace), opts, TEST_USER),
    update: (resource: string, obj: KubeObject, opts?: Partial<WriteOptions> & { subresource?: string }) =>
      api.update(req(resource, obj.metadata.namespace, opts?.subresource), obj.metadata.name!, obj, w(opts)),
    patch: (resource: string, name: string, type: PatchType, body: unknown, opts?: Partial<WriteOptions> & { namespace?: string; subresource?: string }) =>
      api.patch(req(resource, opts?.namespace, opts?.subresource), name, type, body, w(opts)),
    del: (resource: string, name: string, options: DeleteOptions = {}, namespace?: string) => api.delete(req(resource, namespace), name, options, w()),
  };
}

/** Runs `fn`, expecting an ApiError; returns its Status. */
export function statusOf(fn: () => unknown): ApiError['status'] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.status;
    throw e;
  }
  throw new Error('expected an ApiError, but the call succeeded');
}

/** A serialisation of every key and value in the store, for "nothing changed" assertions. */
export function storeDump(cluster: Cluster): string {
  const { kvs, revision } = cluster.store.range('/', { prefix: true });
  return JSON.stringify({ revision, kvs });
}
