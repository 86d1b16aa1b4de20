/**
 * The resource quota controller (k/k pkg/controller/resourcequota, `resourcequota-controller`): keeps
 * each ResourceQuota's `status.hard` equal to `spec.hard` (canonical quantities) and `status.used`
 * equal to what the namespace's objects charge, recomputed whenever an object of a resource the quota
 * limits is created, changed or deleted. Admission (api/admission/resource-quota.ts) enforces the
 * limits from the stored objects; this status is what `kubectl describe quota` shows.
 *
 * Writes only when the status would change; a pod stuck terminating is looked at again when its
 * grace period runs out and it stops being charged.
 */
import type { KubeObject } from '../../api/types.ts';
import type { ResourceType } from '../../api/registry.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import type { Informer } from '../../client/informer.ts';
import { splitKey } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { clone, jsonEqual } from '../../api/object-meta.ts';
import { canonicalList, quotaUsed, resourceOfQuotaKey } from './quota-usage.ts';

export const RESOURCE_QUOTA_CONTROLLER = 'resourcequota-controller';

interface ResourceQuota extends KubeObject {
  spec?: { hard?: Record<string, string | number> };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

export class ResourceQuotaController extends Controller {
  readonly name = RESOURCE_QUOTA_CONTROLLER;
  private quotas!: Informer<ResourceQuota>;
  /** Informers of the resources some quota limits, by `group/resource`. */
  private watched = new Map<string, Informer>();

  constructor(ctx: ControllerContext) {
    super(ctx, RESOURCE_QUOTA_CONTROLLER);
  }

  start(): void {
    this.quotas = this.ctx.informers.get<ResourceQuota>('', 'resourcequotas');
    this.quotas.addHandler({
      onAdd: (q) => this.enqueue(q),
      onUpdate: (_o, q) => this.enqueue(q),
    });
  }

  /** Every quota of the object's namespace (whatever it limits: the reconcile decides). */
  private objectChanged(obj: KubeObject): void {
    const ns = obj.metadata.namespace;
    if (!ns) return;
    for (const q of this.quotas.listIn(ns)) this.enqueue(q);
  }

  private informerFor(t: ResourceType): Informer {
    const key = `${t.group}/${t.resource}`;
    let inf = this.watched.get(key);
    if (!inf) {
      inf = this.ctx.informers.get(t.group, t.resource);
      this.watched.set(key, inf);
      const changed = (o: KubeObject) => this.objectChanged(o);
      inf.addHandler({ onAdd: changed, onUpdate: (_o, n) => changed(n), onDelete: changed });
    }
    return inf;
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const quota = this.quotas.getByName(namespace, name);
    if (!quota || !namespace) return;
    const specHard = quota.spec?.hard ?? {};
    for (const k of Object.keys(specHard)) {
      const t = resourceOfQuotaKey(k);
      if (t) this.informerFor(t);
    }
    const now = this.ctx.clock.now();
    const { used, recheckAt } = quotaUsed(specHard, (t) => this.informerFor(t).listIn(namespace), now);
    const status = { hard: canonicalList(specHard), used };
    if (!jsonEqual(status, quota.status)) this.client.updateStatus({ ...clone(quota), status });
    if (recheckAt !== undefined) return { requeueAfter: Math.max(0, recheckAt - now) + 1 };
  }
}
