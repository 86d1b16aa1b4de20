/**
 * horizontal-pod-autoscaler (pkg/controller/podautoscaler): every 15 s each autoscaling/v2 HPA reads
 * its target's scale, computes a desired count per Resource metric from metrics-server's samples,
 * stabilizes and rate-limits it per `behavior`, writes it through the scale subresource, and records
 * status conditions and the `SuccessfulRescale` event with upstream's wording.
 */
import type { KubeObject } from '../../api/types.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import type { Informer } from '../../client/informer.ts';
import { splitKey } from '../../client/informer.ts';
import { resourceForKind } from '../../api/registry.ts';
import { tryParseQuantity } from '../../api/quantity.ts';
import { tryParseSelector } from '../../api/labels/selector.ts';
import { isApiError } from '../../api/errors.ts';
import { rfc3339, type TimerHandle } from '../../sim/clock.ts';
import type { MetricsModel } from '../../metrics/metrics-model.ts';
import { limitRate, stabilize, withDefaultBehavior, type HpaBehavior, type Recommendation, type ScaleEvent } from './hpa-behavior.ts';
import { MetricError, resourceReplicas, type PodInput, type ResourceTarget } from './replica-calculator.ts';

export const HPA_CONTROLLER = 'horizontal-pod-autoscaler';
/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;

interface MetricSpec {
  type: string;
  resource?: { name: string; target: { type: string; averageUtilization?: number; averageValue?: string } };
}

interface Hpa extends KubeObject {
  spec: { scaleTargetRef: { apiVersion?: string; kind: string; name: string }; minReplicas?: number; maxReplicas: number; metrics?: MetricSpec[]; behavior?: HpaBehavior };
  status?: { conditions?: Condition[]; lastScaleTime?: string };
}

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

interface PodLike extends KubeObject {
  spec?: { containers?: { resources?: { requests?: Record<string, string> } }[] };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

const HPA_REF = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' };
const DEFAULT_METRICS: MetricSpec[] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];

export class HorizontalPodAutoscalerController extends Controller {
  readonly name = HPA_CONTROLLER;
  private hpas!: Informer<Hpa>;
  private pods!: Informer<PodLike>;
  private timer: TimerHandle | undefined;
  private readonly recommendations = new Map<string, Recommendation[]>();
  private readonly scaleUps = new Map<string, ScaleEvent[]>();
  private readonly scaleDowns = new Map<string, ScaleEvent[]>();

  constructor(
    ctx: ControllerContext,
    private readonly metrics: Pick<MetricsModel, 'podSample'>,
  ) {
    super(ctx, HPA_CONTROLLER);
  }

  start(): void {
    this.hpas = this.ctx.informers.get<Hpa>('autoscaling', 'horizontalpodautoscalers');
    this.pods = this.ctx.informers.pods<PodLike>();
    this.hpas.addHandler({
      onAdd: (h) => this.enqueue(h),
      onUpdate: (o, n) => {
        if (o.metadata.generation !== n.metadata.generation) this.enqueue(n);
      },
      onDelete: (h) => {
        const key = `${h.metadata.namespace}/${h.metadata.name}`;
        this.recommendations.delete(key);
        this.scaleUps.delete(key);
        this.scaleDowns.delete(key);
      },
    });
    const tick = () => {
      for (const h of this.hpas.list()) this.enqueue(h);
      this.timer = this.ctx.clock.setTimeout(tick, HPA_SYNC_PERIOD_MS);
    };
    this.timer = this.ctx.clock.setTimeout(tick, HPA_SYNC_PERIOD_MS);
  }

  stop(): void {
    this.ctx.clock.cancel(this.timer);
  }

