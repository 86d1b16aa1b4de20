/**
 * kube-controller-manager's namespace controller (k/k pkg/controller/namespace).
 *
 * A namespace with a deletionTimestamp is Terminating: every namespaced resource in the registry is
 * deleted in it (deletecollection, Background propagation); while something remains the namespace's
 * conditions say what and the controller looks again after half the longest pod grace period plus a
 * second (15 s for content held by finalizers); an item that should be gone but is not (a pod on a dead
 * node past its grace period) is a `ContentDeletionFailed` error, retried with back-off up to 60 s.
 * When it is empty the controller removes its `kubernetes` finalizer through the `finalize`
 * subresource, and the API server then removes the namespace.
 */
import type { KubeObject } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { isApiError } from '../../api/errors.ts';
import { RESOURCES, type ResourceType } from '../../api/registry.ts';
import { parseTime } from '../../sim/clock.ts';
import type { Informer } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import {
  failingConditions,
  updatedConditions,
  type ContentTotals,
  type NamespaceCondition,
} from './namespace-conditions.ts';

export const NAMESPACE_CONTROLLER = 'namespace-controller';
/** The finalizer token this controller owns in spec.finalizers. */
export const KUBERNETES_FINALIZER = 'kubernetes';
/** Default wait for content held by finalizers (finalizerEstimateSeconds). */
const FINALIZER_ESTIMATE_SECONDS = 15;
/** nsControllerRateLimiter: 5 ms doubling, but a namespace is retried at least every minute. */
const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 60_000;

const NAMESPACES = { group: '', resource: 'namespaces' } as const;

interface NamespaceSpec {
  finalizers?: string[];
}

/** The resources a namespace holds: every namespaced one that can be listed and deleted. */
export function namespacedResources(): ResourceType[] {
  return RESOURCES.filter(
    (t) => t.namespaced && !t.virtual && t.verbs.includes('delete') && t.verbs.includes('list'),
  );
}

export class NamespaceController extends Controller {
  readonly name = NAMESPACE_CONTROLLER;
  private readonly namespaces: Informer;
  private readonly failures = new Map<string, number>();
  private started = false;

  constructor(ctx: ControllerContext) {
    super(ctx, NAMESPACE_CONTROLLER);
    this.namespaces = ctx.informers.get('', 'namespaces');
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.namespaces.addHandler({
      onAdd: (ns) => {
        if (ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name ?? '');
      },
      onUpdate: (_old, ns) => {
        if (ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name ?? '');
      },
    });
  }

