import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../cluster/api/types.ts';
import { podRequests } from './pod-requests.ts';

const pod = (spec: Record<string, unknown>, phase = 'Running'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, status: { phase } });
const c = (cpu?: string, memory?: string, restartPolicy?: string) => ({ name: 'c', ...(restartPolicy ? { restartPolicy } : {}), resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } });

describe('podRequests', () => {
  const cases: { name: string; pod: KubeObject; cpu: number; memory: number }[] = [
    { name: 'no requests', pod: pod({ containers: [{ name: 'a' }] }), cpu: 0, memory: 0 },
    { name: 'sum of containers', pod: pod({ containers: [c('250m', '64Mi'), c('250m', '64Mi')] }), cpu: 0.5, memory: 128 * 1024 ** 2 },
    { name: 'a big init container wins', pod: pod({ containers: [c('100m')], initContainers: [c('2')] }), cpu: 2, memory: 0 },
    { name: 'sidecars add to the containers', pod: pod({ containers: [c('100m')], initContainers: [c('200m', undefined, 'Always')] }), cpu: 0.3, memory: 0 },
    { name: 'overhead is added', pod: pod({ containers: [c('1')], overhead: { cpu: '250m' } }), cpu: 1.25, memory: 0 },
    { name: 'a Succeeded pod asks for nothing', pod: pod({ containers: [c('1')] }, 'Succeeded'), cpu: 0, memory: 0 },
  ];
  it.each(cases)('$name', ({ pod, cpu, memory }) => {
    const r = podRequests(pod);
    expect(r.cpu).toBeCloseTo(cpu);
    expect(r.memory).toBe(memory);
  });
});
