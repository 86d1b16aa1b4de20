/**
 * The control plane's activity as the head node shows it: request rates by verb, watch events per
 * second, when each component last acted, and the request flows the canvas draws. Rates are per
 * virtual second over the last few real seconds, recomputed a few times a second (not per delta), so
 * the figures are readable and cost nothing per request.
 */
import { create } from 'zustand';
import type { DeltaActivity, RequestTally } from '../../worker/protocol.ts';

/** Where a flow starts or ends on the canvas. */
export type Endpoint = 'user' | 'etcd' | 'apiserver' | 'scheduler' | 'controller-manager' | `node:${string}`;
export type FlowVerb = 'create' | 'update' | 'delete' | 'watch' | 'bind';

export interface Flow {
  from: Endpoint;
  to: Endpoint;
  verb: FlowVerb;
  count: number;
}

export interface ActivityFigures {
  /** Requests per virtual second by verb. */
  requestsPerSec: Record<string, number>;
  watchPerSec: number;
  writesPerSec: number;
  /** Requests per virtual second by controller (actor name). */
  controllerRates: Record<string, number>;
  /** Real time (ms, performance.now) each component last acted. */
  lastActed: Partial<Record<'etcd' | 'apiserver' | 'scheduler' | 'controller-manager', number>>;
  /** Recent flows per edge, summed per verb over the window (for the aggregated labels). */
  edgeCounts: Record<string, Partial<Record<FlowVerb, number>>>;
}

export const useActivity = create<ActivityFigures>(() => ({
  requestsPerSec: {},
  watchPerSec: 0,
  writesPerSec: 0,
  controllerRates: {},
  lastActed: {},
  edgeCounts: {},
}));

const WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

function flowVerb(t: RequestTally): FlowVerb | undefined {
  if (t.subresource === 'binding') return 'bind';
  if (t.verb === 'create') return 'create';
  if (t.verb === 'update' || t.verb === 'patch') return 'update';
  if (t.verb === 'delete' || t.verb === 'deletecollection') return 'delete';
  return undefined;
}

function origin(t: RequestTally): Endpoint | undefined {
  switch (t.component) {
    case 'user':
    case 'sandbox':
      return 'user';
    case 'kube-scheduler':
      return 'scheduler';
    case 'kube-controller-manager':
      return 'controller-manager';
    case 'kubelet':
      return `node:${t.actor.startsWith('kubelet/') ? t.actor.slice('kubelet/'.length) : t.actor}`;
    default:
      return undefined;
  }
}

/** Which watchers hear about a change to each resource (informers the components run). */
const SCHEDULER_WATCHES = new Set(['pods', 'minions', 'persistentvolumeclaims', 'persistentvolumes', 'storageclasses', 'csinodes', 'namespaces', 'services']);
const NOT_CONTROLLER_WATCHED = new Set(['events', 'leases']);

/** The flows one delta's activity draws: callers to the API server, writes into etcd, watch events out. */
export function flowsOf(a: DeltaActivity): Flow[] {
  const flows = new Map<string, Flow>();
  const add = (from: Endpoint, to: Endpoint, verb: FlowVerb, count: number) => {
    const k = `${from}>${to}>${verb}`;
    const f = flows.get(k);
    if (f) f.count += count;
    else flows.set(k, { from, to, verb, count });
  };
  for (const t of a.requests) {
    const verb = flowVerb(t);
    const from = origin(t);
    const ok = t.count - t.errors;
    if (!verb || !from || t.count === 0) continue;
    add(from, 'apiserver', verb, t.count);
    if (ok > 0) add('apiserver', 'etcd', verb === 'bind' ? 'update' : verb, ok);
  }
  for (const w of a.watch) {
    if (SCHEDULER_WATCHES.has(w.resource)) add('apiserver', 'scheduler', 'watch', w.count);
    if (!NOT_CONTROLLER_WATCHED.has(w.resource)) add('apiserver', 'controller-manager', 'watch', w.count);
    for (const n of w.nodes ?? []) add('apiserver', `node:${n}`, 'watch', 1);
  }
  return [...flows.values()];
}

type FlowListener = (flows: Flow[], speed: number) => void;
const listeners = new Set<FlowListener>();

/** Subscribes to each delta's flows (the canvas's flow layer); returns the unsubscribe. */
export function onFlows(fn: FlowListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

interface Sample {
  real: number;
  virtual: number;
  activity: DeltaActivity;
  flows: Flow[];
}

const WINDOW_MS = 2000;
const RECOMPUTE_MS = 250;
let samples: Sample[] = [];
let lastRecompute = 0;
const lastActed: ActivityFigures['lastActed'] = {};

/** Feeds one delta's activity; called by the cluster feed. */
export function recordActivity(a: DeltaActivity, virtualTime: number, speed: number): void {
  const now = performance.now();
  const flows = flowsOf(a);
  samples.push({ real: now, virtual: virtualTime, activity: a, flows });
  for (const f of flows) {
    if (f.to === 'etcd') lastActed.etcd = now;
    if (f.to === 'apiserver' || f.from === 'apiserver') lastActed.apiserver = now;
    if (f.from === 'scheduler') lastActed.scheduler = now;
    if (f.from === 'controller-manager') lastActed['controller-manager'] = now;
  }
  for (const l of listeners) l(flows, speed);
  if (now - lastRecompute >= RECOMPUTE_MS) {
    lastRecompute = now;
    recompute(now);
  }
}

function recompute(now: number): void {
  samples = samples.filter((s) => now - s.real <= WINDOW_MS);
  const first = samples[0];
  const last = samples[samples.length - 1];
  const virtualSecs = first && last ? Math.max((last.virtual - first.virtual) / 1000, 0) : 0;
  const requestsPerSec: Record<string, number> = {};
  const controllerRates: Record<string, number> = {};
  const edgeCounts: ActivityFigures['edgeCounts'] = {};
  let watch = 0;
  let writes = 0;
  // The first sample's counts happened before the window's virtual start: leave them out of the rates.
  for (const s of samples.slice(1)) {
    for (const t of s.activity.requests) {
      const verb = t.subresource === 'binding' ? 'bind' : t.verb;
      requestsPerSec[verb] = (requestsPerSec[verb] ?? 0) + t.count;
      if (WRITE_VERBS.has(t.verb)) writes += t.count - t.errors;
      if (t.component === 'kube-controller-manager') controllerRates[t.actor] = (controllerRates[t.actor] ?? 0) + t.count;
    }
    for (const w of s.activity.watch) watch += w.count;
  }
  for (const s of samples) {
    for (const f of s.flows) {
      const k = edgeKey(f.from, f.to);
      const e = (edgeCounts[k] ??= {});
      e[f.verb] = (e[f.verb] ?? 0) + f.count;
    }
  }
  const per = (n: number) => (virtualSecs > 0 ? n / virtualSecs : 0);
  for (const k of Object.keys(requestsPerSec)) requestsPerSec[k] = per(requestsPerSec[k]!);
  for (const k of Object.keys(controllerRates)) controllerRates[k] = per(controllerRates[k]!);
  useActivity.setState({ requestsPerSec, watchPerSec: per(watch), writesPerSec: per(writes), controllerRates, lastActed: { ...lastActed }, edgeCounts });
}

/** The undirected key of an edge between two endpoints. */
export function edgeKey(a: Endpoint, b: Endpoint): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
