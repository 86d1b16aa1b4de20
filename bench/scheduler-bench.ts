/**
 * Scheduler throughput: pods scheduled per second of wall time, measuring the pure cycle as the real
 * loop runs it (refresh the snapshot from the cache, scheduleOne, assume), without the API.
 * Shapes follow kube-scheduler's scheduler_perf SchedulingBasic (nodes: 4 cpu, 32Gi, 110 pods;
 * pods: 100m cpu, 500Mi memory), where upstream's threshold at 5,000 nodes is 680 pods/s.
 *
 * Run alone: `npx tsx bench/scheduler-bench.ts`.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { Rng } from '../src/cluster/sim/rng.ts';
import { PodInfo } from '../src/cluster/scheduler/framework/pod-info.ts';
import { SchedulerCache } from '../src/cluster/scheduler/framework/scheduler-cache.ts';
import { Snapshot } from '../src/cluster/scheduler/framework/snapshot.ts';
import { newDefaultFramework } from '../src/cluster/scheduler/registry.ts';
import { scheduleOne } from '../src/cluster/scheduler/schedule-one.ts';

const ZONES = 10;

function node(i: number): INode {
  const name = `node-${i}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': `zone-${i % ZONES}` } },
    spec: {},
    status: { capacity: { cpu: '4', memory: '32Gi', pods: 110 }, allocatable: { cpu: '4', memory: '32Gi', pods: 110 } },
  };
}

function basicPod(i: number): IPod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: 'default', uid: `uid-${i}` },
    spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '100m', memory: '500Mi' } } }] },
  };
}

/** Groups of 10 replicas: one per node (required hostname anti-affinity), spread across zones. */
function spreadPod(i: number): IPod {
  const p = basicPod(i);
  const app = `group-${Math.floor(i / 10)}`;
  p.metadata!.labels = { app };
  const selector = { matchLabels: { app } };
  p.spec!.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: selector }] } };
  p.spec!.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector }];
  return p;
}

interface RunResult {
  podsPerSec: number;
  scheduled: number;
  peakHeapMB: number;
}

function heapMB(): number {
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

function run(numNodes: number, numPods: number, makePod: (i: number) => IPod): RunResult {
  const cache = new SchedulerCache();
  for (let i = 0; i < numNodes; i++) cache.addNode(node(i));
  const pods = Array.from({ length: numPods }, (_, i) => makePod(i));
  const fw = newDefaultFramework();
  const snapshot = new Snapshot();
  const rng = new Rng(1);
  let scheduled = 0;
  let peak = heapMB();
  const t0 = performance.now();
  for (let i = 0; i < pods.length; i++) {
    const pi = new PodInfo(pods[i]!);
    cache.updateSnapshot(snapshot);
    const r = scheduleOne(pi, snapshot, fw, rng);
    if (r.outcome === 'Scheduled' && r.nodeName) {
      cache.assumePod(pi, r.nodeName);
      scheduled++;
    }
    if ((i & 1023) === 0) peak = Math.max(peak, heapMB());
  }
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, heapMB());
  return { podsPerSec: Math.round(numPods / seconds), scheduled, peakHeapMB: Math.round(peak) };
}

/** Runs every shape; keys are stable metric names for `npm run bench`. */
export function benchScheduler(): Record<string, number> {
  const out: Record<string, number> = {};
  let peak = 0;
  const shapes: Array<[string, number, number, (i: number) => IPod]> = [
    ['scheduler.podsPerSec.n100p1000', 100, 1000, basicPod],
    ['scheduler.podsPerSec.n1000p10000', 1000, 10000, basicPod],
    ['scheduler.podsPerSec.n5000p10000', 5000, 10000, basicPod],
    ['scheduler.podsPerSec.spread.n1000p5000', 1000, 5000, spreadPod],
  ];
  for (const [key, nodes, pods, make] of shapes) {
    const r = run(nodes, pods, make);
    if (r.scheduled !== pods) throw new Error(`${key}: only ${r.scheduled}/${pods} pods scheduled`);
    out[key] = r.podsPerSec;
    peak = Math.max(peak, r.peakHeapMB);
  }
  out['scheduler.peakHeapMB'] = peak;
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(benchScheduler());
}
