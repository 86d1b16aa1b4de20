/**
 * The API server: kube-apiserver's generic REST verbs over the MVCC store.
 *
 * Every write runs the same pipeline as kube-apiserver: decode (strict fields) -> system metadata ->
 * defaulting -> the kind's strategy -> mutating admission -> validation -> validating admission ->
 * a compare-and-swap write into the store. `metadata.resourceVersion` is the store revision of the
 * object's last change. Objects handed out are frozen: callers copy before changing them.
 *
 * Errors are thrown as ApiError carrying a metav1.Status worded as Kubernetes words it.
 */
import type { MvccStore } from '../store/mvcc-store.ts';
import { CompactedError, FutureRevisionError } from '../store/types.ts';
import type { VirtualClock } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import type { Actor, KubeObject, ObjectList, Status } from './types.ts';
import { apiVersionOf, resourceFor, resourceForKind, type ResourceType } from './registry.ts';
import { listPrefix, objectKey } from './storage-keys.ts';
import * as errors from './errors.ts';
import { clone, fillCreateMeta, generateName, jsonEqual, keepSystemMeta } from './object-meta.ts';
import { strategyFor } from './strategies/index.ts';
import type { AdmissionAttributes, AdmissionPlugin, AdmissionReader, Operation } from './admission/types.ts';
import type { DeleteOptions, ListOptions, PatchType, ResourceRequest, WatchOptions, WriteOptions } from './request.ts';
import { buildFilter } from './object-filter.ts';
import { toWatchEvent, type ApiWatchEvent } from './watch-stream.ts';
import { decodeBody } from './decode.ts';
import { applyPatch } from './apply-patch.ts';
import { validateObject, validateObjectUpdate } from './validate-object.ts';
import { decideDeletion } from './deletion.ts';
import { decodeContinue, encodeContinue } from './continue-token.ts';
import { keepAllButStatus, specOf } from './update-parts.ts';
import { scaleOf } from './scale-subresource.ts';

import { evictPod } from './eviction.ts';

export interface ApiServerOptions {
  store: MvccStore;
  clock: VirtualClock;
  rng: Rng;
  /** The admission chain, in order. */
  admission?: readonly AdmissionPlugin[];
}

export interface ApiWatch {
  /** Stops the watch; idempotent. */
  stop(): void;
}

/** Called for every request the server handles, for the UI's activity figures and flows. */
export type RequestObserver = (info: {
  verb: string;
  resource: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  actor: Actor;
  code: number;
}) => void;

export class ApiServer {
  readonly store: MvccStore;
  readonly clock: VirtualClock;
  private readonly rng: Rng;
  private readonly admission: readonly AdmissionPlugin[];
  private readonly observers = new Set<RequestObserver>();
  private readonly reader: AdmissionReader;

  constructor(opts: ApiServerOptions) {
    this.store = opts.store;
    this.clock = opts.clock;
    this.rng = opts.rng;
    this.admission = opts.admission ?? [];
    this.reader = {
      get: (group, resource, namespace, name) => {
        const t = resourceFor(group, resource);
        return t ? this.readStored(t, namespace, name) : undefined;
      },
      list: (group, resource, namespace) => {
        const t = resourceFor(group, resource);
        if (!t) return [];
        return this.store.range<KubeObject>(listPrefix(t, namespace), { prefix: true }).kvs.map((kv) => kv.value);
      },
      now: () => this.clock.now(),
    };
  }

  /** Subscribes to request notifications; returns an unsubscribe function. */
  observe(fn: RequestObserver): () => void {
    this.observers.add(fn);
    return () => this.observers.delete(fn);
  }

  /** Resolves a request's resource or throws the server's 404. */
  resolve(req: Pick<ResourceRequest, 'group' | 'resource'>): ResourceType {
    const t = resourceFor(req.group, req.resource);
    if (!t || t.virtual) throw errors.resourceNotFound();
    return t;
  }

