/**
 * API server throughput on the full create path: decode with strict fields, defaulting, the kind's
 * strategy, admission (namespace lifecycle, LimitRanger, DefaultTolerationSeconds, Priority, quota),
 * validation, the store write and delivery to a pod watcher (as the scheduler's informer would watch).
 */
import { performance } from 'node:perf_hooks';
import { Cluster } from '../src/cluster/cluster.ts';

const PODS = 20_000;

function podManifest(i: number) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, labels: { app: `web-${i % 50}`, tier: 'frontend' } },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80 }],
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
        },
      ],
    },
  };
}

export function benchApi(): Record<string, number> {
  // A bare API server (no scheduler, controllers or kubelets): this measures the API path itself.
  const cluster = new Cluster({ seed: 1, scheduler: false, controllers: false });
  let delivered = 0;
  cluster.api.watch({ group: '', resource: 'pods' }, { resourceVersion: String(cluster.store.revision()) }, { name: 'bench', component: 'user' }, () => {
    delivered++;
  });
  const bodies = Array.from({ length: PODS }, (_, i) => podManifest(i));
  const req = { group: '', resource: 'pods', namespace: 'default' };
  const actor = { name: 'bench', component: 'user' as const };
  // Warm up the JIT on a separate namespace-free run of 500 creates.
  const warm = new Cluster({ seed: 2, scheduler: false, controllers: false });
  for (let i = 0; i < 500; i++) warm.api.create(req, podManifest(i), { actor, fieldValidation: 'Strict' });
  const start = performance.now();
  for (const body of bodies) cluster.api.create(req, body, { actor, fieldValidation: 'Strict' });
  const seconds = (performance.now() - start) / 1000;
  if (delivered !== PODS) throw new Error(`watch delivered ${delivered} of ${PODS}`);
  return { 'api.podCreatesPerSec': Math.round(PODS / seconds) };
}
