import { describe, expect, it } from 'vitest';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, runFilter } from '../../testing/plugin-harness.ts';
import { ERR_REASON, NAME, NodePorts } from './node-ports.ts';

describe(NAME, () => {
  const node = makeNode().name('n').obj();
  const cases: Array<{ name: string; existing: IPod[]; pod: IPod; fits: boolean | 'skip' }> = [
    { name: 'no host ports: skipped', existing: [], pod: makePod().name('p').obj(), fits: 'skip' },
    { name: 'free port', existing: [makePod().name('e').hostPort(8080).obj()], pod: makePod().name('p').hostPort(8081).obj(), fits: true },
    { name: 'same port and protocol', existing: [makePod().name('e').hostPort(8080).obj()], pod: makePod().name('p').hostPort(8080).obj(), fits: false },
    { name: 'same port, other protocol', existing: [makePod().name('e').hostPort(53, 'UDP').obj()], pod: makePod().name('p').hostPort(53, 'TCP').obj(), fits: true },
    {
      name: 'specific ip vs 0.0.0.0 conflict',
      existing: [makePod().name('e').hostPort(80, 'TCP', '10.0.0.1').obj()],
      pod: makePod().name('p').hostPort(80).obj(),
      fits: false,
    },
    {
      name: '0.0.0.0 taken blocks a specific ip',
      existing: [makePod().name('e').hostPort(80).obj()],
      pod: makePod().name('p').hostPort(80, 'TCP', '10.0.0.2').obj(),
      fits: false,
    },
    {
      name: 'two different specific ips coexist',
      existing: [makePod().name('e').hostPort(80, 'TCP', '10.0.0.1').obj()],
      pod: makePod().name('p').hostPort(80, 'TCP', '10.0.0.2').obj(),
      fits: true,
    },
  ];
  it.each(cases)('$name', ({ existing, pod, fits }) => {
    const r = runFilter(new NodePorts(), pod, [nodeInfoOf(node, existing)]);
    if (fits === 'skip') return expect(r.skipped).toBe(true);
    expect(r.results[0]?.reasons[0] ?? null).toBe(fits ? null : ERR_REASON);
    if (!fits) expect(r.results[0]?.code).toBe('Unschedulable');
  });
  it('a removed pod frees its port', () => {
    const e = makePod().name('e').hostPort(8080).obj();
    const ni = nodeInfoOf(node, [e]);
    ni.removePod('uid-e');
    expect(runFilter(new NodePorts(), makePod().name('p').hostPort(8080).obj(), [ni]).results[0]).toBeNull();
  });
});
