/**
 * Per-kind behaviour of the generic REST verbs, as kube-apiserver's registry strategies
 * (pkg/registry/<group>/<kind>/strategy.go): defaulting, what create and update may change, validation,
 * graceful deletion. Kinds without an entry get the generic behaviour.
 */
import type { KubeObject } from './types.ts';
import type { FieldError } from './validation/field-error.ts';
import type { DeleteOptions } from './request.ts';
import type { DeletionDecision } from './deletion.ts';
import type { AdmissionReader } from './admission/types.ts';
import type { Rng } from '../sim/rng.ts';

export interface StrategyContext {
  /** Current virtual time, ms. */
  now: number;
  /** Seeded randomness (e.g. for allocating a Service's clusterIP). */
  rng: Rng;
  /** Read access to stored objects (e.g. the clusterIPs and nodePorts already taken). */
  reader: AdmissionReader;
}

export interface Strategy {
  /** SetDefaults_*: fills unset fields. Gets a fresh mutable object; runs on create, update and patch. */
  default?(obj: KubeObject): void;
  /** On create: e.g. resets status, fills generated fields. Mutable object. */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** On update of the main resource: e.g. keeps the old status. `old` is frozen. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** On update of the status subresource: e.g. keeps the old spec. */
  prepareForStatusUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** Field errors of a new object. */
  validate?(obj: KubeObject): FieldError[];
  /** Field errors of an update (immutable fields and the rules of `validate`). */
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /** Field errors of a status update. */
  validateStatusUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /**
   * Grace period in seconds for a delete of this object, given the one asked for (undefined = default).
   * Undefined result: not graceful (deleted at once unless finalizers hold it).
   */
  gracePeriodSeconds?(obj: KubeObject, requested: number | undefined): number | undefined;
  /** Garbage-collection policy when the request names none (kube's DefaultGarbageCollectionPolicy). */
  defaultPropagation?: 'Background' | 'Orphan' | 'Foreground';
  /** Warnings returned with a delete request (e.g. batch Job's orphaning notice). */
  deleteWarning?: string;
  /** Replaces the generic delete decision (a Namespace is marked Terminating, not removed). */
  decideDelete?(current: KubeObject, options: DeleteOptions, nowMs: number): DeletionDecision;
  /** True while kind-specific finalizers (a Namespace's spec.finalizers) keep a deleted object stored. */
  holdsDeletion?(obj: KubeObject): boolean;
}
