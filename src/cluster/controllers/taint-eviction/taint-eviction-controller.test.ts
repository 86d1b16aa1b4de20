import { describe, expect, it } from 'vitest';
import { NODE, POD } from '../../client/client.ts';
import { NodeLifecycleController } from '../node-lifecycle/node-lifecycle-controller.ts';
import { podConditions } from '../node-lifecycle/node-types.ts';
import { FakeKubelet, Harness } from '../node-lifecycle/test-harness.ts';
import { TaintEvictionController } from './taint-eviction-controller.ts';

const UNREACHABLE_30S = [
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
];

function cluster(workers = 3) {
  const h = new Harness();
  const kubelets = Array.from({ length: workers }, (_, i) =>
    new FakeKubelet(h, `worker-${i + 1}`, { 'topology.kubernetes.io/zone': 'zone-a' }).start(),
  );
  const nlc = new NodeLifecycleController(h.ctx);
  const tec = new TaintEvictionController(h.ctx);
  nlc.start();
  tec.start();
  return { h, kubelets, nlc, tec };
}

describe('taint eviction: a node dies', () => {
  it('evicts a 30 s-tolerating pod at ~90 s, default pods at ~360 s, keeps a pod tolerating forever; all stay Terminating', () => {
    const { h, kubelets } = cluster();
    h.createPod('web-default', 'worker-2');
    h.createPod('web-30s', 'worker-2', { tolerations: UNREACHABLE_30S });
    h.createPod('agent', 'worker-2', { tolerations: [{ operator: 'Exists' }] });
    h.createPod('elsewhere', 'worker-1');
    h.advance(10);
    kubelets[1]!.kill();
    const diedAt = h.elapsed();

    // NotReady at ~55 s, the NoExecute taint 5 s later, then each pod's own toleration.
    const fastAt = h.advanceUntil(() => h.podStatus('web-30s') === 'Terminating', 200)! - diedAt;
    expect(fastAt).toBeGreaterThanOrEqual(85);
    expect(fastAt).toBeLessThanOrEqual(92);
    expect(h.podStatus('web-default')).toBe('Running');

    const slowAt = h.advanceUntil(() => h.podStatus('web-default') === 'Terminating', 400)! - diedAt;
    expect(slowAt - fastAt).toBe(270);
    expect(slowAt).toBeGreaterThanOrEqual(355);
    expect(slowAt).toBeLessThanOrEqual(362);

    // Nobody confirms the deletion on a dead node.
    h.advance(600);
    expect(['web-default', 'web-30s', 'agent', 'elsewhere'].map((p) => h.podStatus(p))).toEqual([
      'Terminating',
      'Terminating',
      'Running',
      'Running',
    ]);
    expect(h.events({ reason: 'TaintManagerEviction' })).toEqual([
      'TaintManagerEviction: Marking for deletion Pod default/web-30s [taint-eviction-controller]',
      'TaintManagerEviction: Marking for deletion Pod default/web-default [taint-eviction-controller]',
    ]);
    const disruption = podConditions(h.pod('web-default')!).find((c) => c.type === 'DisruptionTarget');
    expect(disruption).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect(h.pod('web-default')!.metadata.deletionGracePeriodSeconds).toBe(30);
  });

  it('cancels pending evictions when the node comes back before the deadline', () => {
    const { h, kubelets, tec } = cluster();
    h.createPod('web-1', 'worker-3');
    h.createPod('web-2', 'worker-3');
    h.advance(10);
    kubelets[2]!.kill();
    h.advanceUntil(() => h.taints('worker-3').includes('node.kubernetes.io/unreachable:NoExecute'), 120);
    h.advance(1);
    expect(tec.scheduledEviction('default/web-1')?.fired).toBe(false);

    kubelets[2]!.start();
    h.advance(10);
    expect(h.taints('worker-3')).toEqual([]);
    expect(tec.scheduledEviction('default/web-1')).toBeUndefined();
    expect(h.events({ reason: 'TaintManagerEviction' })).toEqual([
      'TaintManagerEviction: Cancelling deletion of Pod default/web-1 [taint-eviction-controller]',
      'TaintManagerEviction: Cancelling deletion of Pod default/web-2 [taint-eviction-controller]',
    ]);
    h.advance(600);
    expect([h.podStatus('web-1'), h.podStatus('web-2')]).toEqual(['Running', 'Running']);
  });

  it('cancels with an event when a pod pending eviction is deleted by someone else', () => {
    const { h, kubelets } = cluster();
    h.createPod('web-1', 'worker-2');
    h.advance(10);
    kubelets[1]!.kill();
    h.advance(80);
    h.user.delete(POD, 'default', 'web-1', { gracePeriodSeconds: 0 });
    h.advance(1);
    expect(h.events({ reason: 'TaintManagerEviction' })).toEqual([
      'TaintManagerEviction: Cancelling deletion of Pod default/web-1 [taint-eviction-controller]',
    ]);
  });
});