  /** Resolves an object's apiVersion and kind or throws `no matches for kind ...`. */
  resolveKind(apiVersion: string, kind: string): ResourceType {
    const t = resourceForKind(apiVersion, kind);
    if (!t || t.virtual) throw errors.noMatchForKind(kind, apiVersion);
    return t;
  }

  // ---------------------------------------------------------------- reads

  get(req: ResourceRequest, name: string, actor: Actor): KubeObject {
    const t = this.resolve(req);
    return this.observed('get', t, req, name, actor, () => {
      const obj = this.readStored(t, req.namespace, name);
      if (!obj) throw errors.notFound(t, name);
      return obj;
    });
  }

  list(req: ResourceRequest, opts: ListOptions, actor: Actor): ObjectList {
    const t = this.resolve(req);
    return this.observed('list', t, req, undefined, actor, () => {
      const filter = buildFilter(t, opts.labelSelector, opts.fieldSelector);
      const prefix = listPrefix(t, req.namespace);
      let revision: number | undefined;
      let after: string | undefined;
      if (opts.continue) {
        const token = decodeContinue(opts.continue);
        revision = token.revision;
        after = token.after;
      } else if (opts.resourceVersion && opts.resourceVersion !== '0' && opts.resourceVersionMatch === 'Exact') {
        revision = Number(opts.resourceVersion);
      }
      const items: KubeObject[] = [];
      let more = false;
      let lastKey: string | undefined;
      const served = this.readRange(prefix, revision, after, (kv) => {
        if (opts.limit && items.length >= opts.limit) {
          more = true;
          return false;
        }
        lastKey = kv.key;
        if (filter(kv.value)) items.push(kv.value);
        return true;
      });
      const metadata: ObjectList['metadata'] = { resourceVersion: String(served) };
      if (more && lastKey !== undefined) metadata.continue = encodeContinue(served, lastKey);
      return { apiVersion: apiVersionOf(t), kind: `${t.kind}List`, metadata, items };
    });
  }

  /**
   * Watches a resource. Events are delivered synchronously, in revision order, as the store changes.
   * With resourceVersion '' or '0' the watcher first gets an ADDED event for every existing object.
   * A resourceVersion older than the last compaction yields one ERROR event with a 410 Expired Status.
   */
  watch(req: ResourceRequest, opts: WatchOptions, actor: Actor, onEvent: (ev: ApiWatchEvent | { type: 'ERROR'; object: Status }) => void): ApiWatch {
    const t = this.resolve(req);
    return this.observed('watch', t, req, opts.name, actor, () => {
      let filter = buildFilter(t, opts.labelSelector, opts.fieldSelector);
      if (opts.name !== undefined) {
        const name = opts.name;
        const base = filter;
        filter = (o) => o.metadata.name === name && base(o);
      }
      const prefix = opts.name !== undefined ? objectKey(t, req.namespace, opts.name) : listPrefix(t, req.namespace);
      const isPrefix = opts.name === undefined;
      let fromRevision: number;
      if (!opts.resourceVersion || opts.resourceVersion === '0') {
        const current = this.store.range<KubeObject>(prefix, { prefix: isPrefix });
        for (const kv of current.kvs) {
          if (filter(kv.value)) onEvent({ type: 'ADDED', object: kv.value, revision: kv.modRevision });
        }
        fromRevision = current.revision + 1;
      } else {
        fromRevision = Number(opts.resourceVersion) + 1;
        if (!Number.isFinite(fromRevision)) throw errors.badRequest(`invalid resource version "${opts.resourceVersion}"`);
      }
      try {
        const w = this.store.watch<KubeObject>(prefix, { prefix: isPrefix, fromRevision }, (events) => {
          for (const ev of events) {
            const out = toWatchEvent(ev, filter);
            if (out) onEvent(out);
          }
        });
        return { stop: () => w.cancel() };
      } catch (e) {
        if (e instanceof CompactedError) {
          onEvent({ type: 'ERROR', object: errors.expired(`too old resource version: ${fromRevision - 1} (${e.compacted})`).status });
          return { stop: () => undefined };
        }
        throw e;
      }
    });
  }

