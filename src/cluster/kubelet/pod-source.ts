/**
 * Where a kubelet hears about the pods bound to its node. By default each kubelet watches pods with the
 * field selector `spec.nodeName=<node>`, as the real one does. At 1,000 nodes that means every pod
 * write is filtered by 1,000 watches, so a cluster can instead share one `NodePodRouter`: one informer
 * over all pods that hands each event only to the kubelet of the pod's node.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import { BY_NODE, Informer, podNodeName, type InformerHandlers } from '../client/informer.ts';

export interface PodSource {
  /**
   * Delivers adds, updates and deletes of the pods bound to `node`, starting with an add for each such
   * pod that exists now. Returns a function that stops the delivery.
   */
  subscribe(node: string, handlers: InformerHandlers<KubeObject>): () => void;
}

function nodeOf(pod: KubeObject): string {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
}

/** One watch per kubelet, filtered by the API server (the kubelet's own behaviour). */
export class FieldSelectorPodSource implements PodSource {
  constructor(
    private readonly api: ApiServer,
    private readonly actor: Actor,
  ) {}

  subscribe(node: string, handlers: InformerHandlers<KubeObject>): () => void {
    const inf = new Informer(this.api, { group: '', resource: 'pods' }, this.actor, { fieldSelector: `spec.nodeName=${node}` });
    inf.addHandler(handlers);
    inf.start();
    return () => inf.stop();
  }
}

/** One informer for every kubelet of a cluster, dispatching by `spec.nodeName` in O(1) per event. */
export class NodePodRouter implements PodSource {
  private readonly informer: Informer;
  private readonly byNode = new Map<string, InformerHandlers<KubeObject>>();

  constructor(api: ApiServer, actor: Actor) {
    this.informer = new Informer(api, { group: '', resource: 'pods' }, actor).addIndex(BY_NODE, podNodeName);
    this.informer.addHandler({
      onAdd: (pod) => this.byNode.get(nodeOf(pod))?.onAdd?.(pod),
      onUpdate: (old, pod) => {
        const h = this.byNode.get(nodeOf(pod));
        if (!h) return;
        // A binding moves a pod from no node to this one: for the kubelet it is new.
        if (nodeOf(old) !== nodeOf(pod)) h.onAdd?.(pod);
        else h.onUpdate?.(old, pod);
      },
      onDelete: (pod) => this.byNode.get(nodeOf(pod))?.onDelete?.(pod),
    });
    this.informer.start();
  }

  subscribe(node: string, handlers: InformerHandlers<KubeObject>): () => void {
    this.byNode.set(node, handlers);
    for (const pod of this.informer.byIndex(BY_NODE, node)) handlers.onAdd?.(pod);
    return () => {
      if (this.byNode.get(node) === handlers) this.byNode.delete(node);
    };
  }

  stop(): void {
    this.informer.stop();
  }
}
