/**
 * Counts what the control plane does between two deltas: requests by actor, verb and resource (from the
 * API server's request observer) and watch events by resource (from the store's change stream). The UI
 * draws request flows and live figures from these counts, so a batch costs a few small records no
 * matter how many requests it held.
 */
import type { RequestObserver } from '../cluster/api/api-server.ts';
import type { KubeObject } from '../cluster/api/types.ts';
import type { RequestTally, WatchTally } from './protocol.ts';

type RequestInfo = Parameters<RequestObserver>[0];

export class ActivityTally {
  private requests = new Map<string, RequestTally>();
  private watch = new Map<string, { count: number; nodes: Set<string> }>();

  /** Counts one request; the API server calls this for every request it handles. */
  readonly onRequest = (info: RequestInfo): void => {
    const resource = info.resource.resource;
    const key = `${info.actor.name}\u0000${info.verb}\u0000${resource}\u0000${info.subresource ?? ''}`;
    let t = this.requests.get(key);
    if (!t) {
      t = { actor: info.actor.name, component: info.actor.component, verb: info.verb, resource, count: 0, errors: 0 };
      if (info.subresource) t.subresource = info.subresource;
      this.requests.set(key, t);
    }
    t.count++;
    if (info.code >= 400) t.errors++;
  };

  /** Counts one store change that watchers will hear about. */
  onStoreChange(key: string, value: KubeObject | undefined): void {
    // `/registry/<resource>/...`; services keep their specs one level deeper.
    const parts = key.split('/');
    const resource = parts[2] === 'services' ? (parts[3] === 'endpoints' ? 'endpoints' : 'services') : (parts[2] ?? '');
    let w = this.watch.get(resource);
    if (!w) {
      w = { count: 0, nodes: new Set() };
      this.watch.set(resource, w);
    }
    w.count++;
    if (resource === 'pods' && value) {
      const node = (value.spec as { nodeName?: string } | undefined)?.nodeName;
      if (node) w.nodes.add(node);
    }
  }

  get empty(): boolean {
    return this.requests.size === 0 && this.watch.size === 0;
  }

  /** Everything counted since the last take, then starts afresh. */
  take(): { requests: RequestTally[]; watch: WatchTally[] } {
    const requests = [...this.requests.values()];
    const watch: WatchTally[] = [];
    for (const [resource, w] of this.watch) watch.push(w.nodes.size > 0 ? { resource, count: w.count, nodes: [...w.nodes] } : { resource, count: w.count });
    this.requests.clear();
    this.watch.clear();
    return { requests, watch };
  }
}
