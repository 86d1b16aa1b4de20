/**
 * The chaos run behind chaos.property.test.ts: a small default cluster, a list of commands a person
 * might give (kill, start, scale, apply, wait) over two virtual hours, then a settling period with every
 * node started. Returns what went wrong (in words) and a dump of the whole store, so a test can
 * assert both "it healed" and "the same seed and commands replay to the same bytes".
 */
import type { KubeObject } from '../api/types.ts';
import { deploymentYaml, fullyAvailable, podRow, scenario } from './scenario-kit.ts';

export const WORKERS = ['worker-1', 'worker-2', 'worker-3'];
export const APPS = ['web', 'api', 'cache'];
export const IMAGES = ['nginx:1.27', 'nginx:1.28', 'httpd:2.4', 'redis:7.4'];
const HOURS_2 = 7200;
/** Grace (50 s) + monitor passes + 300 s toleration + the 0.1/s eviction limiter, with room to spare. */
const EVICTED_WITHIN = 420;

export type Command =
  | { op: 'kill'; node: number }
  | { op: 'start'; node: number }
  | { op: 'scale'; app: number; replicas: number }
  | { op: 'apply'; app: number; replicas: number; image: number; cpu: number }
  | { op: 'wait'; seconds: number };

export interface Outcome {
  dump: string;
  problems: string[];
}

function live(pods: KubeObject[]): KubeObject[] {
  return pods.filter((p) => !p.metadata.deletionTimestamp);
}

/** Runs the chaos, checking the during-run invariants at every pause; returns problems found and the final store. */
export function runChaos(seed: number, commands: readonly Command[]): Outcome {
  // The default cluster, kube-system and all: CoreDNS must heal too.
  const s = scenario({ seed });
  const problems: string[] = [];
  const downSince = new Map<string, number>();
  const applied = new Set<string>();

  const ownershipCheck = (when: string) => {
    const pods = live(s.pods());
    for (const rs of s.replicaSets()) {
      const owned = pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid)).length;
      if (owned > (rs.spec.replicas ?? 1)) problems.push(`${when}: ReplicaSet ${rs.metadata.name} owns ${owned} live pods but wants ${rs.spec.replicas}`);
    }
  };
  const deadNodeCheck = (when: string) => {
    // With three workers down the zone is unhealthy (> 2 NotReady, >= 55%) and evictions stop by design.
    if (downSince.size >= 3) return;
    for (const [node, since] of downSince) {
      if (s.elapsed() - since < EVICTED_WITHIN) continue;
      // The workloads' pods only: kube-proxy tolerates every NoExecute taint for ever, as DaemonSet pods do.
      const running = s.rows('default').filter((r) => r.node === node && r.status === 'Running');
      if (running.length > 0) problems.push(`${when}: ${running.map((r) => r.name).join(', ')} still Running on ${node}, down for ${s.elapsed() - since}s`);
    }
  };

  for (const [i, c] of commands.entries()) {
    if (s.elapsed() >= HOURS_2) break;
    const when = `#${i} ${JSON.stringify(c)} at ${s.elapsed()}s`;
    switch (c.op) {
      case 'kill': {
        const node = WORKERS[c.node]!;
        if (s.cluster.isNodeRunning(node)) downSince.set(node, s.elapsed());
        s.cluster.killNode(node);
        break;
      }
      case 'start': {
        const node = WORKERS[c.node]!;
        s.cluster.startNode(node);
        downSince.delete(node);
        break;
      }
      case 'scale':
        if (applied.has(APPS[c.app]!)) s.scale(APPS[c.app]!, c.replicas);
        break;
      case 'apply':
        s.apply(deploymentYaml(APPS[c.app]!, c.replicas, IMAGES[c.image]!, { cpu: `${c.cpu * 100}m` }));
        applied.add(APPS[c.app]!);
        break;
      case 'wait':
        s.advance(Math.min(c.seconds, HOURS_2 - s.elapsed()));
        ownershipCheck(when);
        deadNodeCheck(when);
        break;
    }
  }
  if (s.elapsed() < HOURS_2) s.advance(HOURS_2 - s.elapsed());
  ownershipCheck('after 2 h');
  deadNodeCheck('after 2 h');

  // Settle: every node back on, then give the control plane time to put everything right.
  for (const n of WORKERS) s.cluster.startNode(n);
  const settled = () => {
    const deployments = [...applied].map((a) => s.deployment(a));
    const rows = s.rows(undefined);
    return deployments.every(fullyAvailable) && rows.every((r) => r.status === 'Running') && WORKERS.every((w) => s.nodeStatus(w) === 'Ready');
  };
  s.until(settled, 900);
  // A little longer, so anything still moving would show in the checks below.
  s.advance(60);

  for (const app of applied) {
    const d = s.deployment(app);
    if (!fullyAvailable(d)) problems.push(`settled: deployment ${app} is not fully Available: ${JSON.stringify(d?.status)}`);
    const image = (d?.spec.template as { spec: { containers: { image: string }[] } } | undefined)?.spec.containers[0]?.image;
    const pods = live(s.pods('default', app));
    const stale = pods.filter((p) => (p.spec as { containers: { image: string }[] }).containers[0]?.image !== image);
    if (stale.length > 0) problems.push(`settled: ${app} has ${stale.length} pods of an old template`);
  }
  for (const pod of s.pods(undefined)) {
    const row = podRow(pod);
    if (row.status !== 'Running') problems.push(`settled: ${pod.metadata.namespace}/${row.name} is ${row.status} on ${row.node}`);
    else if (s.nodeStatus(row.node) !== 'Ready' || !s.cluster.isNodeRunning(row.node)) problems.push(`settled: ${row.name} Running on ${row.node}, which is down`);
  }
  ownershipCheck('settled');
  for (const rs of s.replicaSets()) {
    const owned = live(s.pods()).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid)).length;
    if (owned !== (rs.spec.replicas ?? 1)) problems.push(`settled: ReplicaSet ${rs.metadata.name} owns ${owned} pods, wants ${rs.spec.replicas}`);
  }
  const { kvs, revision } = s.cluster.store.range('/', { prefix: true });
  return { dump: JSON.stringify({ revision, now: s.cluster.clock.now(), kvs }), problems };
}

