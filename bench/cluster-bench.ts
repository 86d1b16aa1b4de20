/**
 * Whole-cluster figures (issue 4): how long, in wall seconds, a cluster on virtual time run as fast as
 * possible takes to converge, to recover from losing 10% of its nodes, and how much faster than real
 * time an idle 1,000-node cluster runs. Kubelets run with their defaults (node status every 10 s).
 *
 * - `cluster.convergeSec.n100p3000`, `cluster.convergeSec.n1000p30000`: from applying Deployments
 *   totalling that many replicas to every pod Running and Ready.
 * - `cluster.recoverSec.n1000p30000kill10pct`: after killing every tenth worker, until every
 *   Deployment has all its replicas Running and Ready on live nodes again (NotReady at ~50 s, taints at
 *   the zone's 0.1 node/s, eviction after 300 s, rescheduling, start-up), with the virtual time it took.
 * - `cluster.virtualSecPerWallSec.n1000idle`: a fresh 1,000-worker cluster with nothing to run.
 *
 * Run alone: `npx tsx bench/cluster-bench.ts [--small]`.
 */
import { Cluster, defaultTopology } from '../src/cluster/cluster.ts';
import type { Actor, KubeObject } from '../src/cluster/api/types.ts';
import { applyManifests } from '../src/cluster/kubectl/apply.ts';

const ACTOR: Actor = { name: 'bench', component: 'user' };
const REPLICAS_PER_DEPLOYMENT = 100;

/** Counts pods that are Running, Ready, not deleting, on a node not known dead: kept by one watch. */
class PodTally {
  private readonly good = new Set<string>();
  readonly dead = new Set<string>();
  private readonly byNode = new Map<string, Set<string>>();

  constructor(cluster: Cluster) {
    cluster.api.watch({ group: '', resource: 'pods', namespace: 'default' }, { resourceVersion: '0' }, ACTOR, (ev) => {
      if (ev.type === 'ERROR' || ev.type === 'BOOKMARK') return;
      const pod = ev.object as KubeObject & { spec: { nodeName?: string }; status?: { phase?: string; conditions?: { type: string; status: string }[] } };
      const key = pod.metadata.name!;
      const node = pod.spec.nodeName ?? '';
      if (ev.type === 'DELETED') {
        this.good.delete(key);
        this.byNode.get(node)?.delete(key);
        return;
      }
      const ready = pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp && !!pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      if (node) {
        let set = this.byNode.get(node);
        if (!set) this.byNode.set(node, (set = new Set()));
        set.add(key);
      }
      if (ready) this.good.add(key);
      else this.good.delete(key);
    });
  }

  /** Good pods, not counting those on dead nodes (their status is frozen as it was). */
  count(): number {
    let n = this.good.size;
    for (const node of this.dead) for (const key of this.byNode.get(node) ?? []) if (this.good.has(key)) n--;
    return n;
  }
}

function deploymentsYaml(total: number): string {
  const docs: string[] = [];
  for (let i = 0; i * REPLICAS_PER_DEPLOYMENT < total; i++) {
    const replicas = Math.min(REPLICAS_PER_DEPLOYMENT, total - i * REPLICAS_PER_DEPLOYMENT);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: default
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
        - name: main
          image: nginx:1.27
          resources:
            requests: {cpu: 50m, memory: 64Mi}
`);
  }
  return docs.join('---\n');
}

function seconds(fromMs: number): number {
  return Math.round((performance.now() - fromMs) / 10) / 100;
}

/** Advances virtual time a second at a time until `done` or `maxVirtualSec`; returns virtual seconds taken. */
function runUntil(cluster: Cluster, done: () => boolean, maxVirtualSec: number): number {
  const start = cluster.clock.now();
  for (let i = 0; i < maxVirtualSec && !done(); i++) cluster.advance(1000);
  if (!done()) throw new Error(`not done after ${maxVirtualSec} virtual seconds`);
  return (cluster.clock.now() - start) / 1000;
}

function boot(workers: number): { cluster: Cluster; bootSec: number } {
  const t = performance.now();
  const cluster = new Cluster({ seed: 42, nodes: defaultTopology(workers), systemWorkloads: false });
  // Let every kubelet register and beat once before work arrives.
  cluster.advance(15_000);
  return { cluster, bootSec: seconds(t) };
}

interface ConvergeResult {
  cluster: Cluster;
  tally: PodTally;
  bootSec: number;
  convergeSec: number;
  convergeVirtualSec: number;
}

export function converge(workers: number, pods: number): ConvergeResult {
  const { cluster, bootSec } = boot(workers);
  const tally = new PodTally(cluster);
  const t = performance.now();
  const out = applyManifests(cluster.api, deploymentsYaml(pods), 'bench.yaml', { actor: ACTOR });
  const bad = out.find((o) => o.error);
  if (bad) throw new Error(bad.error);
  const virtualSec = runUntil(cluster, () => tally.count() >= pods, 3600);
  return { cluster, tally, bootSec, convergeSec: seconds(t), convergeVirtualSec: virtualSec };
}

function recover(r: ConvergeResult, pods: number, workers: number): { recoverSec: number; recoverVirtualSec: number } {
  const { cluster, tally } = r;
  cluster.advance(30_000);
  const t = performance.now();
  for (let i = 10; i <= workers; i += 10) {
    const name = `worker-${i}`;
    cluster.killNode(name);
    tally.dead.add(name);
  }
  const virtualSec = runUntil(cluster, () => tally.count() >= pods, 4 * 3600);
  return { recoverSec: seconds(t), recoverVirtualSec: virtualSec };
}

function idle(workers: number, virtualSec: number): number {
  const { cluster } = boot(workers);
  cluster.advance(60_000);
  const t = performance.now();
  cluster.advance(virtualSec * 1000);
  const wall = (performance.now() - t) / 1000;
  return Math.round(virtualSec / wall);
}

export function benchCluster(opts: { small?: boolean; progress?: (key: string, value: number) => void } = {}): Record<string, number> {
  const record: Record<string, number> = {};
  const out = new Proxy(record, {
    set(target, key: string, value: number) {
      target[key] = value;
      opts.progress?.(key, value);
      return true;
    },
  });
  const s = converge(100, 3000);
  out['cluster.bootSec.n100'] = s.bootSec;
  out['cluster.convergeSec.n100p3000'] = s.convergeSec;
  out['cluster.convergeVirtualSec.n100p3000'] = s.convergeVirtualSec;
  if (opts.small) return record;

  const big = converge(1000, 30_000);
  out['cluster.bootSec.n1000'] = big.bootSec;
  out['cluster.convergeSec.n1000p30000'] = big.convergeSec;
  out['cluster.convergeVirtualSec.n1000p30000'] = big.convergeVirtualSec;
  const rec = recover(big, 30_000, 1000);
  out['cluster.recoverSec.n1000p30000kill10pct'] = rec.recoverSec;
  out['cluster.recoverVirtualSec.n1000p30000kill10pct'] = rec.recoverVirtualSec;
  out['cluster.virtualSecPerWallSec.n1000idle'] = idle(1000, 600);
  out['cluster.heapUsedMB.end'] = Math.round(process.memoryUsage().heapUsed / (1024 * 1024));
  return record;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const small = process.argv.includes('--small');
  benchCluster({ small, progress: (k, v) => process.stdout.write(`${k}  ${v}\n`) });
}