  reconcile(name: string): ReconcileResult | void {
    try {
      const waitSeconds = this.syncNamespace(name);
      this.failures.delete(name);
      // ResourcesRemainingError: look again in estimate/2 + 1 seconds.
      if (waitSeconds > 0) return { requeueAfter: (Math.floor(waitSeconds / 2) + 1) * 1000 };
    } catch (e) {
      if (isApiError(e) && e.code === 404) return;
      const n = this.failures.get(name) ?? 0;
      this.failures.set(name, n + 1);
      return { requeueAfter: Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** n) };
    }
  }

  /** One deletion pass. Returns the seconds content is expected to take to go (0: done or nothing to do). */
  private syncNamespace(name: string): number {
    let ns = this.api().get(NAMESPACES, name, this.client.actor);
    if (!ns.metadata.deletionTimestamp) return 0;
    if ((ns.status as { phase?: string } | undefined)?.phase !== 'Terminating') {
      const next = clone(ns);
      next.status = { ...(next.status as object), phase: 'Terminating' };
      ns = this.api().update({ ...NAMESPACES, subresource: 'status' }, name, next, {
        actor: this.client.actor,
      });
    }
    const finalizers = (ns.spec as NamespaceSpec | undefined)?.finalizers ?? [];
    if (finalizers.length === 0) return 0;

    const { estimate, totals } = this.deleteAllContent(ns);
    const now = this.ctx.clock.nowRfc3339();
    const conditions = updatedConditions(
      (ns.status as { conditions?: NamespaceCondition[] } | undefined)?.conditions ?? [],
      failingConditions(totals, now),
      now,
    );
    if (conditions) {
      const next = clone(ns);
      next.status = { ...(next.status as object), conditions };
      ns = this.api().update({ ...NAMESPACES, subresource: 'status' }, name, next, {
        actor: this.client.actor,
      });
    }
    if (totals.errors.length > 0) throw new Error(totals.errors.join(', '));
    if (estimate > 0) return estimate;

    // Empty: finalize (PUT .../namespaces/<name>/finalize without our token).
    const next = clone(ns);
    const spec = (next.spec ?? {}) as NamespaceSpec;
    spec.finalizers = finalizers.filter((f) => f !== KUBERNETES_FINALIZER);
    next.spec = spec;
    this.api().update({ ...NAMESPACES, subresource: 'finalize' }, name, next, { actor: this.client.actor });
    return 0;
  }

  /** deleteAllContent: deletes every namespaced resource's objects; returns the wait estimate and what is left. */
  private deleteAllContent(ns: KubeObject): { estimate: number; totals: ContentTotals } {
    const namespace = ns.metadata.name ?? '';
    const deletedAt = parseTime(ns.metadata.deletionTimestamp ?? '');
    const totals: ContentTotals = {
      remainingByResource: new Map(),
      remainingByFinalizer: new Map(),
      errors: [],
    };
    let estimate = 0;
    for (const t of namespacedResources()) {
      const req = { group: t.group, resource: t.resource, namespace };
      let gvrEstimate =
        t.group === '' && t.resource === 'pods' ? this.estimatePodTermination(req, deletedAt) : 0;
      try {
        if (t.verbs.includes('deletecollection'))
          this.api().deleteCollection(
            req,
            {},
            { propagationPolicy: 'Background' },
            { actor: this.client.actor },
          );
        else
          for (const o of this.api().list(req, {}, this.client.actor).items)
            this.client.delete({ apiVersion: o.apiVersion, kind: o.kind }, namespace, o.metadata.name ?? '', {
              propagationPolicy: 'Background',
            });
      } catch (e) {
        totals.errors.push(e instanceof Error ? e.message : String(e));
        continue;
      }
      const left = this.api().list(req, {}, this.client.actor).items;
      if (left.length === 0) continue;
      totals.remainingByResource.set(`${t.resource}.${t.group}`, left.length);
      let withFinalizers = 0;
      for (const o of left) {
        for (const f of o.metadata.finalizers ?? [])
          totals.remainingByFinalizer.set(f, (totals.remainingByFinalizer.get(f) ?? 0) + 1);
        if ((o.metadata.finalizers ?? []).length > 0) withFinalizers++;
      }
      if (gvrEstimate === 0 && withFinalizers > 0) gvrEstimate = FINALIZER_ESTIMATE_SECONDS;
      if (gvrEstimate === 0)
        totals.errors.push(
          `unexpected items still remain in namespace: ${namespace} for gvr: ${t.group}/${t.version}, Resource=${t.resource}`,
        );
      estimate = Math.max(estimate, gvrEstimate);
    }
    return { estimate, totals };
  }

  /**
   * The longest terminationGracePeriodSeconds of the namespace's non-terminal pods — or 0 once that
   * long has passed since the namespace was deleted (upstream stops waiting then).
   */
  private estimatePodTermination(
    req: { group: string; resource: string; namespace: string },
    deletedAtMs: number,
  ): number {
    let estimate = 0;
    for (const pod of this.api().list(req, {}, this.client.actor).items) {
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const grace = (pod.spec as { terminationGracePeriodSeconds?: number } | undefined)
        ?.terminationGracePeriodSeconds;
      if (grace !== undefined && grace > estimate) estimate = grace;
    }
    const elapsedMs = this.ctx.clock.now() - deletedAtMs;
    return elapsedMs >= estimate * 1000 ? 0 : estimate;
  }

  private api() {
    return this.ctx.api;
  }
}
