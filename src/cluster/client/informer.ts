/**
 * client-go's shared informer: lists and watches one resource through the API server into a local
 * cache, and tells handlers about adds, updates and deletes. Cached objects are the API server's frozen
 * objects: handlers and listers must never mutate them (copy first).
 *
 * Indexes (pods by node, objects by owner uid) keep lookups O(matches) at 150,000 pods.
 */
import type { ApiServer, ApiWatch } from '../api/api-server.ts';
import type { Actor, KubeObject } from '../api/types.ts';

export interface InformerHandlers<T extends KubeObject> {
  onAdd?(obj: T): void;
  onUpdate?(oldObj: T, newObj: T): void;
  onDelete?(obj: T): void;
}

export type IndexFunc<T> = (obj: T) => readonly string[];

/** `namespace/name`, or `name` for cluster-scoped objects: the key controllers queue. */
export function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

/** Splits a key into namespace and name. */
export function splitKey(key: string): { namespace?: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

export class Informer<T extends KubeObject = KubeObject> {
  private cache = new Map<string, T>();
  private handlers: InformerHandlers<T>[] = [];
  private indexFuncs = new Map<string, IndexFunc<T>>();
  private indexes = new Map<string, Map<string, Map<string, T>>>();
  private watch: ApiWatch | undefined;
  /** The revision of the last event seen. */
  lastRevision = 0;

  constructor(
    private readonly api: ApiServer,
    readonly resource: { group: string; resource: string; namespace?: string },
    private readonly actor: Actor,
    private readonly opts: { labelSelector?: string; fieldSelector?: string } = {},
  ) {}

  /** Adds an index; must be called before `start`. */
  addIndex(name: string, fn: IndexFunc<T>): this {
    this.indexFuncs.set(name, fn);
    this.indexes.set(name, new Map());
    return this;
  }

  /** Adds a handler; on a started informer it first gets an add for every cached object, as in client-go. */
  addHandler(h: InformerHandlers<T>): this {
    this.handlers.push(h);
    if (this.watch && h.onAdd) for (const obj of [...this.cache.values()]) h.onAdd(obj);
    return this;
  }

  /** Lists and starts watching; handlers see an add for every existing object, synchronously. */
  start(): this {
    if (this.watch) return this;
    this.watch = this.api.watch(this.resource, { ...this.opts }, this.actor, (ev) => {
      if (ev.type === 'ERROR') return;
      const obj = ev.object as T;
      if ('revision' in ev) this.lastRevision = ev.revision;
      const key = keyOf(obj);
      if (ev.type === 'DELETED') {
        const old = this.cache.get(key);
        if (!old) return;
        this.cache.delete(key);
        this.unindex(key, old);
        for (const h of this.handlers) h.onDelete?.(old);
      } else {
        const old = this.cache.get(key);
        this.cache.set(key, obj);
        if (old) this.unindex(key, old);
        this.index(key, obj);
        for (const h of this.handlers) {
          if (old) h.onUpdate?.(old, obj);
          else h.onAdd?.(obj);
        }
      }
    });
    return this;
  }

  stop(): void {
    this.watch?.stop();
    this.watch = undefined;
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  getByName(namespace: string | undefined, name: string): T | undefined {
    return this.cache.get(namespace ? `${namespace}/${name}` : name);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  /** Objects in one namespace. */
  listIn(namespace: string): T[] {
    const out: T[] = [];
    for (const o of this.cache.values()) if (o.metadata.namespace === namespace) out.push(o);
    return out;
  }

  size(): number {
    return this.cache.size;
  }

  /** Objects whose index `name` yields `value`. */
  byIndex(name: string, value: string): T[] {
    const m = this.indexes.get(name)?.get(value);
    return m ? [...m.values()] : [];
  }

  /** How many objects the index `name` holds for `value`. */
  countByIndex(name: string, value: string): number {
    return this.indexes.get(name)?.get(value)?.size ?? 0;
  }

  private index(key: string, obj: T): void {
    for (const [name, fn] of this.indexFuncs) {
      const idx = this.indexes.get(name)!;
      for (const v of fn(obj)) {
        let m = idx.get(v);
        if (!m) idx.set(v, (m = new Map()));
        m.set(key, obj);
      }
    }
  }

  private unindex(key: string, obj: T): void {
    for (const [name, fn] of this.indexFuncs) {
      const idx = this.indexes.get(name)!;
      for (const v of fn(obj)) {
        const m = idx.get(v);
        m?.delete(key);
        if (m && m.size === 0) idx.delete(v);
      }
    }
  }
}

/** Index: the uid of the controlling owner. */
export const BY_CONTROLLER_UID = 'controllerUid';
export function controllerUid(obj: KubeObject): readonly string[] {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? [ref.uid] : [];
}

/** Index: every owner uid. */
export const BY_OWNER_UID = 'ownerUid';
export function ownerUids(obj: KubeObject): readonly string[] {
  return obj.metadata.ownerReferences?.map((r) => r.uid) ?? [];
}

/** Index: pods by spec.nodeName ('' for unscheduled). */
export const BY_NODE = 'nodeName';
export function podNodeName(obj: KubeObject): readonly string[] {
  return [(obj.spec as { nodeName?: string } | undefined)?.nodeName ?? ''];
}
