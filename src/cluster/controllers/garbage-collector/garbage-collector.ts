/**
 * kube-controller-manager's garbage collector (k/k pkg/controller/garbagecollector).
 *
 * The owner graph is the ownerReferences of every monitored object, read through the shared informers'
 * BY_OWNER_UID index, plus a uid -> object map; each owner event costs O(its dependents).
 * - Background: the owner is gone first (removed by the API server); each dependent whose owners are
 *   all gone — or whose reference names a uid the live owner does not have — is deleted (Background,
 *   or the policy its own `orphan` / `foregroundDeletion` finalizer asks for).
 * - Foreground: an owner with deletionTimestamp and the `foregroundDeletion` finalizer has its
 *   dependents deleted (Foreground for those that have dependents themselves); once no dependent with
 *   `blockOwnerDeletion` remains, the finalizer is removed and the API server lets the owner go.
 * - Orphan: an owner with deletionTimestamp and the `orphan` finalizer has its reference removed from
 *   every dependent, then the finalizer removed.
 * A dependent with other live owners only loses its references to the dangling or deleting ones.
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../../api/deletion.ts';
import { apiVersionOf, resourceForKind, type ResourceType } from '../../api/registry.ts';
import type { DeleteOptions } from '../../api/request.ts';
import type { KindRef } from '../../client/client.ts';
import { BY_OWNER_UID, type Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { graphKey, monitoredResources, parseGraphKey } from './monitored-resources.ts';

export const GARBAGE_COLLECTOR = 'garbage-collector-controller';

interface Monitor {
  t: ResourceType;
  informer: Informer;
}

const hasFinalizer = (o: KubeObject, f: string) => (o.metadata.finalizers ?? []).includes(f);
const isDeletingDependents = (o: KubeObject) =>
  !!o.metadata.deletionTimestamp && hasFinalizer(o, FOREGROUND_FINALIZER);

export class GarbageCollector extends Controller {
  readonly name = GARBAGE_COLLECTOR;
  private readonly monitors: Monitor[] = [];
  private readonly byResource = new Map<string, Monitor>();
  /** uid -> graph key of every object seen, so a reference to an unseen uid is noticed at once. */
  private readonly uids = new Map<string, string>();
  private started = false;

  constructor(ctx: ControllerContext) {
    super(ctx, GARBAGE_COLLECTOR);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const t of monitoredResources()) {
      const m = { t, informer: this.ctx.informers.get(t.group, t.resource) };
      this.monitors.push(m);
      this.byResource.set(`${t.group}/${t.resource}`, m);
    }
    // Know every uid before the first handler runs, so objects listed before their owners' resource
    // are not mistaken for orphans.
    for (const m of this.monitors)
      for (const o of m.informer.list())
        if (o.metadata.uid) this.uids.set(o.metadata.uid, this.keyOf(m.t, o));
    for (const m of this.monitors) {
      m.informer.addHandler({
        onAdd: (o) => this.observe(m.t, undefined, o),
        onUpdate: (old, o) => this.observe(m.t, old, o),
        onDelete: (o) => this.observeDelete(m.t, o),
      });
    }
  }

  /** Number of objects in the graph (for activity figures). */
  graphSize(): number {
    return this.uids.size;
  }

  private keyOf(t: ResourceType, o: KubeObject): string {
    return graphKey(t, o.metadata.namespace, o.metadata.name ?? '');
  }

  private observe(t: ResourceType, old: KubeObject | undefined, o: KubeObject): void {
    const key = this.keyOf(t, o);
    if (o.metadata.uid) this.uids.set(o.metadata.uid, key);
    const refs = o.metadata.ownerReferences ?? [];
    // A reference to an owner the graph has never seen: it may be gone already (a virtual node upstream).
    if (refs.some((r) => !this.uids.has(r.uid))) this.queue.add(key);
    if (
      o.metadata.deletionTimestamp &&
      (hasFinalizer(o, ORPHAN_FINALIZER) || hasFinalizer(o, FOREGROUND_FINALIZER))
    )
      this.queue.add(key);
    if (old) {
      // References dropped or unblocked: an owner waiting in foreground deletion may now be free to go.
      for (const r of old.metadata.ownerReferences ?? []) {
        const now = refs.find((x) => x.uid === r.uid);
        if (r.blockOwnerDeletion && !now?.blockOwnerDeletion) this.enqueueUid(r.uid);
      }
      if (!old.metadata.deletionTimestamp && o.metadata.deletionTimestamp && refs.length > 0) {
        for (const r of refs) this.enqueueUid(r.uid);
      }
    }
  }

  private observeDelete(t: ResourceType, o: KubeObject): void {
    const uid = o.metadata.uid;
    if (uid && this.uids.get(uid) === this.keyOf(t, o)) this.uids.delete(uid);
    // Its dependents may now be orphans; its owners may be waiting for it in foreground deletion.
    if (uid)
      for (const m of this.monitors)
        for (const d of m.informer.byIndex(BY_OWNER_UID, uid)) this.queue.add(this.keyOf(m.t, d));
    for (const r of o.metadata.ownerReferences ?? []) this.enqueueUid(r.uid);
  }

  private enqueueUid(uid: string): void {
    const key = this.uids.get(uid);
    if (key) this.queue.add(key);
  }

  reconcile(key: string): ReconcileResult | void {
    const { group, resource, namespace, name } = parseGraphKey(key);
    const m = this.byResource.get(`${group}/${resource}`);
    const obj = m?.informer.getByName(namespace, name);
    if (!m || !obj) return;
    if (obj.metadata.deletionTimestamp) {
      if (hasFinalizer(obj, ORPHAN_FINALIZER)) return this.orphanDependents(m.t, obj);
      if (hasFinalizer(obj, FOREGROUND_FINALIZER)) return this.processDeletingDependents(m.t, obj);
      return;
    }
    this.attemptToDelete(m.t, obj);
  }

  /** attemptToDeleteItem: a dependent with no live owner is deleted; dangling references are dropped. */
  private attemptToDelete(t: ResourceType, obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const owner = this.lookupOwner(ref, t, obj);
      if (owner === 'unknown') solid.push(ref);
      else if (!owner) dangling.push(ref);
      else if (isDeletingDependents(owner)) waiting.push(ref);
      else solid.push(ref);
    }
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) return;
      // Keep the object for its live owners; drop the references that would block or mislead.
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      this.patchOwnerRefs(
        t,
        obj,
        refs.filter((r) => !drop.has(r.uid)),
      );
      return;
    }
    if (waiting.length > 0 && this.dependentsOf(obj.metadata.uid ?? '').length > 0) {
      this.deleteObject(t, obj, 'Foreground');
      return;
    }
    const policy = hasFinalizer(obj, ORPHAN_FINALIZER)
      ? 'Orphan'
      : hasFinalizer(obj, FOREGROUND_FINALIZER)
        ? 'Foreground'
        : 'Background';
    this.deleteObject(t, obj, policy);
  }

  /** processDeletingDependentsItem: delete dependents; let the owner go once nothing blocks it. */
  private processDeletingDependents(t: ResourceType, owner: KubeObject): void {
    const uid = owner.metadata.uid ?? '';
    const deps = this.dependentsOf(uid);
    const blocking = deps.filter((d) =>
      d.obj.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion),
    );
    if (blocking.length === 0) {
      this.removeFinalizer(t, owner, FOREGROUND_FINALIZER);
      return;
    }
    for (const d of deps)
      if (!isDeletingDependents(d.obj) && !d.obj.metadata.deletionTimestamp)
        this.queue.add(this.keyOf(d.t, d.obj));
  }

  /** attemptToOrphan: remove the owner's references from its dependents, then the `orphan` finalizer. */
  private orphanDependents(t: ResourceType, owner: KubeObject): void {
    const uid = owner.metadata.uid ?? '';
    for (const d of this.dependentsOf(uid)) {
      this.patchOwnerRefs(
        d.t,
        d.obj,
        (d.obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid),
      );
    }
    this.removeFinalizer(t, owner, ORPHAN_FINALIZER);
  }

  private dependentsOf(uid: string): { t: ResourceType; obj: KubeObject }[] {
    const out: { t: ResourceType; obj: KubeObject }[] = [];
    if (!uid) return out;
    for (const m of this.monitors)
      for (const obj of m.informer.byIndex(BY_OWNER_UID, uid)) out.push({ t: m.t, obj });
    return out;
  }

  /**
   * The live owner a reference names, undefined when it is absent (not found, or found with another
   * uid), or 'unknown' for a kind the server does not serve (left alone, as upstream retries it).
   */
  private lookupOwner(
    ref: OwnerReference,
    dependentType: ResourceType,
    dependent: KubeObject,
  ): KubeObject | undefined | 'unknown' {
    const ownerType = resourceForKind(ref.apiVersion, ref.kind);
    if (!ownerType || ownerType.virtual) return 'unknown';
    // A cluster-scoped dependent cannot have a namespaced owner: such a reference is absent.
    if (ownerType.namespaced && !dependentType.namespaced) return undefined;
    const m = this.byResource.get(`${ownerType.group}/${ownerType.resource}`);
    const informer = m?.informer ?? this.ctx.informers.get(ownerType.group, ownerType.resource);
    const owner = informer.getByName(
      ownerType.namespaced ? dependent.metadata.namespace : undefined,
      ref.name,
    );
    return owner && owner.metadata.uid === ref.uid ? owner : undefined;
  }

  private kindRef(t: ResourceType): KindRef {
    return { apiVersion: apiVersionOf(t), kind: t.kind };
  }

  private deleteObject(
    t: ResourceType,
    obj: KubeObject,
    policy: NonNullable<DeleteOptions['propagationPolicy']>,
  ): void {
    this.client.delete(this.kindRef(t), obj.metadata.namespace, obj.metadata.name ?? '', {
      propagationPolicy: policy,
      preconditions: { uid: obj.metadata.uid ?? '' },
    });
  }

  /** A JSON merge patch of the remaining references, guarded by resourceVersion (a conflict retries). */
  private patchOwnerRefs(t: ResourceType, obj: KubeObject, remaining: OwnerReference[]): void {
    const body = {
      metadata: {
        resourceVersion: obj.metadata.resourceVersion,
        ownerReferences: remaining.length > 0 ? remaining : null,
      },
    };
    this.client.patch(this.kindRef(t), obj.metadata.namespace, obj.metadata.name ?? '', 'merge', body);
  }

  private removeFinalizer(t: ResourceType, obj: KubeObject, finalizer: string): void {
    const remaining = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    const body = {
      metadata: {
        resourceVersion: obj.metadata.resourceVersion,
        finalizers: remaining.length > 0 ? remaining : null,
      },
    };
    this.client.patch(this.kindRef(t), obj.metadata.namespace, obj.metadata.name ?? '', 'merge', body);
  }
}
