/**
 * TEST SUPPORT ONLY — a stand-in for API server behaviour the namespace controller needs and
 * api-server.ts does not wire yet (see the report to the lead):
 * 1. DELETE of a namespace goes through `namespaceDeletion` (api/strategies/namespace.ts): the first
 *    one marks it (deletionTimestamp, phase Terminating) and it stays while spec.finalizers is not empty;
 * 2. PUT `namespaces/<name>/finalize` changes only spec.finalizers (`namespaceFinalizeStrategy`);
 * 3. an update of a terminating namespace removes it only when both spec.finalizers and
 *    metadata.finalizers are empty (ShouldDeleteNamespaceDuringUpdate) — today any update of a marked
 *    object without metadata.finalizers and with grace 0 removes it, which would drop a namespace on the
 *    controller's first status update.
 *
 * `withNamespaceLifecycle(api)` patches those three into one ApiServer instance when it lacks them, so
 * the scenario tests run today and exercise the real server once it has them.
 */
import type { ApiServer } from '../../api/api-server.ts';
import type { Actor, KubeObject } from '../../api/types.ts';
import type { DeleteOptions, ResourceRequest, WriteOptions } from '../../api/request.ts';
import { clone } from '../../api/object-meta.ts';
import { namespaceDeletion } from '../../api/strategies/namespace.ts';
import { objectKey } from '../../api/storage-keys.ts';
import * as errors from '../../api/errors.ts';
import { Cluster } from '../../cluster.ts';

const NS_TYPE = { group: '', resource: 'namespaces', namespaced: false } as const;
const PROBE_ACTOR: Actor = { name: 'probe', component: 'user' };

/** Does a fresh API server keep a deleted namespace that still has spec.finalizers? */
export function apiServerHasNamespaceLifecycle(): boolean {
  const probe = new Cluster({ seed: 7 });
  const req = { group: '', resource: 'namespaces' };
  probe.api.create(
    req,
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'probe' } },
    { actor: PROBE_ACTOR },
  );
  probe.api.delete(req, 'probe', {}, { actor: PROBE_ACTOR });
  try {
    const ns = probe.api.get(req, 'probe', PROBE_ACTOR);
    return !!ns.metadata.deletionTimestamp;
  } catch {
    return false;
  }
}

const isNamespaces = (req: ResourceRequest) => req.group === '' && req.resource === 'namespaces';

/** Installs the namespace lifecycle on `api` unless the server already has it. Returns whether it patched. */
export function withNamespaceLifecycle(api: ApiServer): boolean {
  if (apiServerHasNamespaceLifecycle()) return false;
  const store = api.store;
  const stored = (name: string) => store.get<KubeObject>(objectKey(NS_TYPE, undefined, name))?.value;
  const write = (obj: KubeObject, expectRv: string | undefined, actor: Actor): KubeObject => {
    obj.metadata.resourceVersion = String(store.revision() + 1);
    const key = objectKey(NS_TYPE, undefined, obj.metadata.name ?? '');
    const res = store.txn(
      [{ key, target: 'modRevision', equals: Number(expectRv) }],
      [{ type: 'put', key, value: obj }],
      [],
      actor,
    );
    if (!res.succeeded) throw errors.conflict(NS_TYPE, obj.metadata.name ?? '');
    return res.results[0]!.value as KubeObject;
  };
  const remove = (current: KubeObject, actor: Actor): KubeObject => {
    const key = objectKey(NS_TYPE, undefined, current.metadata.name ?? '');
    store.txn(
      [{ key, target: 'modRevision', equals: Number(current.metadata.resourceVersion) }],
      [{ type: 'delete', key }],
      [],
      actor,
    );
    return current;
  };
  const finalized = (o: KubeObject) =>
    ((o.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length === 0 &&
    (o.metadata.finalizers ?? []).length === 0;

  const origDelete = api.delete.bind(api);
  api.delete = (
    req: ResourceRequest,
    name: string,
    options: DeleteOptions,
    opts: WriteOptions,
  ): KubeObject => {
    if (!isNamespaces(req)) return origDelete(req, name, options, opts);
    const current = stored(name);
    if (!current) return origDelete(req, name, options, opts); // the server's own 404 and admission
    // A dry run gives the server's own admission (immortal namespaces) without deleting anything.
    origDelete(req, name, options, { ...opts, dryRun: true });
    const decision = namespaceDeletion(current, options, api.clock.now());
    if (decision.kind === 'now') return remove(current, opts.actor);
    if (decision.kind === 'unchanged') return current;
    return write(decision.object, current.metadata.resourceVersion, opts.actor);
  };

  const origUpdate = api.update.bind(api);
  api.update = (req: ResourceRequest, name: string, body: unknown, opts: WriteOptions): KubeObject => {
    if (!isNamespaces(req)) return origUpdate(req, name, body, opts);
    const current = stored(name);
    if (!current) return origUpdate(req, name, body, opts);
    const b = body as KubeObject;
    if (req.subresource === 'finalize') {
      const next = clone(current);
      const finalizers = (b.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
      next.spec = { ...(next.spec as object), finalizers };
      if (finalizers.length === 0) delete (next.spec as { finalizers?: string[] }).finalizers;
      if (current.metadata.deletionTimestamp && finalized(next)) return remove(current, opts.actor);
      return write(next, current.metadata.resourceVersion, opts.actor);
    }
    if (current.metadata.deletionTimestamp && req.subresource === 'status') {
      const next = clone(current);
      next.status = clone(b.status);
      return write(next, current.metadata.resourceVersion, opts.actor);
    }
    return origUpdate(req, name, body, opts);
  };
  return true;
}
