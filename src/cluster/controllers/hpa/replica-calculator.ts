/**
 * The HPA's ReplicaCalculator for Resource metrics (pkg/controller/podautoscaler/replica_calculator.go):
 * usage ratio against the target, tolerance 0.1, and the conservative treatment of pods without
 * metrics (0% when scaling up, 100% when scaling down) and of unready pods (0% when scaling up).
 */

export const TOLERANCE = 0.1;

export interface PodInput {
  name: string;
  ready: boolean;
  /** Sum of the containers' requests of the resource (milli-units); 0 when some container has none. */
  request: number;
  /** Sampled usage (milli-units), undefined when metrics-server has none yet. */
  usage: number | undefined;
}

export type ResourceTarget = { type: 'Utilization'; averageUtilization: number } | { type: 'AverageValue'; averageValueMilli: number };

export interface ReplicaResult {
  replicas: number;
  /** Integer percent of requests (Utilization targets). */
  utilization?: number;
  /** Average usage per pod, milli-units. */
  averageMilli: number;
}

export class MetricError extends Error {}

function ratioOf(usage: Map<string, number>, pods: readonly PodInput[], target: ResourceTarget): { ratio: number; utilization?: number; averageMilli: number } {
  let sum = 0;
  let req = 0;
  for (const p of pods) {
    const u = usage.get(p.name);
    if (u === undefined) continue;
    sum += u;
    req += p.request;
  }
  const averageMilli = usage.size === 0 ? 0 : Math.floor(sum / usage.size);
  if (target.type === 'AverageValue') return { ratio: averageMilli / target.averageValueMilli, averageMilli };
  if (req === 0) throw new MetricError('missing request for resource');
  const utilization = Math.floor((sum * 100) / req);
  return { ratio: utilization / target.averageUtilization, utilization, averageMilli };
}

/** The desired replica count for one Resource metric; throws MetricError when it cannot be computed. */
export function resourceReplicas(current: number, pods: readonly PodInput[], target: ResourceTarget, resource: string): ReplicaResult {
  if (pods.length === 0) throw new MetricError('no pods returned by selector while calculating replica count');
  const usage = new Map<string, number>();
  const missing: PodInput[] = [];
  const unready: PodInput[] = [];
  let readyCount = 0;
  for (const p of pods) {
    if (p.usage === undefined) missing.push(p);
    else if (!p.ready) unready.push(p);
    else {
      readyCount++;
      usage.set(p.name, p.usage);
    }
  }
  if (target.type === 'Utilization' && pods.some((p) => p.request === 0)) throw new MetricError(`missing request for ${resource}`);
  if (usage.size === 0) throw new MetricError('did not receive metrics for targeted pods (pods might be unready)');
  const first = ratioOf(usage, pods, target);
  const scaleUpWithUnready = unready.length > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - first.ratio) <= TOLERANCE) return { replicas: current, ...first };
    return { replicas: Math.ceil(first.ratio * readyCount), ...first };
  }
  if (missing.length > 0) {
    const fallbackPct = target.type === 'Utilization' ? Math.max(100, target.averageUtilization) : 100;
    for (const p of missing) {
      if (first.ratio < 1) usage.set(p.name, target.type === 'Utilization' ? (p.request * fallbackPct) / 100 : target.averageValueMilli);
      else if (first.ratio > 1) usage.set(p.name, 0);
    }
  }
  if (scaleUpWithUnready) for (const p of unready) usage.set(p.name, 0);
  const next = ratioOf(usage, pods, target);
  const flipped = (first.ratio < 1 && next.ratio > 1) || (first.ratio > 1 && next.ratio < 1);
  if (Math.abs(1 - next.ratio) <= TOLERANCE || flipped) return { replicas: current, ...first };
  const replicas = Math.ceil(next.ratio * usage.size);
  if ((next.ratio < 1 && replicas > current) || (next.ratio > 1 && replicas < current)) return { replicas: current, ...first };
  return { replicas, ...first };
}
