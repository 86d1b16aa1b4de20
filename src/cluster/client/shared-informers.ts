/**
 * One informer per resource, shared by every controller of a component (client-go's
 * SharedInformerFactory): each resource is watched once, and its cache and indexes are shared.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import { BY_CONTROLLER_UID, BY_NODE, BY_OWNER_UID, controllerUid, Informer, ownerUids, podNodeName } from './informer.ts';

export class SharedInformers {
  private informers = new Map<string, Informer>();

  constructor(
    private readonly api: ApiServer,
    private readonly actor: Actor,
  ) {}

  /** The informer of `group/resource` (created and started on first use, with the standard indexes). */
  get<T extends KubeObject = KubeObject>(group: string, resource: string): Informer<T> {
    const key = `${group}/${resource}`;
    let inf = this.informers.get(key);
    if (!inf) {
      inf = new Informer(this.api, { group, resource }, this.actor);
      inf.addIndex(BY_CONTROLLER_UID, controllerUid).addIndex(BY_OWNER_UID, ownerUids);
      if (resource === 'pods' && group === '') inf.addIndex(BY_NODE, podNodeName);
      this.informers.set(key, inf);
      inf.start();
    }
    return inf as unknown as Informer<T>;
  }

  pods<T extends KubeObject = KubeObject>(): Informer<T> {
    return this.get<T>('', 'pods');
  }

  nodes<T extends KubeObject = KubeObject>(): Informer<T> {
    return this.get<T>('', 'nodes');
  }

  stop(): void {
    for (const i of this.informers.values()) i.stop();
  }
}
