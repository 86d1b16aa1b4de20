/**
 * What a person can do to nodes, pods and workloads from the page, done the way kubectl does it:
 * cordon is a merge patch of `spec.unschedulable`, drain cordons and then deletes every pod on the node
 * that is neither a DaemonSet's nor a mirror pod, delete sends a propagation policy. Chaos (kill, start,
 * add, remove a node) goes to the Cluster's own methods, which may not be wired yet: each is looked up
 * at call time and a missing one answers with a clear message instead of throwing.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { Actor, KubeObject } from '../cluster/api/types.ts';
import { isApiError } from '../cluster/api/errors.ts';
import type { CommandResult, NodeSpec, ObjectRef } from './protocol.ts';

/** kubectl's identity for what a person does from the page. */
export const PAGE_ACTOR: Actor = { name: 'kubectl', component: 'user' };

/** The Cluster methods the page needs beyond the API server; optional until the lead wires them. */
export interface ChaosApi {
  killNode(name: string): void;
  startNode(name: string): void;
  addNode(spec: { name?: string; cpu: number | string; memory: number | string; pods: number }): unknown;
  removeNode(name: string): void;
  nodeNames(): string[];
  schedulerQueue(): { active: number; backoff: number; unschedulable: number };
  controllerQueues(): { name: string; depth: number; processed: number }[];
  decisionRecord(namespace: string, podName: string): unknown;
  /** The scheduler's recent decisions about a pod, newest last. */
  decisionRecords(namespace: string, podName: string): readonly unknown[] | undefined;
}

/** The chaos methods this cluster has, each possibly missing. */
export function chaos(cluster: Cluster): Partial<ChaosApi> {
  return cluster as unknown as Partial<ChaosApi>;
}

function notWired(what: string): CommandResult {
  return { ok: false, message: `${what} is not available yet: this cluster has no kubelets wired` };
}

/** Runs a command, turning API errors into kubectl's `Error from server (...)` line. */
function attempt(fn: () => string): CommandResult {
  try {
    return { ok: true, message: fn() };
  } catch (e) {
    if (isApiError(e)) return { ok: false, message: `Error from server (${e.status.reason ?? 'Unknown'}): ${e.status.message ?? ''}` };
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const NODES = { group: '', resource: 'nodes' };

export function killNode(cluster: Cluster, name: string): CommandResult {
  const c = chaos(cluster);
  if (!c.killNode) return notWired('Kill node');
  return attempt(() => {
    c.killNode!(name);
    return `node/${name} powered off`;
  });
}

export function startNode(cluster: Cluster, name: string): CommandResult {
  const c = chaos(cluster);
  if (!c.startNode) return notWired('Start node');
  return attempt(() => {
    c.startNode!(name);
    return `node/${name} started`;
  });
}

export function addNode(cluster: Cluster, spec: NodeSpec): CommandResult {
  const c = chaos(cluster);
  if (!c.addNode) return notWired('Add node');
  return attempt(() => {
    const out = c.addNode!({ ...(spec.name ? { name: spec.name } : {}), cpu: spec.cpu, memory: `${spec.memory}Gi`, pods: spec.pods });
    const name = typeof out === 'string' ? out : ((out as KubeObject | undefined)?.metadata?.name ?? spec.name ?? 'new node');
    return `node/${name} added`;
  });
}

/** `kubectl cordon` / `kubectl uncordon`. */
export function cordon(cluster: Cluster, name: string, unschedulable: boolean): CommandResult {
  return attempt(() => {
    const node = cluster.api.get(NODES, name, PAGE_ACTOR);
    const already = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
    if (already === unschedulable) return `node/${name} already ${unschedulable ? 'cordoned' : 'uncordoned'}`;
    cluster.api.patch(NODES, name, 'merge', { spec: { unschedulable: unschedulable ? true : null } }, { actor: PAGE_ACTOR });
    return `node/${name} ${unschedulable ? 'cordoned' : 'uncordoned'}`;
  });
}

function isDaemonSetPod(pod: KubeObject): boolean {
  return (pod.metadata.ownerReferences ?? []).some((o) => o.controller && o.kind === 'DaemonSet');
}

function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}

/** `kubectl drain --ignore-daemonsets`: cordon, then delete the node's other pods gracefully. */
export function drain(cluster: Cluster, name: string): CommandResult {
  const c = cordon(cluster, name, true);
  if (!c.ok) return c;
  return attempt(() => {
    const pods = cluster.api.list({ group: '', resource: 'pods' }, { fieldSelector: `spec.nodeName=${name}` }, PAGE_ACTOR).items;
    const lines = [`node/${name} cordoned`];
    const ignored = pods.filter(isDaemonSetPod).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    if (ignored.length) lines.push(`Warning: ignoring DaemonSet-managed Pods: ${ignored.join(', ')}`);
    for (const pod of pods) {
      if (isDaemonSetPod(pod) || isMirrorPod(pod) || pod.metadata.deletionTimestamp) continue;
      cluster.api.delete({ group: '', resource: 'pods', namespace: pod.metadata.namespace }, pod.metadata.name ?? '', {}, { actor: PAGE_ACTOR });
      lines.push(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}`);
    }
    lines.push(`node/${name} drained`);
    return lines.join('\n');
  });
}

/** `kubectl delete node`: the node object goes; its chaos twin (the simulated machine) too, when wired. */
export function deleteNode(cluster: Cluster, name: string): CommandResult {
  const c = chaos(cluster);
  return attempt(() => {
    if (c.removeNode) c.removeNode(name);
    else cluster.api.delete(NODES, name, {}, { actor: PAGE_ACTOR });
    return `node "${name}" deleted`;
  });
}

/** `kubectl delete <resource> <name> [--cascade=background|foreground|orphan]`. */
export function deleteObject(cluster: Cluster, ref: ObjectRef, propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'): CommandResult {
  return attempt(() => {
    const t = cluster.api.resolve(ref);
    cluster.api.delete({ group: ref.group, resource: ref.resource, namespace: ref.namespace }, ref.name, propagationPolicy ? { propagationPolicy } : {}, { actor: PAGE_ACTOR });
    return `${t.kind.toLowerCase()}${t.group ? `.${t.group}` : ''} "${ref.name}" deleted`;
  });
}

/** `kubectl scale --replicas=n`. */
export function scale(cluster: Cluster, ref: ObjectRef, replicas: number): CommandResult {
  return attempt(() => {
    const t = cluster.api.resolve(ref);
    cluster.api.patch({ group: ref.group, resource: ref.resource, namespace: ref.namespace }, ref.name, 'merge', { spec: { replicas } }, { actor: PAGE_ACTOR });
    return `${t.kind.toLowerCase()}${t.group ? `.${t.group}` : ''}/${ref.name} scaled`;
  });
}

/** `kubectl rollout restart`: stamps the pod template so the controller rolls every pod. */
export function restartRollout(cluster: Cluster, ref: ObjectRef): CommandResult {
  return attempt(() => {
    const t = cluster.api.resolve(ref);
    const at = cluster.clock.nowRfc3339();
    cluster.api.patch(
      { group: ref.group, resource: ref.resource, namespace: ref.namespace },
      ref.name,
      'merge',
      { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } },
      { actor: PAGE_ACTOR },
    );
    return `${t.kind.toLowerCase()}${t.group ? `.${t.group}` : ''}/${ref.name} restarted`;
  });
}
