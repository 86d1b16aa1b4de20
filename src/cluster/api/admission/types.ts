/**
 * Admission: what runs after defaulting and before validation and storage, as kube-apiserver's admission
 * chain (mutating plugins first, then validating). A plugin throws an ApiError to reject the request.
 */
import type { Actor, KubeObject } from '../types.ts';
import type { ResourceType } from '../registry.ts';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionAttributes {
  operation: Operation;
  resource: ResourceType;
  subresource?: string;
  namespace?: string;
  name: string;
  /** The object being written (mutable for mutating plugins). Undefined for DELETE. */
  object?: KubeObject;
  /** The stored object for UPDATE and DELETE (frozen). */
  oldObject?: KubeObject;
  actor: Actor;
  dryRun: boolean;
}

/** Read access to stored objects, for plugins that consult other objects (namespaces, quotas, ...). */
export interface AdmissionReader {
  get(group: string, resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(group: string, resource: string, namespace?: string): readonly KubeObject[];
  /** Current virtual time, ms. */
  now(): number;
}

export interface AdmissionPlugin {
  readonly name: string;
  /** Mutating phase: may change `attrs.object`. */
  admit?(attrs: AdmissionAttributes, reader: AdmissionReader): void;
  /** Validating phase: may only reject. */
  validate?(attrs: AdmissionAttributes, reader: AdmissionReader): void;
}
