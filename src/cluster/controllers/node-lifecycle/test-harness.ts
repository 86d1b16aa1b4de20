/**
 * A cluster on virtual time for the node lifecycle, taint eviction, garbage collector and namespace
 * controllers' scenario tests — without the scheduler or real kubelets. `FakeKubelet` does only what
 * the control plane can see of a kubelet: it registers its Node and Lease, posts Ready, renews the
 * Lease every 10 s, and confirms graceful pod deletions; `kill()` makes it fall silent.
 */
import { Cluster } from '../../cluster.ts';
import type { Actor, KubeObject } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { Client, LEASE, NODE, POD } from '../../client/client.ts';
import { BY_NODE } from '../../client/informer.ts';
import { SharedInformers } from '../../client/shared-informers.ts';
import type { TimerHandle } from '../../sim/clock.ts';
import type { ControllerContext } from '../runtime/controller.ts';
import type { NodeCondition, Taint, Toleration } from './node-types.ts';
import { nodeCondition, nodeTaints, podConditions } from './node-types.ts';

export const HARNESS_USER: Actor = { name: 'user', component: 'user' };
const KCM: Actor = { name: 'kube-controller-manager', component: 'kube-controller-manager' };

export class Harness {
  readonly cluster: Cluster;
  readonly informers: SharedInformers;
  readonly ctx: ControllerContext;
  readonly user: Client;
  readonly t0: number;

  constructor(seed = 1) {
    // No scheduler or controller manager: only the controllers a test starts act.
    this.cluster = new Cluster({ seed, scheduler: false, controllers: false });
    this.informers = new SharedInformers(this.cluster.api, KCM);
    this.ctx = {
      api: this.cluster.api,
      clock: this.cluster.clock,
      rng: this.cluster.rng,
      informers: this.informers,
    };
    this.user = new Client(this.cluster.api, HARNESS_USER);
    this.t0 = this.cluster.clock.now();
  }

  /** Seconds since the harness was made. */
  elapsed(): number {
    return (this.cluster.clock.now() - this.t0) / 1000;
  }

  advance(seconds: number): void {
    this.cluster.clock.advance(seconds * 1000);
  }

  /** Advances one second at a time until `pred` holds; returns the elapsed seconds then, or undefined. */
  advanceUntil(pred: () => boolean, maxSeconds: number): number | undefined {
    for (let i = 0; i < maxSeconds; i++) {
      if (pred()) return this.elapsed();
      this.advance(1);
    }
    return pred() ? this.elapsed() : undefined;
  }

  node(name: string): KubeObject {
    const n = this.user.get(NODE, undefined, name);
    if (!n) throw new Error(`node ${name} not found`);
    return n;
  }

  pod(name: string, namespace = 'default'): KubeObject | undefined {
    return this.user.get(POD, namespace, name);
  }

  /** kubectl get nodes STATUS: `Ready`, or `NotReady` for False and Unknown. */
  nodeStatus(name: string): string {
    return nodeCondition(this.node(name), 'Ready')?.status === 'True' ? 'Ready' : 'NotReady';
  }

  taints(name: string): string[] {
    return nodeTaints(this.node(name)).map((t: Taint) => `${t.key}:${t.effect}`);
  }

  /** What kubectl get pods shows, reduced to what these controllers change: `Terminating`, phase, or `<gone>`. */
  podStatus(name: string, namespace = 'default'): string {
    const p = this.pod(name, namespace);
    if (!p) return '<gone>';
    if (p.metadata.deletionTimestamp) return 'Terminating';
    return (p.status as { phase?: string } | undefined)?.phase ?? '';
  }

  podReady(name: string, namespace = 'default'): string | undefined {
    const p = this.pod(name, namespace);
    return p ? podConditions(p).find((c) => c.type === 'Ready')?.status : undefined;
  }

  /** Events as `reason: message` (source component in brackets), oldest first. */
  events(filter: { reason?: string; name?: string } = {}): string[] {
    const list = this.cluster.api.list({ group: '', resource: 'events' }, {}, HARNESS_USER)
      .items as (KubeObject & {
      reason: string;
      message: string;
      involvedObject: { name: string };
      source: { component: string };
    })[];
    return list
      .filter(
        (e) =>
          (!filter.reason || e.reason === filter.reason) &&
          (!filter.name || e.involvedObject.name === filter.name),
      )
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((e) => `${e.reason}: ${e.message} [${e.source.component}]`);
  }

