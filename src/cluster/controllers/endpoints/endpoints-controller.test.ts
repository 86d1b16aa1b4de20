import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/rng.ts';
import { batchScenario } from '../job/batch-scenario.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { EndpointsController, type Endpoints } from './endpoints-controller.ts';
import { EndpointSliceController, type EndpointSlice } from './endpoint-slice-controller.ts';
import { pickEndpoint } from './pick-endpoint.ts';

const EP = { apiVersion: 'v1', kind: 'Endpoints' };

function pod(name: string, labels: Record<string, string>, readinessDelay = 10): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          ports: [{ name: 'http', containerPort: 80 }],
          readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: readinessDelay, periodSeconds: 5 },
        },
      ],
    },
  };
}

function service(name: string, spec: Record<string, unknown>) {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { app: name } }, spec };
}

function scenario() {
  return batchScenario({ controllers: (ctx) => [new EndpointsController(ctx), new EndpointSliceController(ctx)] });
}

const addr = (a: { ip: string; nodeName?: string; targetRef?: { name: string } }) => `${a.targetRef?.name}@${a.nodeName}`;

describe('Endpoints and EndpointSlice controllers', () => {
  it('follow readiness: a pod not ready is in notReadyAddresses, then moves to addresses', () => {
    const s = scenario();
    s.create(service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }));
    s.create(pod('web-1', { app: 'web' }));
    s.create(pod('other', { app: 'db' }));
    s.run(8000);
    expect(s.errors()).toEqual([]);
    let ep = s.get<Endpoints>(EP, 'web')!;
    const p = s.pods().find((x) => x.metadata.name === 'web-1')!;
    const ip = (p.status as { podIP: string }).podIP;
    expect(ep.metadata.labels).toEqual({ app: 'web' });
    expect(ep.subsets).toEqual([
      { notReadyAddresses: [{ ip, nodeName: p.spec!.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: p.metadata.uid } }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
    ]);
    let slices = s.list<EndpointSlice>('discovery.k8s.io', 'endpointslices');
    expect(slices).toHaveLength(1);
    expect(slices[0]!.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slices[0]!.metadata.labels).toEqual({ app: 'web', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slices[0]!.addressType).toBe('IPv4');
    expect(slices[0]!.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(slices[0]!.endpoints.map((e) => [e.addresses, e.conditions, e.targetRef.name])).toEqual([[[ip], { ready: false, serving: false, terminating: false }, 'web-1']]);
    expect(pickEndpoint(ep, new Rng(1))).toBeUndefined();

    s.run(10_000);
    ep = s.get<Endpoints>(EP, 'web')!;
    expect(ep.subsets?.map((x) => [x.addresses?.map(addr), x.notReadyAddresses])).toEqual([[[`web-1@${p.spec!.nodeName}`], undefined]]);
    slices = s.list<EndpointSlice>('discovery.k8s.io', 'endpointslices');
    expect(slices[0]!.endpoints[0]!.conditions).toEqual({ ready: true, serving: true, terminating: false });
    expect(pickEndpoint(ep, new Rng(1), 'http')).toEqual({ ip, port: 80, nodeName: p.spec!.nodeName, pod: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: p.metadata.uid } });
  });

  it('spreads picks over ready endpoints and drops a deleted pod', () => {
    const s = scenario();
    s.create(service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }));
    for (const n of ['api-1', 'api-2', 'api-3']) s.create(pod(n, { app: 'api' }, 0));
    s.run(20_000);
    let ep = s.get<Endpoints>(EP, 'api')!;
    expect(ep.subsets?.[0]?.addresses).toHaveLength(3);
    const rng = new Rng(42);
    const served = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const name = pickEndpoint(ep, rng)!.pod!.name;
      served.set(name, (served.get(name) ?? 0) + 1);
    }
    expect([...served.keys()].sort()).toEqual(['api-1', 'api-2', 'api-3']);
    for (const n of served.values()) expect(n).toBeGreaterThan(60);
    s.user.delete({ apiVersion: 'v1', kind: 'Pod' }, 'default', 'api-2');
    s.run(0);
    ep = s.get<Endpoints>(EP, 'api')!;
    expect(ep.subsets?.[0]?.addresses?.map((a) => a.targetRef?.name).sort()).toEqual(['api-1', 'api-3']);
    // The slice keeps the terminating pod, marked so, until it is gone.
    const eps = s.list<EndpointSlice>('discovery.k8s.io', 'endpointslices')[0]!.endpoints;
    expect(eps.find((e) => e.targetRef.name === 'api-2')?.conditions).toMatchObject({ ready: false, terminating: true });
    s.run(40_000);
    expect(s.list<EndpointSlice>('discovery.k8s.io', 'endpointslices')[0]!.endpoints.map((e) => e.targetRef.name).sort()).toEqual(['api-1', 'api-3']);
  });

  it('leaves hand-made Endpoints of a selector-less Service alone, and labels headless ones', () => {
    const s = scenario();
    s.create(service('ext', { ports: [{ port: 5432 }] }));
    s.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.0.2.10' }], ports: [{ port: 5432 }] }] });
    s.create(service('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }));
    s.run(5000);
    expect(s.get<Endpoints>(EP, 'ext')!.subsets?.map((x) => x.addresses)).toEqual([[{ ip: '192.0.2.10' }]]);
    expect(s.get<Endpoints>(EP, 'db')!.metadata.labels).toEqual({ app: 'db', 'service.kubernetes.io/headless': '' });
    expect(s.get<Endpoints>(EP, 'db')!.subsets).toBeUndefined();
    const slices = s.list<EndpointSlice>('discovery.k8s.io', 'endpointslices');
    expect(slices.map((x) => [x.metadata.labels?.['kubernetes.io/service-name'], x.endpoints])).toEqual([['db', []]]);
    expect(slices[0]!.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
  });
});
