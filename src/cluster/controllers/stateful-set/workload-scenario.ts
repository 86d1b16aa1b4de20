/**
 * A real cluster for StatefulSet and DaemonSet scenario tests: nodes with kubelets and the scheduler,
 * no kube-controller-manager, and only the controllers a test asks for (plus, on request, the garbage
 * collector and the node lifecycle / taint eviction controllers a node death needs). Reads go straight
 * to the API server, as `kubectl get` would.
 */
import { Cluster, defaultTopology } from '../../cluster.ts';
import type { Actor, KubeObject } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import { Client, type KindRef } from '../../client/client.ts';
import { SharedInformers } from '../../client/shared-informers.ts';
import type { Controller, ControllerContext } from '../runtime/controller.ts';
import { GarbageCollector } from '../garbage-collector/garbage-collector.ts';
import { NodeLifecycleController } from '../node-lifecycle/node-lifecycle-controller.ts';
import { TaintEvictionController } from '../taint-eviction/taint-eviction-controller.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import type { NodeConfig } from '../../kubelet/node-config.ts';

const USER: Actor = { name: 'kubectl', component: 'user' };
const KCM: Actor = { name: 'kube-controller-manager', component: 'kube-controller-manager' };

export interface ScenarioOptions {
  seed?: number;
  nodes?: readonly NodeConfig[];
  controllers: (ctx: ControllerContext) => Controller[];
  /** Also run the garbage collector, node lifecycle and taint eviction controllers. */
  nodeDeath?: boolean;
  garbageCollector?: boolean;
}

export function workloadScenario(opts: ScenarioOptions) {
  const cluster = new Cluster({ seed: opts.seed ?? 7, controllers: false, nodes: opts.nodes ?? defaultTopology() });
  const informers = new SharedInformers(cluster.api, KCM);
  const ctx: ControllerContext = { api: cluster.api, clock: cluster.clock, rng: cluster.rng.fork(), informers };
  const controllers = opts.controllers(ctx);
  if (opts.nodeDeath) controllers.push(new NodeLifecycleController(ctx), new TaintEvictionController(ctx));
  if (opts.nodeDeath || opts.garbageCollector) controllers.push(new GarbageCollector(ctx));
  for (const c of controllers) c.start();
  const user = new Client(cluster.api, USER);
  const list = <T extends KubeObject>(group: string, resource: string, namespace = 'default'): T[] =>
    cluster.api.list({ group, resource, ...(namespace ? { namespace } : {}) }, {}, USER).items as T[];
  const pods = (namespace = 'default'): Pod[] => list<Pod>('', 'pods', namespace).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  return {
    cluster,
    user,
    controllers,
    list,
    pods,
    /** Pod names, sorted. */
    podNames: (namespace = 'default') => pods(namespace).map((p) => p.metadata.name ?? ''),
    get: <T extends KubeObject>(ref: KindRef, name: string, namespace = 'default'): T | undefined => user.get<T>(ref, namespace, name),
    create: <T extends KubeObject>(obj: T): T => user.create(obj),
    edit: <T extends KubeObject>(ref: KindRef, name: string, fn: (o: T) => void, namespace = 'default'): T => {
      const o = clone(user.get<T>(ref, namespace, name)!);
      fn(o);
      return user.update(o);
    },
    /** `kubectl get events` in a namespace: `reason: message`, oldest first. */
    events: (namespace = 'default'): string[] =>
      (list<KubeObject & { reason?: string; message?: string }>('', 'events', namespace))
        .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
        .map((e) => `${e.reason}: ${e.message}`),
    /** Advances virtual time in 1 s steps, calling `check` after each; stops early when `until` holds. */
    run(seconds: number, check?: () => void, until?: () => boolean): number {
      for (let i = 0; i < seconds; i++) {
        if (until?.()) return i;
        cluster.clock.advance(1000);
        check?.();
      }
      return seconds;
    },
    /**
     * Records every pod change as it happens: `+name` created, `~name` marked for deletion, `-name`
     * gone (with the node when `withNode`), in the order the API server made them.
     */
    podLog(withNode = false): string[] {
      const log: string[] = [];
      const at = (p: Pod) => (withNode ? `${p.metadata.name}@${p.spec?.nodeName ?? ''}` : (p.metadata.name ?? ''));
      informers.pods<Pod>().addHandler({
        onAdd: (p) => log.push(`+${at(p)}`),
        onUpdate: (o, p) => {
          if (!o.metadata.deletionTimestamp && p.metadata.deletionTimestamp) log.push(`~${at(p)}`);
          if (withNode && !o.spec?.nodeName && p.spec?.nodeName) log.push(`>${at(p)}`);
        },
        onDelete: (p) => log.push(`-${at(p)}`),
      });
      log.length = 0;
      return log;
    },
    errors: () => controllers.flatMap((c) => c.errors.map((e) => `${c.name} ${e.key}: ${e.message}`)),
  };
}

export function isRunningReady(p: Pod | undefined): boolean {
  return !!p && p.status?.phase === 'Running' && !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') && !p.metadata.deletionTimestamp;
}