  // ---------------------------------------------------------------- writes

  create(req: ResourceRequest, body: unknown, opts: WriteOptions): KubeObject {
    const t = this.resolve(req);
    const bodyName = (body as KubeObject | undefined)?.metadata?.name;
    return this.observed('create', t, req, bodyName, opts.actor, () => {
      const obj = decodeBody(t, body, opts);
      const namespace = this.requestNamespace(t, req, obj);
      const strategy = strategyFor(t.group, t.kind);
      const now = this.clock.now();
      fillCreateMeta(obj, now, this.rng, namespace);
      if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = generateName(obj.metadata.generateName, this.rng);
      strategy.default?.(obj);
      strategy.prepareForCreate?.(obj, this.strategyContext(now));
      if (t.hasGeneration) obj.metadata.generation = 1;
      const name = obj.metadata.name ?? '';
      this.admit('CREATE', t, namespace, name, obj, undefined, opts);
      validateObject(t, obj, strategy);
      this.validateAdmission('CREATE', t, namespace, name, obj, undefined, opts);
      const key = objectKey(t, namespace, name);
      if (this.store.get(key)) throw errors.alreadyExists(t, name);
      if (opts.dryRun) return Object.freeze({ ...obj });
      return this.write(key, obj, 0, opts.actor, () => errors.alreadyExists(t, name));
    });
  }

  /** Replaces an object (PUT), or its status or scale with `req.subresource`. */
  update(req: ResourceRequest, name: string, body: unknown, opts: WriteOptions): KubeObject {
    const t = this.resolve(req);
    return this.observed('update', t, req, name, opts.actor, () => {
      if (req.subresource === 'scale') return this.updateScale(t, req, name, body, opts);
      const obj = decodeBody(t, body, opts);
      return this.replace(t, req, name, obj, opts);
    });
  }

  patch(req: ResourceRequest, name: string, type: PatchType, patchBody: unknown, opts: WriteOptions): KubeObject {
    const t = this.resolve(req);
    return this.observed('patch', t, req, name, opts.actor, () => {
      if (req.subresource === 'scale') {
        const scale = this.getScale(t, req, name);
        const patched = applyPatch(type, t, scale, patchBody);
        return this.updateScale(t, req, name, patched, opts);
      }
      const current = this.readStored(t, req.namespace, name);
      if (!current) throw errors.notFound(t, name);
      const patched = applyPatch(type, t, current, patchBody);
      const obj = decodeBody(t, patched, opts);
      // A patch applies to the version it read unless it names one itself.
      if (!(patchBody as { metadata?: { resourceVersion?: string } } | null)?.metadata?.resourceVersion) {
        obj.metadata.resourceVersion = current.metadata.resourceVersion;
      }
      return this.replace(t, req, name, obj, opts);
    });
  }

  delete(req: ResourceRequest, name: string, options: DeleteOptions, opts: WriteOptions): KubeObject {
    const t = this.resolve(req);
    return this.observed('delete', t, req, name, opts.actor, () => this.deleteOne(t, req.namespace, name, options, opts));
  }

  /** Deletes every object a list would return; returns the list of what was deleted or marked. */
  deleteCollection(req: ResourceRequest, listOpts: ListOptions, options: DeleteOptions, opts: WriteOptions): ObjectList {
    const t = this.resolve(req);
    return this.observed('deletecollection', t, req, undefined, opts.actor, () => {
      const list = this.list(req, listOpts, opts.actor);
      const items: KubeObject[] = [];
      for (const item of list.items) {
        try {
          items.push(this.deleteOne(t, item.metadata.namespace, item.metadata.name ?? '', options, opts));
        } catch (e) {
          if (!(errors.isApiError(e) && e.code === 404)) throw e;
        }
      }
      return { apiVersion: list.apiVersion, kind: list.kind, metadata: { resourceVersion: String(this.store.revision()) }, items };
    });
  }