  reconcile(key: string): void {
    const hpa = this.hpas.get(key);
    if (!hpa) return;
    const { namespace = 'default' } = splitKey(key);
    const now = this.ctx.clock.now();
    const ref = hpa.spec.scaleTargetRef;
    const t = resourceForKind(ref.apiVersion ?? '', ref.kind);
    const conditions: Condition[] = [...(hpa.status?.conditions ?? [])];
    const set = (type: string, status: string, reason: string, message: string) => setCondition(conditions, { type, status, reason, message, lastTransitionTime: rfc3339(now) });
    let scale: KubeObject;
    try {
      if (!t) throw new Error(`no matches for kind "${ref.kind}" in group ""`);
      scale = this.ctx.api.scale({ group: t.group, resource: t.resource, namespace }, ref.name, this.client.actor);
    } catch (e) {
      set('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${e instanceof Error ? e.message : String(e)}`);
      this.recorder.event(hpa, 'Warning', 'FailedGetScale', e instanceof Error ? e.message : String(e));
      this.writeStatus(hpa, { ...hpa.status, conditions });
      return;
    }
    set('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
    const current = (scale.spec as { replicas?: number }).replicas ?? 0;
    const selectorText = (scale.status as { selector?: string }).selector ?? '';
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    let desired = 0;
    let rescaleReason = '';
    const currentMetrics: unknown[] = [];
    if (current === 0 && min !== 0) {
      set('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
      this.writeStatus(hpa, { ...hpa.status, currentReplicas: current, desiredReplicas: 0, conditions });
      return;
    } else if (current > max) {
      rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
      desired = max;
    } else if (current < min) {
      rescaleReason = 'Current number of replicas below Spec.MinReplicas';
      desired = min;
    } else {
      const selector = tryParseSelector(selectorText);
      const pods = selector ? this.pods.listIn(namespace).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded' && selector.matches(p.metadata.labels ?? {})) : [];
      let metricDesired = -1;
      let metricName = '';
      let resourceName = 'cpu';
      try {
        for (const m of hpa.spec.metrics?.length ? hpa.spec.metrics : DEFAULT_METRICS) {
          if (m.type !== 'Resource' || !m.resource) continue;
          const { name, target } = m.resource;
          resourceName = name;
          const rt: ResourceTarget =
            target.type === 'Utilization'
              ? { type: 'Utilization', averageUtilization: target.averageUtilization ?? 80 }
              : { type: 'AverageValue', averageValueMilli: tryParseQuantity(target.averageValue ?? '0')?.milliValue() ?? 0 };
          const r = resourceReplicas(current, pods.map((p) => this.podInput(p, name)), rt, name);
          const label = rt.type === 'Utilization' ? `${name} resource utilization (percentage of request)` : `${name} resource`;
          currentMetrics.push({
            type: 'Resource',
            resource: { name, current: { ...(r.utilization !== undefined ? { averageUtilization: r.utilization } : {}), averageValue: formatMilli(name, r.averageMilli) } },
          });
          if (r.replicas > metricDesired) {
            metricDesired = r.replicas;
            metricName = label;
          }
        }
        if (metricDesired < 0) throw new MetricError('no supported metrics');
      } catch (e) {
        if (!(e instanceof MetricError)) throw e;
        const why = `failed to get ${resourceName} utilization: ${e.message}`;
        set('ScalingActive', 'False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: ${why}`);
        this.recorder.event(hpa, 'Warning', 'FailedGetResourceMetric', why);
        this.writeStatus(hpa, { ...hpa.status, currentReplicas: current, desiredReplicas: current, conditions });
        return;
      }
      set('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metricName}`);
      desired = this.normalize(key, current, metricDesired, min, max, now, hpa.spec.behavior, set);
      if (desired > current) rescaleReason = `${metricName} above target`;
      if (desired < current) rescaleReason = 'All metrics below target';
    }
    let lastScaleTime = hpa.status?.lastScaleTime;
    if (desired !== current) {
      try {
        this.client.patch({ apiVersion: ref.apiVersion ?? '', kind: ref.kind }, namespace, ref.name, 'merge', { spec: { replicas: desired } }, 'scale');
      } catch (e) {
        if (!isApiError(e)) throw e;
        set('AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${e.message}`);
        this.recorder.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${rescaleReason}; error: ${e.message}`);
        this.writeStatus(hpa, { ...hpa.status, currentReplicas: current, desiredReplicas: desired, currentMetrics, conditions });
        return;
      }
      set('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
      this.recorder.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${rescaleReason}`);
      const events = desired > current ? this.scaleUps : this.scaleDowns;
      const list = (events.get(key) ?? []).filter((e) => now - e.atMs < 30 * 60 * 1000);
      list.push({ change: Math.abs(desired - current), atMs: now });
      events.set(key, list);
      lastScaleTime = rfc3339(now);
    }
    this.writeStatus(hpa, {
      observedGeneration: hpa.metadata.generation,
      ...(lastScaleTime ? { lastScaleTime } : {}),
      currentReplicas: current,
      desiredReplicas: desired,
      currentMetrics,
      conditions,
    });
  }

  /** Stabilization windows, then rate policies and min/max (normalizeDesiredReplicasWithBehaviors). */
  private normalize(key: string, current: number, desired: number, min: number, max: number, now: number, behavior: HpaBehavior | undefined, set: (t: string, s: string, r: string, m: string) => void): number {
    const b = withDefaultBehavior(behavior);
    const history = this.recommendations.get(key) ?? [];
    const stable = stabilize(current, desired, history, b.scaleUp, b.scaleDown, now);
    const keepMs = Math.max(b.scaleUp.stabilizationWindowSeconds, b.scaleDown.stabilizationWindowSeconds) * 1000;
    this.recommendations.set(key, [...history.filter((r) => now - r.atMs < keepMs), { replicas: desired, atMs: now }]);
    set('AbleToScale', 'True', stable.reason, stable.message);
    const limited = limitRate({ current, desired: stable.replicas, min, max, nowMs: now }, this.scaleUps.get(key) ?? [], this.scaleDowns.get(key) ?? [], b.scaleUp, b.scaleDown);
    set('ScalingLimited', limited.replicas === stable.replicas ? 'False' : 'True', limited.reason, limited.message);
    return limited.replicas;
  }

  private podInput(pod: PodLike, resource: string): PodInput {
    let request = 0;
    for (const c of pod.spec?.containers ?? []) {
      const raw = c.resources?.requests?.[resource];
      const q = raw === undefined ? undefined : tryParseQuantity(raw);
      if (!q) return { name: pod.metadata.name ?? '', ready: false, request: 0, usage: undefined };
      request += q.milliValue();
    }
    const sample = this.metrics.podSample(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '');
    const usage = sample === undefined ? undefined : resource === 'cpu' ? sample.cpuMilli : resource === 'memory' ? sample.memoryBytes * 1000 : undefined;
    const ready = pod.status?.phase === 'Running' && (pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false);
    return { name: pod.metadata.name ?? '', ready, request, usage };
  }

  private writeStatus(hpa: Hpa, status: Record<string, unknown>): void {
    try {
      this.client.patch(HPA_REF, hpa.metadata.namespace, hpa.metadata.name ?? '', 'merge', { status }, 'status');
    } catch (e) {
      if (!(isApiError(e) && (e.code === 404 || e.code === 409))) throw e;
    }
  }
}

/** Keeps lastTransitionTime when the status does not change, as upstream's setCondition does. */
function setCondition(conditions: Condition[], c: Condition): void {
  const i = conditions.findIndex((x) => x.type === c.type);
  if (i < 0) conditions.push(c);
  else conditions[i] = conditions[i]!.status === c.status ? { ...c, lastTransitionTime: conditions[i]!.lastTransitionTime } : c;
}

function formatMilli(resource: string, milli: number): string {
  return resource === 'cpu' ? `${milli}m` : `${Math.round(milli / 1000)}`;
}