  /** Creates a Running, Ready pod bound to `nodeName` (DefaultTolerationSeconds adds the 300 s tolerations). */
  createPod(
    name: string,
    nodeName: string,
    opts: {
      tolerations?: Toleration[];
      namespace?: string;
      ownerReferences?: KubeObject['metadata']['ownerReferences'];
      labels?: Record<string, string>;
    } = {},
  ): KubeObject {
    const pod = this.user.create<KubeObject>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: opts.namespace ?? 'default',
        ...(opts.labels ? { labels: opts.labels } : {}),
        ...(opts.ownerReferences ? { ownerReferences: opts.ownerReferences } : {}),
      },
      spec: {
        nodeName,
        containers: [{ name: 'app', image: 'nginx' }],
        ...(opts.tolerations ? { tolerations: opts.tolerations } : {}),
      },
    });
    const next = clone(pod);
    const ts = this.cluster.clock.nowRfc3339();
    next.status = {
      ...(next.status as object),
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: ts },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: ts },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: ts },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: ts },
      ],
    };
    return this.user.updateStatus(next);
  }
}

/** What the control plane sees of a kubelet: Node, Lease renewals every 10 s, Ready, deletion confirms. */
export class FakeKubelet {
  private leaseTimer: TimerHandle | undefined;
  private alive = false;
  private readonly client: Client;

  constructor(
    private readonly h: Harness,
    readonly nodeName: string,
    private readonly labels: Record<string, string> = {},
  ) {
    this.client = new Client(h.cluster.api, { name: `kubelet/${nodeName}`, component: 'kubelet' });
    h.informers.pods().addHandler({
      onAdd: (p) => this.confirmDeletion(p),
      onUpdate: (_o, p) => this.confirmDeletion(p),
    });
  }

  /** Registers the Node and its Lease, posts Ready=True and starts heartbeats. */
  start(): this {
    if (!this.client.get(NODE, undefined, this.nodeName)) {
      this.client.create({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: this.nodeName,
          labels: { 'kubernetes.io/hostname': this.nodeName, 'kubernetes.io/os': 'linux', ...this.labels },
        },
        spec: {},
      });
    }
    this.alive = true;
    this.postReady('True');
    this.renewLease();
    for (const p of this.h.informers.pods().byIndex(BY_NODE, this.nodeName)) this.confirmDeletion(p);
    return this;
  }

  /** The machine dies: no heartbeats, no status, no deletions confirmed. */
  kill(): void {
    this.alive = false;
    this.h.cluster.clock.cancel(this.leaseTimer);
    this.leaseTimer = undefined;
  }

  /** Posts the Ready condition (True: KubeletReady; False: KubeletNotReady) as the kubelet's status sync. */
  postReady(status: 'True' | 'False'): void {
    const node = this.client.get(NODE, undefined, this.nodeName)!;
    const next = clone(node);
    const ts = this.h.cluster.clock.nowRfc3339();
    const old = (next.status as { conditions?: NodeCondition[] } | undefined)?.conditions ?? [];
    const cond = (type: string, s: string, reason: string, message: string): NodeCondition => {
      const prev = old.find((c) => c.type === type);
      return {
        type,
        status: s,
        lastHeartbeatTime: ts,
        lastTransitionTime: prev?.status === s ? (prev.lastTransitionTime ?? ts) : ts,
        reason,
        message,
      };
    };
    next.status = {
      ...(next.status as object),
      conditions: [
        cond(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        status === 'True'
          ? cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
          : cond(
              'Ready',
              'False',
              'KubeletNotReady',
              'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
            ),
      ],
    };
    this.client.updateStatus(next);
  }

  private renewLease(): void {
    if (!this.alive) return;
    const renewTime = this.h.cluster.clock.nowMicroTime();
    const lease = this.client.get(LEASE, 'kube-node-lease', this.nodeName);
    if (!lease) {
      this.client.create({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: this.nodeName, namespace: 'kube-node-lease' },
        spec: { holderIdentity: this.nodeName, leaseDurationSeconds: 40, renewTime },
      });
    } else {
      const next = clone(lease);
      (next.spec as { renewTime: string }).renewTime = renewTime;
      this.client.update(next);
    }
    this.leaseTimer = this.h.cluster.clock.setTimeout(() => this.renewLease(), 10_000);
  }

  private confirmDeletion(p: KubeObject): void {
    if (!this.alive || !p.metadata.deletionTimestamp) return;
    if ((p.spec as { nodeName?: string }).nodeName !== this.nodeName) return;
    const { namespace, name } = p.metadata;
    // Off the watch callback: a kubelet reacts on its own loop, not inside the API server's write.
    this.h.cluster.clock.setTimeout(() => {
      if (!this.alive) return;
      try {
        this.client.delete(POD, namespace, name ?? '', {
          gracePeriodSeconds: 0,
          preconditions: { uid: p.metadata.uid ?? '' },
        });
      } catch {
        // A pod of the same name made since: not ours to confirm.
      }
    }, 0);
  }
}