  /** pods/binding: assigns a pod to a node, as the scheduler's bind does. */
  bind(namespace: string, podName: string, nodeName: string, opts: WriteOptions): KubeObject {
    const t = this.resolve({ group: '', resource: 'pods' });
    return this.observed('create', t, { group: '', resource: 'pods', namespace, subresource: 'binding' }, podName, opts.actor, () => {
      const pod = this.readStored(t, namespace, podName);
      if (!pod) throw errors.notFound(t, podName);
      if (pod.metadata.deletionTimestamp) throw errors.conflict(t, podName, 'pod is being deleted, cannot be assigned to a host');
      const spec = pod.spec as { nodeName?: string } | undefined;
      if (spec?.nodeName) throw errors.conflict(t, podName, `pod ${podName} is already assigned to node "${spec.nodeName}"`);
      const next = clone(pod);
      (next.spec as { nodeName?: string }).nodeName = nodeName;
      const status = (next.status ?? {}) as { conditions?: { type: string; status: string; lastProbeTime?: null; lastTransitionTime?: string }[] };
      const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.clock.nowRfc3339() });
      status.conditions = conditions;
      next.status = status;
      if (opts.dryRun) return Object.freeze(next);
      return this.write(objectKey(t, namespace, podName), next, Number(pod.metadata.resourceVersion), opts.actor, () => errors.conflict(t, podName));
    });
  }

  /** pods/eviction (policy/v1 Eviction): a graceful delete that respects PodDisruptionBudgets (eviction.ts). */
  evict(namespace: string, podName: string, body: unknown, opts: WriteOptions): Status {
    const t = this.resolve({ group: '', resource: 'pods' });
    return this.observed('create', t, { group: '', resource: 'pods', namespace, subresource: 'eviction' }, podName, opts.actor, () => evictPod(this, namespace, podName, body, opts));
  }

  // ---------------------------------------------------------------- internals

  private replace(t: ResourceType, req: ResourceRequest, name: string, obj: KubeObject, opts: WriteOptions): KubeObject {
    const key = objectKey(t, req.namespace, name);
    const old = this.store.get<KubeObject>(key)?.value;
    if (!old) throw errors.notFound(t, name);
    if (obj.metadata.name !== undefined && obj.metadata.name !== name) {
      throw errors.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    }
    const wantedRv = obj.metadata.resourceVersion;
    if (wantedRv && wantedRv !== old.metadata.resourceVersion) throw errors.conflict(t, name);
    if (obj.metadata.uid && obj.metadata.uid !== old.metadata.uid) {
      throw errors.conflict(t, name, `Precondition failed: UID in precondition: ${obj.metadata.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    const strategy = strategyFor(t.group, t.kind, req.subresource);
    const now = this.clock.now();
    keepSystemMeta(obj, old);
    strategy.default?.(obj);
    if (req.subresource && req.subresource !== 'status' && !t.subresources.includes(req.subresource as never)) throw errors.resourceNotFound();
    if (req.subresource === 'status') {
      keepAllButStatus(obj, old);
      strategy.prepareForStatusUpdate?.(obj, old, this.strategyContext(now));
    } else {
      if (t.subresources.includes('status')) {
        if (old.status === undefined) delete obj.status;
        else obj.status = old.status;
      }
      strategy.prepareForUpdate?.(obj, old, this.strategyContext(now));
      if (t.hasGeneration && !jsonEqual(specOf(obj), specOf(old))) {
        obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
      }
    }
    this.admit('UPDATE', t, req.namespace, name, obj, old, opts, req.subresource);
    if (req.subresource === 'status') strategy.validateStatusUpdate?.(obj, old);
    else validateObjectUpdate(t, obj, old, strategy);
    this.validateAdmission('UPDATE', t, req.namespace, name, obj, old, opts, req.subresource);
    delete obj.metadata.resourceVersion;
    if (jsonEqual(obj, { ...old, metadata: { ...old.metadata, resourceVersion: undefined } })) return old; // no-op: no new revision
    if (opts.dryRun) return Object.freeze(obj);
    // The last finalizer gone from an object being deleted with no grace left: it goes now.
    const mainStrategy = req.subresource ? strategyFor(t.group, t.kind) : strategy;
    if (old.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) && (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0 && !mainStrategy.holdsDeletion?.(obj)) {
      return this.removeFromStore(t, key, old, opts.actor);
    }
    return this.write(key, obj, Number(old.metadata.resourceVersion), opts.actor, () => errors.conflict(t, name));
  }

  private deleteOne(t: ResourceType, namespace: string | undefined, name: string, options: DeleteOptions, opts: WriteOptions): KubeObject {
    const key = objectKey(t, namespace, name);
    const current = this.store.get<KubeObject>(key)?.value;
    if (!current) throw errors.notFound(t, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== current.metadata.uid) {
      throw errors.conflict(t, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
      throw errors.conflict(t, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
    }
    this.admit('DELETE', t, namespace, name, undefined, current, opts);
    this.validateAdmission('DELETE', t, namespace, name, undefined, current, opts);
    const strategy = strategyFor(t.group, t.kind);
    if (strategy.deleteWarning && !options.propagationPolicy && options.orphanDependents === undefined) opts.warnings?.push(strategy.deleteWarning);
    const decision = strategy.decideDelete ? strategy.decideDelete(current, options, this.clock.now()) : decideDeletion(current, options, strategy, this.clock.now());
    if (opts.dryRun) return current;
    if (decision.kind === 'now') return this.removeFromStore(t, key, current, opts.actor);
    if (decision.kind === 'unchanged') return current;
    return this.write(key, decision.object, Number(current.metadata.resourceVersion), opts.actor, () => errors.conflict(t, name));
  }

  private getScale(t: ResourceType, req: ResourceRequest, name: string): KubeObject {
    if (!t.subresources.includes('scale')) throw errors.resourceNotFound();
    const obj = this.readStored(t, req.namespace, name);
    if (!obj) throw errors.notFound(t, name);
    return scaleOf(obj);
  }

  /** GET of the scale subresource (autoscaling/v1 Scale). */
  scale(req: ResourceRequest, name: string, actor: Actor): KubeObject {
    const t = this.resolve(req);
    return this.observed('get', t, { ...req, subresource: 'scale' }, name, actor, () => this.getScale(t, req, name));
  }

  private updateScale(t: ResourceType, req: ResourceRequest, name: string, body: unknown, opts: WriteOptions): KubeObject {
    if (!t.subresources.includes('scale')) throw errors.resourceNotFound();
    const current = this.readStored(t, req.namespace, name);
    if (!current) throw errors.notFound(t, name);
    const scale = body as { spec?: { replicas?: unknown }; metadata?: { resourceVersion?: string } };
    const replicas = scale?.spec?.replicas;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
      throw errors.invalid('Scale', 'autoscaling', name, 'spec.replicas: Invalid value: ' + JSON.stringify(replicas ?? null) + ': must be an integer', [
        { reason: 'FieldValueInvalid', message: 'must be an integer', field: 'spec.replicas' },
      ]);
    }
    if (replicas < 0) {
      throw errors.invalid('Scale', 'autoscaling', name, `spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`, [
        { reason: 'FieldValueInvalid', message: 'Invalid value: ' + replicas + ': must be greater than or equal to 0', field: 'spec.replicas' },
      ]);
    }
    const next = clone(current);
    (next.spec as { replicas?: number }).replicas = replicas;
    next.metadata.resourceVersion = scale.metadata?.resourceVersion || current.metadata.resourceVersion;
    const updated = this.replace(t, { ...req, subresource: undefined }, name, next, opts);
    return scaleOf(updated);
  }

  private strategyContext(now: number) {
    return { now, rng: this.rng, reader: this.reader };
  }

  private requestNamespace(t: ResourceType, req: ResourceRequest, obj: KubeObject): string | undefined {
    if (!t.namespaced) return undefined;
    const fromBody = obj.metadata.namespace;
    if (req.namespace && fromBody && fromBody !== req.namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    return req.namespace || fromBody || 'default';
  }

  private admit(op: Operation, t: ResourceType, namespace: string | undefined, name: string, obj: KubeObject | undefined, old: KubeObject | undefined, opts: WriteOptions, subresource?: string): void {
    if (this.admission.length === 0) return;
    const attrs = this.attrs(op, t, namespace, name, obj, old, opts, subresource);
    for (const p of this.admission) p.admit?.(attrs, this.reader);
  }

  private validateAdmission(op: Operation, t: ResourceType, namespace: string | undefined, name: string, obj: KubeObject | undefined, old: KubeObject | undefined, opts: WriteOptions, subresource?: string): void {
    if (this.admission.length === 0) return;
    const attrs = this.attrs(op, t, namespace, name, obj, old, opts, subresource);
    for (const p of this.admission) p.validate?.(attrs, this.reader);
  }

  private attrs(op: Operation, t: ResourceType, namespace: string | undefined, name: string, obj: KubeObject | undefined, old: KubeObject | undefined, opts: WriteOptions, subresource?: string): AdmissionAttributes {
    const a: AdmissionAttributes = { operation: op, resource: t, name, actor: opts.actor, dryRun: !!opts.dryRun };
    if (namespace !== undefined) a.namespace = namespace;
    if (subresource !== undefined) a.subresource = subresource;
    if (obj) a.object = obj;
    if (old) a.oldObject = old;
    return a;
  }

  /** Writes `obj` at `key` if the key's modRevision is still `expectRev` (0: must not exist). */
  private write(key: string, obj: KubeObject, expectRev: number, actor: Actor, onConflict: () => errors.ApiError): KubeObject {
    // The object carries the revision it is stored at, so reads never copy it.
    obj.metadata.resourceVersion = String(this.store.revision() + 1);
    const res = this.store.txn([{ key, target: 'modRevision', equals: expectRev }], [{ type: 'put', key, value: obj }], [], actor);
    if (!res.succeeded) throw onConflict();
    return res.results[0]!.value as KubeObject;
  }

  private removeFromStore(t: ResourceType, key: string, current: KubeObject, actor: Actor): KubeObject {
    const res = this.store.txn([{ key, target: 'modRevision', equals: Number(current.metadata.resourceVersion) }], [{ type: 'delete', key }], [], actor);
    if (!res.succeeded) throw errors.conflict(t, current.metadata.name ?? '');
    return current;
  }

  private readStored(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get<KubeObject>(objectKey(t, namespace, name))?.value;
  }

  /** Ranges over `prefix` at `revision` (default: current), calling `visit` until it returns false. */
  private readRange(prefix: string, revision: number | undefined, after: string | undefined, visit: (kv: { key: string; value: KubeObject }) => boolean): number {
    try {
      const res = this.store.range<KubeObject>(prefix, { prefix: true, ...(revision !== undefined ? { revision } : {}), ...(after !== undefined ? { after } : {}) });
      for (const kv of res.kvs) if (!visit(kv)) break;
      return res.revision;
    } catch (e) {
      if (e instanceof CompactedError) {
        throw errors.expired(`The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.`);
      }
      if (e instanceof FutureRevisionError) throw errors.tooManyRequests(`Too large resource version: ${e.requested}, current: ${e.current}`, 1);
      throw e;
    }
  }

  private observed<T>(verb: string, t: ResourceType, req: ResourceRequest, name: string | undefined, actor: Actor, fn: () => T): T {
    if (this.observers.size === 0) return fn();
    let code = 200;
    try {
      const out = fn();
      if (verb === 'create') code = 201;
      return out;
    } catch (e) {
      code = errors.isApiError(e) ? e.code : 500;
      throw e;
    } finally {
      const info = { verb, resource: t, actor, code, ...(req.namespace !== undefined ? { namespace: req.namespace } : {}), ...(name !== undefined ? { name } : {}), ...(req.subresource !== undefined ? { subresource: req.subresource } : {}) };
      for (const o of this.observers) o(info);
    }
  }
}
