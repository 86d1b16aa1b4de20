/**
 * An HPA on a whole cluster: load 4 on a 200m Deployment scales it up within a couple of virtual
 * minutes; load 0.2 brings it back down only once the 300 s scale-down window has passed.
 */
import { describe, expect, it } from 'vitest';
import { Cluster, SANDBOX_ACTOR } from '../../cluster.ts';
import type { KubeObject } from '../../api/types.ts';
import { limitRate, stabilize, withDefaultBehavior } from './hpa-behavior.ts';
import { resourceReplicas } from './replica-calculator.ts';

const DEPLOY = { group: 'apps', resource: 'deployments', namespace: 'default' };
const HPA = { group: 'autoscaling', resource: 'horizontalpodautoscalers', namespace: 'default' };

function setup() {
  const c = new Cluster({ seed: 7 });
  const metrics = c.metrics;
  c.api.create(
    DEPLOY,
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'php-apache', namespace: 'default' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { run: 'php-apache' } },
        template: { metadata: { labels: { run: 'php-apache' } }, spec: { containers: [{ name: 'php-apache', image: 'registry.k8s.io/hpa-example', resources: { requests: { cpu: '200m' }, limits: { cpu: '500m' } } }] } },
      },
    },
    { actor: SANDBOX_ACTOR },
  );
  c.api.create(
    HPA,
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'php-apache', namespace: 'default' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' },
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
    },
    { actor: SANDBOX_ACTOR },
  );
  const replicas = () => (c.api.get(DEPLOY, 'php-apache', SANDBOX_ACTOR).spec as { replicas: number }).replicas;
  const hpaObj = () => c.api.get(HPA, 'php-apache', SANDBOX_ACTOR) as KubeObject & { status: { currentReplicas?: number; desiredReplicas?: number; conditions?: { type: string; status: string; reason: string; message: string }[]; currentMetrics?: unknown[] } };
  const events = () =>
    (c.api.list({ group: '', resource: 'events', namespace: 'default' }, {}, SANDBOX_ACTOR).items as (KubeObject & { reason: string; message: string; involvedObject: { kind: string } })[]).filter(
      (e) => e.involvedObject.kind === 'HorizontalPodAutoscaler',
    );
  /** Advances second by second until `pred` holds; returns the virtual seconds taken, or undefined. */
  const until = (pred: () => boolean, maxSec: number): number | undefined => {
    for (let t = 0; t <= maxSec; t++) {
      if (pred()) return t;
      c.advance(1000);
    }
    return undefined;
  };
  const hpa = c.controllerManager.get('horizontal-pod-autoscaler')!;
  return { c, metrics, hpa, replicas, hpaObj, events, until };
}

