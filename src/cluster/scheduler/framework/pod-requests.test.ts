import { describe, expect, it } from 'vitest';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { makePod } from '../testing/wrappers.ts';
import { computePodResourceRequests, DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST } from './pod-requests.ts';

const Mi = 1024 * 1024;

describe('computePodResourceRequests', () => {
  const cases: Array<{ name: string; pod: IPod; cpu: number; mem: number; nonZeroCPU: number; nonZeroMem: number }> = [
    { name: 'no containers', pod: makePod().name('p').obj(), cpu: 0, mem: 0, nonZeroCPU: 0, nonZeroMem: 0 },
    {
      name: 'best effort container gets the scoring defaults only',
      pod: makePod().name('p').req({}).obj(),
      cpu: 0,
      mem: 0,
      nonZeroCPU: DEFAULT_MILLI_CPU_REQUEST,
      nonZeroMem: DEFAULT_MEMORY_REQUEST,
    },
    {
      name: 'containers sum',
      pod: makePod().name('p').req({ cpu: '250m', memory: '64Mi' }).req({ cpu: '1', memory: '1Gi' }).obj(),
      cpu: 1250,
      mem: 1088 * Mi,
      nonZeroCPU: 1250,
      nonZeroMem: 1088 * Mi,
    },
    {
      name: 'explicit zero stays zero for scoring',
      pod: makePod().name('p').req({ cpu: '0', memory: '10Mi' }).obj(),
      cpu: 0,
      mem: 10 * Mi,
      nonZeroCPU: 0,
      nonZeroMem: 10 * Mi,
    },
    {
      name: 'init container larger than the sum wins (max)',
      pod: makePod().name('p').req({ cpu: '100m', memory: '100Mi' }).initReq({ cpu: '2', memory: '50Mi' }).obj(),
      cpu: 2000,
      mem: 100 * Mi,
      nonZeroCPU: 2000,
      nonZeroMem: 100 * Mi,
    },
    {
      name: 'sidecar adds to the steady state and to later init containers',
      pod: makePod()
        .name('p')
        .req({ cpu: '500m', memory: '100Mi' })
        .initReq({ cpu: '200m', memory: '10Mi' }, true)
        .initReq({ cpu: '1', memory: '10Mi' })
        .obj(),
      // steady: 500m + 200m = 700m; init phase: 1000m + 200m sidecar = 1200m -> max 1200m
      cpu: 1200,
      mem: 110 * Mi,
      nonZeroCPU: 1200,
      nonZeroMem: 110 * Mi,
    },
    {
      name: 'init container before the sidecar does not include it',
      pod: makePod()
        .name('p')
        .req({ cpu: '500m' })
        .initReq({ cpu: '900m' })
        .initReq({ cpu: '300m' }, true)
        .obj(),
      // steady 800m; first init 900m (sidecar not started yet); sidecar phase 300m -> max 900m
      cpu: 900,
      mem: 0,
      nonZeroCPU: 900,
      // scoring memory: steady 200Mi (main) + 200Mi (sidecar), each container defaulted
      nonZeroMem: 2 * DEFAULT_MEMORY_REQUEST,
    },
    {
      name: 'overhead is added',
      pod: makePod().name('p').req({ cpu: '1', memory: '1Gi' }).overhead({ cpu: '250m', memory: '120Mi' }).obj(),
      cpu: 1250,
      mem: 1144 * Mi,
      nonZeroCPU: 1250,
      nonZeroMem: 1144 * Mi,
    },
  ];
  it.each(cases)('$name', ({ pod, cpu, mem, nonZeroCPU, nonZeroMem }) => {
    const r = computePodResourceRequests(pod);
    expect(r.requests.milliCPU).toBe(cpu);
    expect(r.requests.memory).toBe(mem);
    expect(r.nonZeroCPU).toBe(nonZeroCPU);
    expect(r.nonZeroMem).toBe(nonZeroMem);
  });
  it('extended resources and ephemeral-storage', () => {
    const r = computePodResourceRequests(makePod().name('p').req({ 'example.com/gpu': 2, 'ephemeral-storage': '1Gi', 'hugepages-2Mi': '4Mi' }).obj());
    expect(r.requests.scalar?.get('example.com/gpu')).toBe(2);
    expect(r.requests.scalar?.get('hugepages-2Mi')).toBe(4 * Mi);
    expect(r.requests.ephemeralStorage).toBe(1024 * Mi);
  });
});
