/**
 * Store throughput: puts of ~1 KB JSON values (pod-shaped) across 10,000 keys with 10 prefix watchers
 * attached, the way informers watch a resource. Values are built outside the timed sections, so the
 * numbers measure the store (deep-freeze, size estimate, history, change log, watch delivery), not
 * object construction. The store is compacted after every round, as an API server's compactor would,
 * so history does not grow without bound.
 */
import { performance } from 'node:perf_hooks';
import { MvccStore } from '../src/cluster/store/mvcc-store.ts';

const KEYS = 10_000;
const ROUNDS = 8;
const PUTS_PER_ROUND = 25_000;

/** A pod-like object whose JSON is about 1 KB. */
function makePod(i: number, generation: number): Record<string, unknown> {
  const ns = `ns-${i % 10}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `pod-${i}`,
      namespace: ns,
      uid: `6f1c2a8e-${(i * 7919).toString(16).padStart(8, '0')}-4b7e-9d1a-${generation.toString(16).padStart(12, '0')}`,
      resourceVersion: String(generation),
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: { app: `web-${i % 50}`, tier: 'frontend', 'pod-template-hash': '7d9f8c6b5' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `web-${i % 50}-7d9f8c6b5`, uid: 'a1b2c3', controller: true },
      ],
    },
    spec: {
      nodeName: `worker-${i % 20}`,
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      podIP: `10.244.${i % 250}.${generation % 250}`,
      conditions: [
        { type: 'Ready', status: 'True', lastTransitionTime: '2025-01-01T00:00:05Z' },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: '2025-01-01T00:00:01Z' },
      ],
      startTime: '2025-01-01T00:00:02Z',
    },
  };
}

export function benchStore(): Record<string, number> {
  runRounds(1); // warm-up: lets the JIT compile the store's hot paths before anything is timed
  const { puts, delivered, ms } = runRounds(ROUNDS);
  return {
    'store.putsPerSec': Math.round((puts / ms) * 1000),
    'store.watchDeliveriesPerSec': Math.round((delivered / ms) * 1000),
  };
}

/** Runs `rounds` timed rounds on a fresh store with the watchers attached. */
function runRounds(rounds: number): { puts: number; delivered: number; ms: number } {
  const store = new MvccStore();
  const prefixes = [
    '/registry/',
    '/registry/',
    '/registry/',
    '/registry/',
    '/registry/pods/',
    '/registry/pods/',
    '/registry/pods/',
    '/registry/pods/',
    '/registry/pods/ns-0/',
    '/registry/pods/ns-1/',
  ];
  let delivered = 0;
  for (const prefix of prefixes) {
    store.watch(prefix, { prefix: true }, (events) => {
      delivered += events.length;
    });
  }
  const keys = Array.from({ length: KEYS }, (_, i) => `/registry/pods/ns-${i % 10}/pod-${i}`);

  let putMs = 0;
  let puts = 0;
  for (let round = 0; round < rounds; round++) {
    const values = Array.from({ length: PUTS_PER_ROUND }, (_, j) => makePod(j % KEYS, round * PUTS_PER_ROUND + j));
    const start = performance.now();
    for (let j = 0; j < PUTS_PER_ROUND; j++) store.put(keys[j % KEYS] as string, values[j]);
    store.compact(store.revision());
    putMs += performance.now() - start;
    puts += PUTS_PER_ROUND;
  }
  return { puts, delivered, ms: putMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(benchStore());
}
