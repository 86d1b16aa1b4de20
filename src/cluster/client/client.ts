/**
 * A typed client bound to one actor: what controllers, the scheduler and kubelets use to talk to the
 * API server. Resources are resolved from the object's apiVersion and kind, so callers write
 * `client.create(pod)` as client-go's typed clients read.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { Actor, KubeObject } from '../api/types.ts';
import type { DeleteOptions, PatchType } from '../api/request.ts';
import { resourceForKind, type ResourceType } from '../api/registry.ts';
import { isApiError } from '../api/errors.ts';

export interface KindRef {
  apiVersion: string;
  kind: string;
}

export class Client {
  constructor(
    readonly api: ApiServer,
    readonly actor: Actor,
  ) {}

  private t(ref: KindRef): ResourceType {
    const t = resourceForKind(ref.apiVersion, ref.kind);
    if (!t) throw new Error(`no resource for ${ref.apiVersion} ${ref.kind}`);
    return t;
  }

  private req(ref: KindRef, namespace: string | undefined, subresource?: string) {
    const t = this.t(ref);
    return { group: t.group, resource: t.resource, ...(t.namespaced ? { namespace: namespace ?? 'default' } : {}), ...(subresource ? { subresource } : {}) };
  }

  create<T extends KubeObject>(obj: T): T {
    return this.api.create(this.req(obj, obj.metadata.namespace), obj, { actor: this.actor }) as T;
  }

  get<T extends KubeObject = KubeObject>(ref: KindRef, namespace: string | undefined, name: string): T | undefined {
    try {
      return this.api.get(this.req(ref, namespace), name, this.actor) as T;
    } catch (e) {
      if (isApiError(e) && e.code === 404) return undefined;
      throw e;
    }
  }

  update<T extends KubeObject>(obj: T): T {
    return this.api.update(this.req(obj, obj.metadata.namespace), obj.metadata.name!, obj, { actor: this.actor }) as T;
  }

  updateStatus<T extends KubeObject>(obj: T): T {
    return this.api.update(this.req(obj, obj.metadata.namespace, 'status'), obj.metadata.name!, obj, { actor: this.actor }) as T;
  }

  patch<T extends KubeObject = KubeObject>(ref: KindRef, namespace: string | undefined, name: string, type: PatchType, body: unknown, subresource?: string): T {
    return this.api.patch(this.req(ref, namespace, subresource), name, type, body, { actor: this.actor }) as T;
  }

  /** Deletes; a missing object is not an error (returns undefined). */
  delete(ref: KindRef, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject | undefined {
    try {
      return this.api.delete(this.req(ref, namespace), name, opts, { actor: this.actor });
    } catch (e) {
      if (isApiError(e) && e.code === 404) return undefined;
      throw e;
    }
  }

  bind(namespace: string, name: string, nodeName: string): KubeObject {
    return this.api.bind(namespace, name, nodeName, { actor: this.actor });
  }
}

export const POD: KindRef = { apiVersion: 'v1', kind: 'Pod' };
export const NODE: KindRef = { apiVersion: 'v1', kind: 'Node' };
export const LEASE: KindRef = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' };
export const REPLICA_SET: KindRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };
export const DEPLOYMENT: KindRef = { apiVersion: 'apps/v1', kind: 'Deployment' };
export const NAMESPACE: KindRef = { apiVersion: 'v1', kind: 'Namespace' };
