/**
 * A request to a Service as kube-proxy would route it: one of the ready addresses of the Service's
 * Endpoints, each equally likely (iptables/nftables random probability rules), on the port the service
 * port maps to. Pure: the caller brings the Endpoints and the Rng, and learns which pod served.
 */
import type { Rng } from '../../sim/rng.ts';
import type { PodReference } from './endpoint-pods.ts';
import type { Endpoints } from './endpoints-controller.ts';

export interface PickedEndpoint {
  ip: string;
  port?: number;
  nodeName?: string;
  /** The pod that served the request. */
  pod?: PodReference;
}

/**
 * Picks a ready endpoint; `port` selects the endpoint port by service-port name or by target port number (the
 * first port of each subset when omitted). Undefined when nothing is ready — kube-proxy then rejects the connection.
 */
export function pickEndpoint(endpoints: Endpoints | undefined, rng: Rng, port?: string | number): PickedEndpoint | undefined {
  const candidates: PickedEndpoint[] = [];
  for (const subset of endpoints?.subsets ?? []) {
    const ports = subset.ports ?? [];
    const p = port === undefined ? ports[0] : ports.find((sp) => (typeof port === 'number' ? sp.port === port : sp.name === port));
    if (port !== undefined && !p) continue;
    for (const a of subset.addresses ?? []) {
      const pick: PickedEndpoint = { ip: a.ip };
      if (p) pick.port = p.port;
      if (a.nodeName) pick.nodeName = a.nodeName;
      if (a.targetRef) pick.pod = a.targetRef;
      candidates.push(pick);
    }
  }
  return rng.pick(candidates);
}
