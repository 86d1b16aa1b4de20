/**
 * The sandbox's own controls beside the Kubernetes API, on the same server and token:
 *
 *   GET  /sandbox/v1/clock                 {"now": RFC 3339, "nowMs", "speed", "manual"}
 *   POST /sandbox/v1/clock/advance         {"seconds": N}  runs everything due, deterministically
 *   POST /sandbox/v1/clock/speed           {"speed": X}    0 pauses (not with --manual-clock)
 *   POST /sandbox/v1/nodes                 {"name", "cpu", "memory", "pods", "labels", "taints"}
 *   POST /sandbox/v1/nodes/<name>/kill     the node's kubelet stops (NotReady after the grace period)
 *   POST /sandbox/v1/nodes/<name>/start    it comes back
 *   GET  /sandbox/v1/namespaces/<ns>/pods/<name>/scheduling
 *                                          the scheduler's last decision records for the pod: every node's
 *                                          filter result per plugin, every score, the choice ("why here /
 *                                          why Pending")
 *
 * Node controls call Cluster.addNode / killNode / startNode; while the cluster lacks one, the route
 * answers 501 saying so.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { Status } from '../cluster/api/types.ts';
import { rfc3339 } from '../cluster/sim/clock.ts';
import { isApiError, toStatus } from '../cluster/api/errors.ts';
import { failureStatus } from './http-io.ts';
import type { ClockDriver } from './clock-driver.ts';

export interface SandboxAnswer {
  code: number;
  body: unknown;
}

type NodeControls = {
  addNode?: (spec: Record<string, unknown>) => unknown;
  killNode?: (name: string) => unknown;
  startNode?: (name: string) => unknown;
};

const MAX_ADVANCE_SECONDS = 7 * 24 * 3600;

function fail(code: number, reason: string, message: string): SandboxAnswer {
  return { code, body: failureStatus(code, reason, message) };
}

function clockState(cluster: Cluster, driver: ClockDriver) {
  const nowMs = cluster.clock.now();
  return { now: rfc3339(nowMs), nowMs, speed: driver.speed, manual: driver.manual };
}

/** Answers one sandbox request (`rest` is the path after `/sandbox/v1/`). Never throws. */
export function handleSandbox(cluster: Cluster, driver: ClockDriver, method: string, rest: string, body: unknown): SandboxAnswer {
  try {
    return route(cluster, driver, method, rest.split('/').filter(Boolean), (body ?? {}) as Record<string, unknown>);
  } catch (e) {
    const status: Status = toStatus(e);
    return { code: isApiError(e) ? status.code : 500, body: status };
  }
}

/** JSON has no typed arrays: scores travel as plain arrays. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
  if (value instanceof Set) return [...value].map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function route(cluster: Cluster, driver: ClockDriver, method: string, parts: string[], body: Record<string, unknown>): SandboxAnswer {
  const [a, b, c] = parts;
  if (a === 'namespaces' && parts[2] === 'pods' && parts[4] === 'scheduling' && parts.length === 5) {
    if (method !== 'GET') return fail(405, 'MethodNotAllowed', 'use GET');
    const ns = b!;
    const pod = parts[3]!;
    cluster.api.get({ group: '', resource: 'pods', namespace: ns }, pod, { name: 'sandbox', component: 'sandbox' });
    return { code: 200, body: { namespace: ns, pod, records: plain(cluster.decisionRecords(ns, pod)) } };
  }
  if (a === 'clock' && b === undefined) {
    if (method !== 'GET') return fail(405, 'MethodNotAllowed', 'use GET');
    return { code: 200, body: clockState(cluster, driver) };
  }
  if (a === 'clock' && b === 'advance' && c === undefined) {
    if (method !== 'POST') return fail(405, 'MethodNotAllowed', 'use POST');
    const seconds = body.seconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
      return fail(400, 'BadRequest', `seconds must be a number between 0 and ${MAX_ADVANCE_SECONDS}`);
    }
    driver.advance(Math.round(seconds * 1000));
    return { code: 200, body: clockState(cluster, driver) };
  }
  if (a === 'clock' && b === 'speed' && c === undefined) {
    if (method !== 'POST') return fail(405, 'MethodNotAllowed', 'use POST');
    const speed = body.speed;
    if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < 0 || speed > 10_000) return fail(400, 'BadRequest', 'speed must be a number between 0 and 10000');
    if (driver.manual) return fail(409, 'Conflict', 'the server runs with --manual-clock: use /sandbox/v1/clock/advance');
    driver.setSpeed(speed);
    return { code: 200, body: clockState(cluster, driver) };
  }
  const controls = cluster as unknown as NodeControls;
  if (a === 'nodes' && b === undefined) {
    if (method !== 'POST') return fail(405, 'MethodNotAllowed', 'use POST');
    if (typeof controls.addNode !== 'function') return fail(501, 'NotImplemented', 'adding nodes is not available yet: the cluster has no addNode');
    if (typeof body.name !== 'string' || body.name === '') return fail(400, 'BadRequest', 'name is required');
    const out = controls.addNode.call(cluster, body);
    return { code: 201, body: out ?? { name: body.name } };
  }
  if (a === 'nodes' && b !== undefined && (c === 'kill' || c === 'start') && parts.length === 3) {
    if (method !== 'POST') return fail(405, 'MethodNotAllowed', 'use POST');
    const fn = c === 'kill' ? controls.killNode : controls.startNode;
    if (typeof fn !== 'function') return fail(501, 'NotImplemented', `${c === 'kill' ? 'killing' : 'starting'} nodes is not available yet: the cluster has no ${c}Node`);
    const out = fn.call(cluster, b);
    return { code: 200, body: out ?? { name: b, action: c } };
  }
  return fail(404, 'NotFound', 'the server could not find the requested resource');
}
