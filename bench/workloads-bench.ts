/**
 * Workload figures (issue 5), wall seconds with virtual time run as fast as possible:
 * - `cluster.convergeSec.statefulset.n100r300`: 100 StatefulSets of 3 replicas (OrderedReady, one
 *   claim each from the default StorageClass) on 20 workers, from apply to every pod Running and Ready.
 * - `cluster.cronjobsVirtualDayWallSec.c200`: 200 CronJobs firing every minute (each Job a `sleep 5`
 *   pod) over one virtual day.
 */
import { performance } from 'node:perf_hooks';
import { Cluster, defaultTopology } from '../src/cluster/cluster.ts';
import type { Actor, KubeObject } from '../src/cluster/api/types.ts';
import { applyManifests } from '../src/cluster/kubectl/apply.ts';

const ACTOR: Actor = { name: 'bench', component: 'user' };

function readyPods(cluster: Cluster): number {
  let n = 0;
  for (const p of cluster.api.list({ group: '', resource: 'pods', namespace: 'default' }, {}, ACTOR).items as (KubeObject & { status?: { phase?: string; conditions?: { type: string; status: string }[] } })[]) {
    if (p.status?.phase === 'Running' && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) n++;
  }
  return n;
}

function statefulSets(count: number, replicas: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db-${i}
spec:
  serviceName: db-${i}
  replicas: ${replicas}
  selector:
    matchLabels: {app: db-${i}}
  template:
    metadata:
      labels: {app: db-${i}}
    spec:
      containers:
      - name: redis
        image: redis:7
        resources:
          requests: {cpu: 10m, memory: 32Mi}
        volumeMounts:
        - {name: data, mountPath: /data}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests: {storage: 1Gi}
`);
  }
  return docs.join('---\n');
}

function cronJobs(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick-${i}
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: tick
            image: busybox:1.36
            command: ["sleep", "5"]
            resources:
              requests: {cpu: 10m, memory: 16Mi}
`);
  }
  return docs.join('---\n');
}

export function benchWorkloads(): Record<string, number> {
  const out: Record<string, number> = {};
  {
    const cluster = new Cluster({ seed: 1, nodes: defaultTopology(20), systemWorkloads: true });
    cluster.advance(30_000);
    const start = performance.now();
    applyManifests(cluster.api, statefulSets(100, 3), 'sts.yaml');
    let guard = 0;
    while (readyPods(cluster) < 300 && guard++ < 600) cluster.advance(5_000);
    out['cluster.convergeSec.statefulset.n100r300'] = Number(((performance.now() - start) / 1000).toFixed(2));
    out['cluster.convergeVirtualSec.statefulset.n100r300'] = guard * 5;
    process.stderr.write(`${JSON.stringify(out)}\n`);
  }
  {
    const cluster = new Cluster({ seed: 2, nodes: defaultTopology(10), systemWorkloads: true });
    cluster.advance(30_000);
    applyManifests(cluster.api, cronJobs(200), 'cron.yaml');
    const start = performance.now();
    for (let m = 0; m < 24 * 60; m++) cluster.advance(60_000);
    out['cluster.cronjobsVirtualDayWallSec.c200'] = Number(((performance.now() - start) / 1000).toFixed(2));
    out['cluster.cronjobs.jobsAtEnd'] = cluster.api.list({ group: 'batch', resource: 'jobs', namespace: 'default' }, {}, ACTOR).items.length;
  }
  return out;
}

if (process.argv[1]?.endsWith('workloads-bench.ts')) console.log(benchWorkloads());