describe('HorizontalPodAutoscaler on a whole cluster', () => {
  const s = setup();

  it('settles at 1 replica with the conditions kubectl describe shows', () => {
    s.c.advance(90_000);
    expect(s.replicas()).toBe(1);
    const st = s.hpaObj().status;
    expect(st.currentReplicas).toBe(1);
    expect(st.desiredReplicas).toBe(1);
    const byType = Object.fromEntries((st.conditions ?? []).map((c) => [c.type, [c.status, c.reason, c.message]]));
    expect(byType).toEqual({
      AbleToScale: ['True', 'ReadyForNewScale', 'recommended size matches current size'],
      ScalingActive: ['True', 'ValidMetricFound', 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)'],
      ScalingLimited: ['False', 'DesiredWithinRange', 'the desired count is within the acceptable range'],
    });
    const pod = s.c.api.list({ group: '', resource: 'pods', namespace: 'default' }, {}, SANDBOX_ACTOR).items[0]!;
    const pm = s.metrics.podMetrics('default', pod.metadata.name!) as KubeObject & { window: string; containers: { name: string; usage: { cpu: string; memory: string } }[] };
    expect(pm.kind).toBe('PodMetrics');
    expect(pm.window).toBe('15s');
    expect(pm.containers[0]!.usage.cpu).toMatch(/^\d+m$/);
    expect(s.hpa.errors).toEqual([]);
  });

  it('scales up within two virtual minutes under load 4, and stays put once the load is shared', () => {
    s.metrics.setLoad('default', 'php-apache', 4);
    expect(s.until(() => s.replicas() >= 4, 120)).toBeDefined();
    s.c.advance(120_000);
    expect(s.replicas()).toBe(4);
    const rescales = s.events().filter((e) => e.reason === 'SuccessfulRescale');
    expect(rescales.map((e) => e.message)).toEqual(['New size: 4; reason: cpu resource utilization (percentage of request) above target']);
    // 200m * 0.5 * 4 shared by 4 ready pods: about 100m each, within the 5% jitter.
    const pods = s.c.api.list({ group: '', resource: 'pods', namespace: 'default' }, {}, SANDBOX_ACTOR).items;
    for (const p of pods) {
      const cpu = s.metrics.podSample('default', p.metadata.name!)!.cpuMilli;
      expect(cpu).toBeGreaterThanOrEqual(95);
      expect(cpu).toBeLessThanOrEqual(105);
    }
    const node = s.metrics.nodeMetrics('worker-1') as KubeObject & { window: string; usage: { cpu: string; memory: string } };
    expect(node).toMatchObject({ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetrics', metadata: { name: 'worker-1' }, window: '15s' });
    expect(node.usage.memory).toMatch(/^\d+Ki$/);
    expect(s.hpa.errors).toEqual([]);
  });

  it('scales down to 1 under load 0.2, only after the 300 s stabilization window', () => {
    s.metrics.setLoad('default', 'php-apache', 0.2);
    const took = s.until(() => s.replicas() < 4, 420);
    expect(took).toBeDefined();
    expect(took!).toBeGreaterThanOrEqual(285);
    expect(s.replicas()).toBe(1);
    expect(s.events().map((e) => e.message)).toContain('New size: 1; reason: All metrics below target');
    expect(s.hpa.errors).toEqual([]);
  });
});

describe('HPA algorithm pieces', () => {
  const b = withDefaultBehavior(undefined);
  it.each([
    // [current, desired, expected, reason]
    [1, 20, 5, 'ScaleUpLimit'],
    [8, 20, 10, 'TooManyReplicas'],
    [4, 0, 1, 'TooFewReplicas'],
    [4, 6, 6, 'DesiredWithinRange'],
  ])('rate-limits %i -> %i to %i (%s)', (current, desired, expected, reason) => {
    const r = limitRate({ current, desired, min: 1, max: 10, nowMs: 0 }, [], [], b.scaleUp, b.scaleDown);
    expect([r.replicas, r.reason]).toEqual([expected, reason]);
  });

  it('keeps the highest recommendation of the scale-down window', () => {
    const r = stabilize(4, 1, [{ replicas: 4, atMs: 100_000 }], b.scaleUp, b.scaleDown, 200_000);
    expect([r.replicas, r.reason]).toEqual([4, 'ScaleDownStabilized']);
    expect(stabilize(4, 1, [{ replicas: 4, atMs: 100_000 }], b.scaleUp, b.scaleDown, 400_001).replicas).toBe(1);
  });

  it.each([
    // 54% of a 50% target is within the 0.1 tolerance; 56% is not (ceil(1.12 * 2) = 3).
    [54, 2],
    [56, 3],
    [100, 4],
    [10, 1],
  ])('two ready pods at %s percent of requests against a 50 percent target want %s replicas', (pct, expected) => {
    const pods = ['a', 'b'].map((name) => ({ name, ready: true, request: 200, usage: pct * 2 }));
    expect(resourceReplicas(2, pods, { type: 'Utilization', averageUtilization: 50 }, 'cpu').replicas).toBe(expected);
  });
});
