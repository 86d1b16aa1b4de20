/**
 * Scenario helpers for kubelet tests: a booted Cluster with kubelets, pods created straight onto a node
 * (no scheduler), and readers for what `kubectl get` / `describe` would show.
 */
import { Cluster } from '../cluster.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import { Client, LEASE, NODE, POD } from '../client/client.ts';
import { Informer } from '../client/informer.ts';
import { parseTime } from '../sim/clock.ts';
import { Kubelet } from './kubelet.ts';
import { workerNode } from './node-config.ts';

export const USER: Actor = { name: 'user', component: 'user' };

export interface ContainerStatusView {
  name: string;
  state: { waiting?: { reason: string; message?: string }; running?: { startedAt: string }; terminated?: { exitCode: number; reason: string; startedAt: string; finishedAt: string } };
  lastState: { terminated?: { exitCode: number; reason: string; startedAt: string; finishedAt: string } };
  ready: boolean;
  started: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
}

export interface PodStatusView {
  phase: string;
  podIP?: string;
  hostIP?: string;
  startTime?: string;
  conditions: { type: string; status: string; reason?: string; message?: string; lastTransitionTime: string }[];
  containerStatuses?: ContainerStatusView[];
  initContainerStatuses?: ContainerStatusView[];
}

export interface EventView {
  at: number;
  type: string;
  reason: string;
  message: string;
  count: number;
  fieldPath?: string;
}

/** Kubelets alone by default (no scheduler, no controllers), so what happens is the kubelet's doing. */
export function kubeletCluster(nodes: string[] = ['worker-1'], seed = 1, withControlPlane = false) {
  const cluster = new Cluster({ seed, scheduler: withControlPlane, controllers: withControlPlane, nodes: [] });
  const ctx = { api: cluster.api, clock: cluster.clock, rng: cluster.rng };
  const kubelets = new Map(nodes.map((n) => [n, new Kubelet(ctx, workerNode(n))]));
  for (const k of kubelets.values()) k.start();
  const user = new Client(cluster.api, USER);
  const t0 = cluster.clock.now();
  const history = new Map<string, { at: number; status: PodStatusView; deleting: boolean }[]>();
  const watcher = new Informer(cluster.api, { group: '', resource: 'pods' }, USER);
  watcher.addHandler({
    onAdd: (p) => record(p),
    onUpdate: (_o, p) => record(p),
  });
  watcher.start();
  function record(p: KubeObject): void {
    const key = p.metadata.name ?? '';
    const list = history.get(key) ?? [];
    list.push({ at: cluster.clock.now() - t0, status: structuredClone(p.status) as PodStatusView, deleting: !!p.metadata.deletionTimestamp });
    history.set(key, list);
  }

  return {
    cluster,
    user,
    kubelet: (name = 'worker-1') => kubelets.get(name)!,
    /** Virtual seconds since the cluster booted. */
    elapsed: () => (cluster.clock.now() - t0) / 1000,
    advance: (seconds: number) => cluster.advance(seconds * 1000),
    /** Creates a pod bound to `node` (spec.nodeName set, as if scheduled). */
    pod(name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}, node = 'worker-1'): KubeObject {
      return user.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...meta }, spec: { nodeName: node, ...spec } });
    },
    get: (name: string) => user.get(POD, 'default', name),
    status: (name: string) => user.get(POD, 'default', name)?.status as PodStatusView | undefined,
    container: (name: string, i = 0) => (user.get(POD, 'default', name)?.status as PodStatusView | undefined)?.containerStatuses?.[i],
    history: (name: string) => history.get(name) ?? [],
    node: (name = 'worker-1') => user.get(NODE, undefined, name),
    lease: (name = 'worker-1') => user.get(LEASE, 'kube-node-lease', name),
    /** Events about `name` (a pod or node), oldest first, times in seconds since boot. */
    events(name: string): EventView[] {
      const all = cluster.api.list({ group: '', resource: 'events', namespace: 'default' }, {}, USER).items;
      return all
        .filter((e) => (e.involvedObject as { name: string }).name === name)
        .map((e) => {
          const ev = e as KubeObject & { firstTimestamp: string; type: string; reason: string; message: string; count: number; involvedObject: { fieldPath?: string } };
          return { at: (parseTime(ev.firstTimestamp) - t0) / 1000, type: ev.type, reason: ev.reason, message: ev.message, count: ev.count, ...(ev.involvedObject.fieldPath ? { fieldPath: ev.involvedObject.fieldPath } : {}) };
        })
        .sort((a, b) => a.at - b.at);
    },
    t0,
  };
}

/** Seconds since boot of an RFC 3339 time. */
export function secondsAt(t0: number, rfc: string | undefined): number {
  return rfc ? (parseTime(rfc) - t0) / 1000 : NaN;
}
