/**
 * A real cluster for the batch and endpoints controllers' scenario tests: the scheduler, a control-plane
 * node and three workers with their kubelets (so `busybox sleep 5` really completes after 5 virtual
 * seconds), shared informers like kube-controller-manager's, and only the controllers a test starts
 * (plus the garbage collector, which deletions need).
 */
import { Cluster, defaultTopology } from '../../cluster.ts';
import type { Actor, KubeObject } from '../../api/types.ts';
import { Client, type KindRef } from '../../client/client.ts';
import { SharedInformers } from '../../client/shared-informers.ts';
import type { Controller, ControllerContext } from '../runtime/controller.ts';
import { GarbageCollector } from '../garbage-collector/garbage-collector.ts';
import type { Pod } from '../replica-set/workload-types.ts';

const USER: Actor = { name: 'user', component: 'user' };
const KCM: Actor = { name: 'kube-controller-manager', component: 'kube-controller-manager' };

export interface EventRow {
  type: string;
  reason: string;
  object: string;
  message: string;
  source: string;
}

export function batchScenario(opts: { seed?: number; startMs?: number; controllers: (ctx: ControllerContext) => Controller[] }) {
  const cluster = new Cluster({ seed: opts.seed ?? 7, ...(opts.startMs !== undefined ? { startMs: opts.startMs } : {}), controllers: false, nodes: defaultTopology() });
  const { api, clock } = cluster;
  const informers = new SharedInformers(api, KCM);
  const ctx: ControllerContext = { api, clock, rng: cluster.rng.fork(), informers };
  const controllers = [...opts.controllers(ctx), new GarbageCollector(ctx)];
  for (const c of controllers) c.start();
  const user = new Client(api, USER);
  const list = <T extends KubeObject>(group: string, resource: string, namespace = 'default'): T[] => api.list({ group, resource, namespace }, {}, USER).items as T[];
  return {
    cluster,
    api,
    clock,
    user,
    controllers,
    list,
    pods: (): Pod[] => list<Pod>('', 'pods'),
    create: <T extends KubeObject>(obj: T): T => user.create(obj),
    get: <T extends KubeObject>(ref: KindRef, name: string): T | undefined => user.get<T>(ref, 'default', name),
    events: (): EventRow[] =>
      (list<KubeObject & Record<string, unknown>>('', 'events'))
        .map((e) => {
          const io = e.involvedObject as { kind: string; name: string };
          return {
            type: e.type as string,
            reason: e.reason as string,
            object: `${io.kind.toLowerCase()}/${io.name}`,
            message: e.message as string,
            source: (e.source as { component: string }).component,
            rv: Number(e.metadata.resourceVersion),
          };
        })
        .sort((a, b) => a.rv - b.rv)
        .map(({ rv: _rv, ...row }) => row),
    /** Runs virtual time forward `ms`, calling `check` at every instant something happened. */
    run(ms: number, check?: () => void): void {
      const target = clock.now() + ms;
      for (;;) {
        const next = clock.nextEventAt();
        if (next === undefined || next > target) break;
        clock.advanceTo(next);
        check?.();
      }
      clock.advanceTo(target);
    },
    /** Every controller's recorded reconcile errors. */
    errors: () => controllers.flatMap((c) => c.errors.map((e) => `${c.name} ${e.key}: ${e.message}`)),
  };
}

export type BatchScenario = ReturnType<typeof batchScenario>;
