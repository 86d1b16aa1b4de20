/**
 * `kubectl get hpa`: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE (printers.go
 * printHorizontalPodAutoscaler). TARGETS shows at most two metrics as `cpu: 30%/50%`, then `+ N more...`.
 */
import { tryParseQuantity } from '../../api/quantity.ts';
import { ageCol, col, nameCol, type Printer } from './table.ts';
import { translateTimestampSince } from './human-duration.ts';
import { arr, field, int } from './format.ts';

export const hpaPrinter: Printer = {
  columns: [
    nameCol(),
    col('Reference', 'string', 'reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource.'),
    col('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).'),
    col('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
    col('MaxPods', 'integer', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
    col('Replicas', 'integer', 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
    ageCol(),
  ],
  row: (hpa, nowMs) => {
    const spec = (hpa.spec ?? {}) as Record<string, unknown>;
    const ref = (spec.scaleTargetRef ?? {}) as { kind?: string; name?: string };
    return {
      cells: [
        hpa.metadata.name ?? '',
        `${ref.kind ?? ''}/${ref.name ?? ''}`,
        formatHpaMetrics(arr(spec.metrics), arr(field(hpa, 'status', 'currentMetrics'))),
        typeof spec.minReplicas === 'number' ? String(spec.minReplicas) : '<unset>',
        int(spec.maxReplicas),
        int(field(hpa, 'status', 'currentReplicas')),
        translateTimestampSince(hpa.metadata.creationTimestamp, nowMs),
      ],
    };
  },
};

function q(v: unknown): string {
  if (typeof v !== 'string' && typeof v !== 'number') return '0';
  return tryParseQuantity(v)?.toString() ?? String(v);
}

function resourceTarget(name: string, target: Record<string, unknown>, current: Record<string, unknown> | undefined): string {
  if (target.averageValue !== undefined) {
    const cur = current ? q(current.averageValue) : '<unknown>';
    return `${name}: ${cur}/${q(target.averageValue)}`;
  }
  const cur = current && typeof current.averageUtilization === 'number' ? `${current.averageUtilization}%` : '<unknown>';
  const want = typeof target.averageUtilization === 'number' ? `${target.averageUtilization}%` : '<auto>';
  return `${name}: ${cur}/${want}`;
}

/** formatHPAMetrics for the metric types people write; unknown types print `<unknown type>`. */
export function formatHpaMetrics(specs: readonly Record<string, unknown>[], statuses: readonly Record<string, unknown>[]): string {
  if (specs.length === 0) return '<none>';
  const list: string[] = [];
  specs.forEach((spec, i) => {
    const status = statuses[i];
    switch (spec.type) {
      case 'Resource': {
        const res = (spec.resource ?? {}) as { name?: string; target?: Record<string, unknown> };
        const cur = field(status, 'resource') ? (field(status, 'resource', 'current') as Record<string, unknown> | undefined) ?? {} : undefined;
        list.push(resourceTarget(res.name ?? '', res.target ?? {}, cur));
        break;
      }
      case 'ContainerResource': {
        const res = (spec.containerResource ?? {}) as { name?: string; target?: Record<string, unknown> };
        const cur = field(status, 'containerResource') ? (field(status, 'containerResource', 'current') as Record<string, unknown> | undefined) ?? {} : undefined;
        list.push(resourceTarget(res.name ?? '', res.target ?? {}, cur));
        break;
      }
      case 'Pods': {
        const cur = field(status, 'pods') ? q(field(status, 'pods', 'current', 'averageValue')) : '<unknown>';
        list.push(`${cur}/${q(field(spec, 'pods', 'target', 'averageValue'))}`);
        break;
      }
      case 'Object':
      case 'External': {
        const key = spec.type === 'Object' ? 'object' : 'external';
        const target = (field(spec, key, 'target') ?? {}) as Record<string, unknown>;
        const current = field(status, key) ? ((field(status, key, 'current') ?? {}) as Record<string, unknown>) : undefined;
        if (target.averageValue !== undefined) list.push(`${current ? q(current.averageValue) : '<unknown>'}/${q(target.averageValue)} (avg)`);
        else list.push(`${current ? q(current.value) : '<unknown>'}/${q(target.value)}`);
        break;
      }
      default:
        list.push('<unknown type>');
    }
  });
  const max = 2;
  if (list.length > max) return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
  return list.join(', ');
}

