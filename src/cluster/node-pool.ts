/**
 * The cluster's machines: one kubelet per node, sharing one pod router so a pod write reaches only the
 * kubelet of its node. Killing a node stops its kubelet dead (no heartbeats, pods frozen), as pulling
 * the plug on a real machine; starting it boots the kubelet again.
 */
import type { ApiServer } from './api/api-server.ts';
import type { Actor } from './api/types.ts';
import type { VirtualClock } from './sim/clock.ts';
import type { Rng } from './sim/rng.ts';
import { Kubelet, type KubeletOptions } from './kubelet/kubelet.ts';
import { NodePodRouter } from './kubelet/pod-source.ts';
import { workerNode, type NodeConfig } from './kubelet/node-config.ts';
import { Client, NODE } from './client/client.ts';

const ROUTER_ACTOR: Actor = { name: 'kubelet', component: 'kubelet' };

/** What a person may ask for when adding a node. */
export interface AddNodeRequest extends Partial<Omit<NodeConfig, 'pods'>> {
  pods?: number;
}

export class NodePool {
  private readonly kubelets = new Map<string, Kubelet>();
  private readonly router: NodePodRouter;
  private nextIndex = 1;

  constructor(
    private readonly ctx: { api: ApiServer; clock: VirtualClock; rng: Rng },
    private readonly kubeletOptions: KubeletOptions = {},
  ) {
    this.router = new NodePodRouter(ctx.api, ROUTER_ACTOR);
  }

  /** Adds a node and boots its kubelet; returns its name. Names must be unused. */
  add(config: NodeConfig): string {
    if (this.kubelets.has(config.name)) throw new Error(`node "${config.name}" already exists`);
    const kubelet = new Kubelet({ ...this.ctx, pods: this.router }, config, this.kubeletOptions);
    this.kubelets.set(config.name, kubelet);
    if (config.index !== undefined && config.index >= this.nextIndex) this.nextIndex = config.index + 1;
    kubelet.start();
    return config.name;
  }

  /** Adds a worker with the next free `worker-N` name unless one is given. */
  addWorker(req: AddNodeRequest = {}): string {
    let name = req.name;
    if (!name) {
      while (this.kubelets.has(`worker-${this.nextIndex}`)) this.nextIndex++;
      name = `worker-${this.nextIndex}`;
    }
    const { pods, ...rest } = req;
    return this.add(workerNode(name, { ...rest, ...(pods !== undefined ? { pods } : {}) }));
  }

  /** Powers a node off: its kubelet stops at once, mid-whatever. */
  kill(name: string): void {
    this.get(name).kill();
  }

  /** Powers a node back on: the kubelet re-registers and resumes its pods. */
  start(name: string): void {
    const k = this.get(name);
    if (!k.running) k.restart();
  }

  /** Removes a node: its kubelet stops and the Node object is deleted (`kubectl delete node`). */
  remove(name: string, actor: Actor): void {
    const k = this.get(name);
    k.kill();
    this.kubelets.delete(name);
    new Client(this.ctx.api, actor).delete(NODE, undefined, name);
  }

  isRunning(name: string): boolean {
    return this.kubelets.get(name)?.running ?? false;
  }

  names(): string[] {
    return [...this.kubelets.keys()];
  }

  kubelet(name: string): Kubelet | undefined {
    return this.kubelets.get(name);
  }

  private get(name: string): Kubelet {
    const k = this.kubelets.get(name);
    if (!k) throw new Error(`node "${name}" not found`);
    return k;
  }
}