describe('taint eviction: zone disruption', () => {
  it('evicts nothing when 3 of 4 nodes of a small zone die together', () => {
    const { h, kubelets } = cluster(4);
    for (const n of ['worker-1', 'worker-2', 'worker-3', 'worker-4']) h.createPod(`web-${n}`, n);
    h.advance(10);
    for (const k of kubelets.slice(0, 3)) k.kill();
    h.advance(900);
    expect(['worker-1', 'worker-2', 'worker-3', 'worker-4'].map((n) => h.nodeStatus(n))).toEqual([
      'NotReady',
      'NotReady',
      'NotReady',
      'Ready',
    ]);
    expect(['worker-1', 'worker-2', 'worker-3', 'worker-4'].map((n) => h.podStatus(`web-${n}`))).toEqual([
      'Running',
      'Running',
      'Running',
      'Running',
    ]);
    expect(h.events({ reason: 'TaintManagerEviction' })).toEqual([]);
  });

  it('replays identically for the same seed', () => {
    const run = () => {
      const { h, kubelets } = cluster();
      h.createPod('web', 'worker-2');
      h.advance(10);
      kubelets[1]!.kill();
      h.advance(400);
      const { kvs, revision } = h.cluster.store.range('/', { prefix: true });
      return JSON.stringify({ revision, kvs });
    };
    expect(run()).toBe(run());
  });
});

describe('taint eviction: NoExecute taints placed by hand', () => {
  it('deletes an untolerating pod at once, and a live kubelet then removes it', () => {
    const { h } = cluster();
    h.createPod('plain', 'worker-1');
    h.createPod('gpu-job', 'worker-1', {
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoExecute' }],
    });
    h.createPod('gpu-60s', 'worker-1', {
      tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
    });
    h.advance(1);
    h.user.patch(NODE, undefined, 'worker-1', 'merge', {
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] },
    });
    h.advance(1);
    expect(h.podStatus('plain')).toBe('<gone>');
    expect(h.events({ name: 'plain' })).toEqual([
      'TaintManagerEviction: Marking for deletion Pod default/plain [taint-eviction-controller]',
    ]);
    expect(h.podStatus('gpu-job')).toBe('Running');
    expect(h.podStatus('gpu-60s')).toBe('Running');
    h.advance(58);
    expect(h.podStatus('gpu-60s')).toBe('Running');
    h.advance(2);
    expect(h.podStatus('gpu-60s')).toBe('<gone>');
    expect(h.podStatus('gpu-job')).toBe('Running');
  });

  it('evicts a pod bound to an already tainted node', () => {
    const { h } = cluster();
    h.user.patch(NODE, undefined, 'worker-2', 'merge', {
      spec: { taints: [{ key: 'maintenance', effect: 'NoExecute' }] },
    });
    h.advance(1);
    h.createPod('late', 'worker-2');
    h.advance(1);
    expect(h.podStatus('late')).toBe('<gone>');
  });
});
