import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reasonHistogram } from './framework/fit-error.ts';
import { MiniScheduler } from './testing/mini-scheduler.ts';
import { makeNode, makePod } from './testing/wrappers.ts';

const nodeArb = fc.record({
  cpu: fc.integer({ min: 0, max: 4000 }),
  memMi: fc.integer({ min: 0, max: 4096 }),
  pods: fc.integer({ min: 0, max: 6 }),
  tainted: fc.boolean(),
  cordoned: fc.boolean(),
  zone: fc.constantFrom('z1', 'z2'),
});
const podArb = fc.record({
  cpu: fc.integer({ min: 0, max: 2500 }),
  memMi: fc.integer({ min: 0, max: 3000 }),
  tolerates: fc.boolean(),
  priority: fc.integer({ min: 0, max: 3 }),
  zone: fc.option(fc.constantFrom('z1', 'z2', 'z3'), { nil: undefined }),
  antiAffinity: fc.boolean(),
});

describe('scheduling never over-commits', () => {
  it('whatever the pods and nodes, assumed pods fit requests and pod counts; FitError counts add up', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 8 }), fc.array(podArb, { maxLength: 40 }), fc.integer(), (nodes, pods, seed) => {
        const nodeObjs = nodes.map((n, i) => {
          const w = makeNode().name(`n${i}`).zone(n.zone).capacity({ cpu: `${n.cpu}m`, memory: `${n.memMi}Mi`, pods: n.pods });
          if (n.tainted) w.taint({ key: 'dedicated', value: 'x', effect: 'NoSchedule' });
          if (n.cordoned) w.unschedulable();
          return w.obj();
        });
        const s = new MiniScheduler(nodeObjs, { seed });
        pods.forEach((p, i) => {
          const w = makePod().name(`p${i}`).label('app', 'a').priority(p.priority).req({ cpu: `${p.cpu}m`, memory: `${p.memMi}Mi` });
          if (p.tolerates) w.toleration({ key: 'dedicated', operator: 'Exists' });
          if (p.zone) w.nodeSelector({ 'topology.kubernetes.io/zone': p.zone });
          if (p.antiAffinity) w.podAntiAffinity('kubernetes.io/hostname', { matchLabels: { app: 'a' } });
          const r = s.schedule(w.obj());
          if (r.outcome === 'Unschedulable' && r.diagnosis) {
            const d = r.diagnosis;
            // Every node is accounted for: explicit statuses plus the absent ones.
            if (d.preFilterMsg === '') {
              const explicit = d.nodeToStatus.size;
              expect(explicit + (d.nodeToStatus.absent ? nodes.length - explicit : 0)).toBe(nodes.length);
              const counted = reasonHistogram(d.nodeToStatus, nodes.length).reduce((sum, e) => sum + Number(e.split(' ')[0]), 0);
              let reasons = 0;
              for (const st of d.nodeToStatus.explicit.values()) reasons += st.status.reasons.length;
              expect(counted).toBe(reasons);
              expect(counted).toBeGreaterThanOrEqual(nodes.length);
            }
            expect(r.message).toMatch(new RegExp(`^0/${nodes.length} nodes are available: `));
          }
        });
        for (const [i, n] of nodes.entries()) {
          const info = s.cache.nodeInfo(`n${i}`)!;
          expect(info.pods.length).toBeLessThanOrEqual(n.pods);
          expect(info.requested.milliCPU).toBeLessThanOrEqual(n.cpu);
          expect(info.requested.memory).toBeLessThanOrEqual(n.memMi * 1024 * 1024);
          if (n.cordoned) expect(info.pods).toHaveLength(0);
          const withAnti = info.pods.filter((p) => p.requiredAntiAffinityTerms.length > 0);
          if (withAnti.length > 0) expect(info.pods).toHaveLength(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
