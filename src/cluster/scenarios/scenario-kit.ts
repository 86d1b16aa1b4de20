/**
 * Helpers for whole-cluster scenario tests on virtual time: a booted default cluster, `kubectl apply`
 * of YAML, and readers that answer as `kubectl get` would (pods -o wide rows, node STATUS, Deployment
 * conditions, events). Tests built on it read as a story: apply, kill a node, wait, look.
 *
 * Reads only: nothing here writes except `apply`, `scale` and `del`, which act as a person would.
 */
import { Cluster, type ClusterOptions } from '../cluster.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import { applyManifests } from '../kubectl/apply.ts';
import { Client, DEPLOYMENT, NODE, POD, REPLICA_SET } from '../client/client.ts';
import type { DeleteOptions } from '../api/request.ts';
import { parseTime } from '../sim/clock.ts';

export const PERSON: Actor = { name: 'kubernetes-admin', component: 'user' };

/** One row of `kubectl get pods -o wide`, reduced to the columns scenarios look at. */
export interface PodRow {
  name: string;
  ready: string;
  status: string;
  restarts: number;
  node: string;
}

interface ContainerState {
  waiting?: { reason?: string };
  running?: unknown;
  terminated?: { reason?: string; exitCode?: number; signal?: number };
}
interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
}
interface PodView {
  spec?: { nodeName?: string; containers?: unknown[] };
  status?: { phase?: string; reason?: string; containerStatuses?: ContainerStatus[]; conditions?: { type: string; status: string }[] };
}

/**
 * kubectl's STATUS for a pod without init containers (printPod): phase or reason; then containers last
 * to first, the first container's state winning; `Completed` with a container still running becomes
 * `Running`/`NotReady`; a deleting pod is `Unknown` when its node was lost, else `Terminating`.
 */
