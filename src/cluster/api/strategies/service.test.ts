import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { serviceStrategy } from './service.ts';
import { create, makeContext, stored, update } from './strategy-harness.ts';

function svc(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', uid: `uid-${name}` }, spec };
}
const http = { port: 80, targetPort: 8080 };

describe('service defaults and allocation', () => {
  it('defaults a ClusterIP service and allocates an address in 10.96.0.0/12', () => {
    const { obj, errors } = create(serviceStrategy, svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(errors).toEqual([]);
    const spec = obj.spec as Record<string, unknown>;
    expect(spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    });
    expect(spec.externalTrafficPolicy).toBeUndefined();
    const ip = spec.clusterIP as string;
    expect(spec.clusterIPs).toEqual([ip]);
    const [a, b, c] = ip.split('.').map(Number) as [number, number, number];
    expect(a).toBe(10);
    expect(b! >= 96 && b! <= 111).toBe(true);
    expect(b === 96 && c === 0).toBe(false); // the dynamic band starts above the static one
    expect(obj.status).toEqual({ loadBalancer: {} });
  });

  it('is deterministic for a seed and avoids addresses in use', () => {
    const first = create(serviceStrategy, svc('a', { ports: [http] }), makeContext({}, 7)).obj;
    const ip = (first.spec as { clusterIP: string }).clusterIP;
    const again = create(serviceStrategy, svc('a', { ports: [http] }), makeContext({}, 7)).obj;
    expect((again.spec as { clusterIP: string }).clusterIP).toBe(ip);
    const other = create(serviceStrategy, svc('b', { ports: [http] }), makeContext({ services: [first] }, 7)).obj;
    expect((other.spec as { clusterIP: string }).clusterIP).not.toBe(ip);
  });

  it('keeps headless and gives ExternalName no address', () => {
    const headless = create(serviceStrategy, svc('db', { clusterIP: 'None', selector: { app: 'db' } })).obj.spec as Record<string, unknown>;
    expect(headless).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'SingleStack' });
    const ext = create(serviceStrategy, svc('ext', { type: 'ExternalName', externalName: 'example.com' }));
    expect(ext.errors).toEqual([]);
    expect(ext.obj.spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });

  it('allocates node ports and LoadBalancer defaults', () => {
    const { obj, errors } = create(serviceStrategy, svc('lb', { type: 'LoadBalancer', ports: [http] }));
    expect(errors).toEqual([]);
    const spec = obj.spec as { ports: { nodePort: number }[]; externalTrafficPolicy: string; allocateLoadBalancerNodePorts: boolean };
    expect(spec.externalTrafficPolicy).toBe('Cluster');
    expect(spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(spec.ports[0]!.nodePort >= 30000 && spec.ports[0]!.nodePort <= 32767).toBe(true);
  });
});

describe('service validation', () => {
  const holder = stored(serviceStrategy, svc('holder', { type: 'NodePort', clusterIP: '10.96.0.5', ports: [{ port: 80, nodePort: 30080 }] }));
  it.each<[string, Record<string, unknown>, string[]]>([
    ['no ports', { selector: { app: 'x' } }, ['spec.ports: Required value']],
    ['unnamed ports', { ports: [{ port: 80 }, { port: 443 }] }, ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['duplicate names', { ports: [{ name: 'a', port: 80 }, { name: 'a', port: 81 }] }, ['spec.ports[1].name: Duplicate value: "a"']],
    ['port range', { ports: [{ port: 0, targetPort: 80 }] }, ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['type', { type: 'Cluster', ports: [http] }, ['spec.type: Unsupported value: "Cluster": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['nodePort on ClusterIP', { ports: [{ ...http, nodePort: 30001 }] }, ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['node port in use', { type: 'NodePort', ports: [{ ...http, nodePort: 30080 }] }, ['spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated']],
    ['node port out of range', { type: 'NodePort', ports: [{ ...http, nodePort: 80 }] }, ['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767']],
    ['cluster IP in use', { clusterIP: '10.96.0.5', ports: [http] }, ['spec.clusterIPs: Invalid value: []string{"10.96.0.5"}: failed to allocate IP 10.96.0.5: provided IP is already allocated']],
    ['cluster IP out of range', { clusterIP: '192.168.0.1', ports: [http] }, ['spec.clusterIPs: Invalid value: []string{"192.168.0.1"}: failed to allocate IP 192.168.0.1: the provided IP (192.168.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12']],
    ['ExternalName without name', { type: 'ExternalName' }, ['spec.externalName: Required value']],
    ['selector labels', { selector: { 'a b': 'x' }, ports: [http] }, [
      `spec.selector: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]],
  ])('%s', (_n, spec, expected) => {
    expect(create(serviceStrategy, svc('s', spec), makeContext({ services: [holder] })).errors).toEqual(expected);
  });
});

describe('service update', () => {
  const old = stored(serviceStrategy, svc('web', { type: 'NodePort', clusterIP: '10.96.0.7', ports: [{ name: 'http', port: 80 }] }));
  const oldPort = (old.spec as { ports: { nodePort: number }[] }).ports[0]!.nodePort;
  const ctx = () => makeContext({ services: [old] });

  it('keeps allocated values an apply leaves out', () => {
    const { obj, errors } = update(serviceStrategy, svc('web', { type: 'NodePort', ports: [{ name: 'http', port: 80 }] }), old, ctx());
    expect(errors).toEqual([]);
    expect(obj.spec).toMatchObject({ clusterIP: '10.96.0.7', clusterIPs: ['10.96.0.7'], ports: [{ nodePort: oldPort }] });
  });
  it('refuses a new cluster IP', () => {
    const next = structuredClone(old);
    Object.assign(next.spec as object, { clusterIP: '10.96.0.8', clusterIPs: ['10.96.0.8'] });
    expect(update(serviceStrategy, next, old, ctx()).errors).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.8"}: may not change once set']);
  });
  it('drops node ports when the type becomes ClusterIP', () => {
    const next = structuredClone(old);
    (next.spec as { type: string }).type = 'ClusterIP';
    const { obj, errors } = update(serviceStrategy, next, old, ctx());
    expect(errors).toEqual([]);
    expect((obj.spec as { ports: { nodePort?: number }[] }).ports[0]!.nodePort).toBeUndefined();
    expect((obj.spec as { externalTrafficPolicy?: string }).externalTrafficPolicy).toBeUndefined();
  });
});
