/**
 * `kubectl get services` NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (wide SELECTOR) and
 * `kubectl get endpoints` NAME ENDPOINTS AGE (printers.go printService, printEndpoints).
 */
import type { KubeObject } from '../../api/types.ts';
import { ageCol, col, nameCol, type Printer } from './table.ts';
import { translateTimestampSince } from './human-duration.ts';
import { arr, field, formatLabels, int, rec, str } from './format.ts';

const LOAD_BALANCER_WIDTH = 16;

export const servicePrinter: Printer = {
  columns: [
    nameCol(),
    col('Type', 'string', 'type determines how the Service is exposed. Defaults to ClusterIP.'),
    col('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    col('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    col('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    ageCol(),
    col('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', 1),
  ],
  // The server renders rows as wide, so EXTERNAL-IP of a LoadBalancer is never cut to 16 characters.
  row: (svc, nowMs) => {
    const spec = (svc.spec ?? {}) as Record<string, unknown>;
    const clusterIPs = arr<string>(spec.clusterIPs);
    const ports = portString(arr(spec.ports));
    return {
      cells: [
        svc.metadata.name ?? '',
        str(spec.type),
        clusterIPs[0] ?? '<none>',
        externalIP(svc, true),
        ports || '<none>',
        translateTimestampSince(svc.metadata.creationTimestamp, nowMs),
        formatLabels(rec(spec.selector)),
      ],
    };
  },
};

/** makePortString: `80/TCP`, `80:30080/TCP`, joined by `,`. */
export function portString(ports: readonly { port?: number; nodePort?: number; protocol?: string }[]): string {
  return ports.map((p) => (int(p.nodePort) > 0 ? `${int(p.port)}:${int(p.nodePort)}/${p.protocol ?? ''}` : `${int(p.port)}/${p.protocol ?? ''}`)).join(',');
}

function externalIP(svc: KubeObject, wide: boolean): string {
  const spec = (svc.spec ?? {}) as Record<string, unknown>;
  const externalIPs = arr<string>(spec.externalIPs);
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(field(svc, 'status', 'loadBalancer'), wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

function loadBalancerStatus(status: unknown, wide: boolean): string {
  const ingress = arr<{ ip?: string; hostname?: string }>(field(status, 'ingress'));
  const text = ingress
    .map((i) => i.ip || i.hostname || '')
    .filter((s) => s !== '')
    .join(',');
  if (!wide && text.length > LOAD_BALANCER_WIDTH) return text.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
  return text;
}

export const endpointsPrinter: Printer = {
  columns: [nameCol(), col('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'), ageCol()],
  row: (ep, nowMs) => ({ cells: [ep.metadata.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, nowMs)] }),
};

interface Subset {
  addresses?: { ip: string }[];
  ports?: { name?: string; port: number }[];
}

/** formatEndpoints: up to three `ip:port`, then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(ep: KubeObject): string {
  const subsets = arr<Subset>(ep.subsets);
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, p.port));
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