export function podRow(pod: KubeObject): PodRow {
  const p = pod as KubeObject & PodView;
  const total = p.spec?.containers?.length ?? 0;
  const statuses = p.status?.containerStatuses ?? [];
  let reason = p.status?.reason || p.status?.phase || 'Unknown';
  let ready = 0;
  let restarts = 0;
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    restarts += c.restartCount ?? 0;
    const w = c.state?.waiting?.reason;
    const t = c.state?.terminated;
    if (w) reason = w;
    else if (t) reason = t.reason || (t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`);
    else if (c.state?.running && c.ready) {
      hasRunning = true;
      ready++;
    } else if (c.state?.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) {
    reason = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp) {
    const phase = p.status?.phase;
    if (p.status?.reason === 'NodeLost') reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  }
  return { name: pod.metadata.name ?? '', ready: `${ready}/${total}`, status: reason, restarts, node: p.spec?.nodeName ?? '<none>' };
}

/** A booted default cluster (control-plane + worker-1..3 unless `opts.nodes`) and story-telling readers. */
export function scenario(opts: ClusterOptions = {}) {
  const cluster = new Cluster({ seed: 7, ...opts });
  const person = new Client(cluster.api, PERSON);
  const t0 = cluster.clock.now();
  const list = (resource: string, group: string, namespace?: string): KubeObject[] =>
    cluster.api.list({ group, resource, ...(namespace !== undefined ? { namespace } : {}) }, {}, PERSON).items;

  const kit = {
    cluster,
    person,
    t0,
    /** Virtual seconds since boot. */
    elapsed: () => (cluster.clock.now() - t0) / 1000,
    advance: (seconds: number) => cluster.advance(seconds * 1000),
    /** Advances 1 s at a time until `pred` holds; the elapsed seconds then, or undefined after `maxSeconds`. */
    until(pred: () => boolean, maxSeconds: number, onStep?: () => void): number | undefined {
      for (let i = 0; i <= maxSeconds; i++) {
        onStep?.();
        if (pred()) return kit.elapsed();
        if (i < maxSeconds) cluster.advance(1000);
      }
      return undefined;
    },
    /** `kubectl apply -f -`; throws on any document error. Returns kubectl's outcome lines. */
    apply(yaml: string): string[] {
      const out = applyManifests(cluster.api, yaml, '-', { actor: PERSON });
      const bad = out.find((o) => o.error);
      if (bad) throw new Error(bad.error);
      return out.map((o) => o.message ?? '');
    },
    /** Pods in `namespace` (all when undefined), live ones only (what the store holds). */
    pods: (namespace: string | undefined = 'default', labelApp?: string): KubeObject[] =>
      list('pods', '', namespace).filter((p) => labelApp === undefined || p.metadata.labels?.['app'] === labelApp),
    /** `kubectl get pods -o wide` rows, sorted by name. */
    rows: (namespace: string | undefined = 'default', labelApp?: string): PodRow[] => kit.pods(namespace, labelApp).map(podRow).sort((a, b) => a.name.localeCompare(b.name)),
    pod: (name: string, namespace = 'default') => person.get(POD, namespace, name),
    node: (name: string) => person.get(NODE, undefined, name),
    /** `kubectl get nodes` STATUS: Ready, or NotReady for False/Unknown. */
    nodeStatus(name: string): string {
      const ready = (kit.node(name)?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.find((c) => c.type === 'Ready');
      return ready?.status === 'True' ? 'Ready' : 'NotReady';
    },
    nodeCondition(name: string, type: string) {
      return (kit.node(name)?.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] } | undefined)?.conditions?.find((c) => c.type === type);
    },
    /** `key:effect` of every taint on the node. */
    taints: (name: string): string[] => ((kit.node(name)?.spec as { taints?: { key: string; effect: string }[] } | undefined)?.taints ?? []).map((t) => `${t.key}:${t.effect}`),
    deployment: (name: string, namespace = 'default') => person.get(DEPLOYMENT, namespace, name) as (KubeObject & { spec: { replicas?: number; template?: unknown }; status?: DeploymentStatus }) | undefined,
    replicaSets: (namespace = 'default') => list('replicasets', 'apps', namespace) as (KubeObject & { spec: { replicas?: number; template?: unknown }; status?: { replicas?: number } })[],
    rs: (name: string, namespace = 'default') => person.get(REPLICA_SET, namespace, name) as (KubeObject & { spec: { replicas?: number; template?: unknown } }) | undefined,
    /** Events (oldest first) about an object named `name`, with `at` in seconds since boot. */
    events(name: string, namespace = 'default') {
      return list('events', '', namespace)
        .map((e) => e as KubeObject & { involvedObject: { name: string; kind: string }; reason: string; message: string; type: string; firstTimestamp?: string; lastTimestamp?: string; eventTime?: string; count?: number })
        .filter((e) => e.involvedObject.name === name)
        .map((e) => ({ at: (parseTime(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '') - t0) / 1000, type: e.type, reason: e.reason, message: e.message, count: e.count ?? 1 }))
        .sort((a, b) => a.at - b.at);
    },
    scale(name: string, replicas: number, namespace = 'default'): void {
      person.patch(DEPLOYMENT, namespace, name, 'merge', { spec: { replicas } }, 'scale');
    },
    del: (ref: typeof DEPLOYMENT, name: string, opts: DeleteOptions = {}, namespace = 'default') => person.delete(ref, namespace, name, opts),
  };
  return kit;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: { type: string; status: string; reason?: string; message?: string }[];
}

/** A Deployment manifest: `replicas` of `image` labelled app=`name`, with optional small cpu request. */
export function deploymentYaml(name: string, replicas: number, image = 'nginx:1.27', extra: { cpu?: string; strategy?: string; command?: string[]; tolerations?: string } = {}): string {
  const resources = extra.cpu ? `\n          resources:\n            requests:\n              cpu: ${extra.cpu}` : '';
  const command = extra.command ? `\n          command: [${extra.command.map((c) => JSON.stringify(c)).join(', ')}]` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: default
spec:
  replicas: ${replicas}${extra.strategy ?? ''}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:${extra.tolerations ?? ''}
      containers:
        - name: main
          image: ${image}${command}${resources}
`;
}

/** Is the Deployment fully rolled out and Available with all `replicas` available? */
export function fullyAvailable(d: { spec: { replicas?: number }; metadata: { generation?: number }; status?: DeploymentStatus } | undefined): boolean {
  if (!d) return false;
  const want = d.spec.replicas ?? 1;
  const s = d.status ?? {};
  return (
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
    (s.availableReplicas ?? 0) === want &&
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    s.conditions?.find((c) => c.type === 'Available')?.status === 'True'
  );
}
