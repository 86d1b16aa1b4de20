/**
 * The HPA's autoscaling/v2 `behavior` (pkg/controller/podautoscaler/horizontal.go): stabilization
 * windows over past recommendations, then scale-up/scale-down rate policies over past scale events,
 * then min/max. Pure functions over the histories the controller keeps per HPA.
 */

export interface HpaScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface HpaScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: HpaScalingPolicy[];
}

export interface HpaBehavior {
  scaleUp?: HpaScalingRules;
  scaleDown?: HpaScalingRules;
}

/** A past recommendation (the metric-based desired count) and when it was made. */
export interface Recommendation {
  replicas: number;
  atMs: number;
}

/** A past rescale: how many replicas were added (or removed) and when. */
export interface ScaleEvent {
  change: number;
  atMs: number;
}

/** What the HPA defaults an unset `behavior` to (scale-down window: the controller flag's 5 min). */
export function withDefaultBehavior(b: HpaBehavior | undefined): Required<{ scaleUp: Required<HpaScalingRules>; scaleDown: Required<HpaScalingRules> }> {
  return {
    scaleUp: {
      stabilizationWindowSeconds: b?.scaleUp?.stabilizationWindowSeconds ?? 0,
      selectPolicy: b?.scaleUp?.selectPolicy ?? 'Max',
      policies: b?.scaleUp?.policies ?? [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    },
    scaleDown: {
      stabilizationWindowSeconds: b?.scaleDown?.stabilizationWindowSeconds ?? 300,
      selectPolicy: b?.scaleDown?.selectPolicy ?? 'Max',
      policies: b?.scaleDown?.policies ?? [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    },
  };
}

type Rules = Required<HpaScalingRules>;

/**
 * Stabilization: the lowest recommendation of the scale-up window bounds a rise, the highest of the
 * scale-down window bounds a fall. Returns the stabilized count and the AbleToScale reason/message.
 */
export function stabilize(
  current: number,
  desired: number,
  history: readonly Recommendation[],
  up: Rules,
  down: Rules,
  nowMs: number,
): { replicas: number; reason: string; message: string } {
  let upRec = desired;
  let downRec = desired;
  const upCutoff = nowMs - up.stabilizationWindowSeconds * 1000;
  const downCutoff = nowMs - down.stabilizationWindowSeconds * 1000;
  for (const r of history) {
    if (r.atMs > upCutoff) upRec = Math.min(upRec, r.replicas);
    if (r.atMs > downCutoff) downRec = Math.max(downRec, r.replicas);
  }
  let replicas = current;
  if (replicas < upRec) replicas = upRec;
  if (replicas > downRec) replicas = downRec;
  if (replicas === desired) return { replicas, reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
  if (replicas < desired) return { replicas, reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' };
  return { replicas, reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
}

function changeInPeriod(periodSeconds: number, events: readonly ScaleEvent[], nowMs: number): number {
  const cutoff = nowMs - periodSeconds * 1000;
  let sum = 0;
  for (const e of events) if (e.atMs > cutoff) sum += e.change;
  return sum;
}

function scaleUpLimit(current: number, ups: readonly ScaleEvent[], downs: readonly ScaleEvent[], rules: Rules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result = rules.selectPolicy === 'Min' ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  for (const p of rules.policies) {
    const start = current - changeInPeriod(p.periodSeconds, ups, nowMs) + changeInPeriod(p.periodSeconds, downs, nowMs);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

function scaleDownLimit(current: number, ups: readonly ScaleEvent[], downs: readonly ScaleEvent[], rules: Rules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  // "Max" means the policy allowing the biggest change, which for a fall is the lowest limit.
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result = rules.selectPolicy === 'Min' ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  for (const p of rules.policies) {
    const start = current - changeInPeriod(p.periodSeconds, ups, nowMs) + changeInPeriod(p.periodSeconds, downs, nowMs);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/**
 * Rate policies and min/max: the count to write, and the ScalingLimited reason/message (limited
 * exactly when the count differs from `desired`).
 */
export function limitRate(
  args: { current: number; desired: number; min: number; max: number; nowMs: number },
  ups: readonly ScaleEvent[],
  downs: readonly ScaleEvent[],
  up: Rules,
  down: Rules,
): { replicas: number; reason: string; message: string } {
  const { current, desired, min, max, nowMs } = args;
  if (desired > current) {
    const limit = Math.max(current, scaleUpLimit(current, ups, downs, up, nowMs));
    const byRate = max > limit;
    const allowed = byRate ? limit : max;
    const [reason, message] = byRate
      ? ['ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate']
      : ['TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
    if (desired > allowed) return { replicas: allowed, reason, message };
  } else if (desired < current) {
    const limit = Math.min(current, scaleDownLimit(current, ups, downs, down, nowMs));
    const byRate = min < limit;
    const allowed = byRate ? limit : min;
    const [reason, message] = byRate
      ? ['ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate']
      : ['TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
    if (desired < allowed) return { replicas: allowed, reason, message };
  }
  return { replicas: desired, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}
