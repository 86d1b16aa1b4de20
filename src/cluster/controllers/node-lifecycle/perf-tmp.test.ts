import { it } from 'vitest';
import { FakeKubelet, Harness } from './test-harness.ts';
import { NodeLifecycleController } from './node-lifecycle-controller.ts';
import { TaintEvictionController } from '../taint-eviction/taint-eviction-controller.ts';
import { GarbageCollector } from '../garbage-collector/garbage-collector.ts';

function run(which: string[]) {
  const h = new Harness();
  Array.from({ length: 1000 }, (_, i) => new FakeKubelet(h, `n-${i}`, { 'topology.kubernetes.io/zone': `z${i % 3}` }).start());
  for (let i = 0; i < 2000; i++) h.createPod(`p-${i}`, `n-${i % 1000}`);
  if (which.includes('nlc')) new NodeLifecycleController(h.ctx).start();
  if (which.includes('tec')) new TaintEvictionController(h.ctx).start();
  if (which.includes('gc')) new GarbageCollector(h.ctx).start();
  h.advance(1);
  const t = performance.now();
  h.advance(300);
  console.log(which.join('+') || 'none', (performance.now() - t).toFixed(0), 'ms');
}
it('perf', () => {
  run([]);
  run(['nlc']);
  run(['tec']);
  run(['gc']);
}, 60000);
