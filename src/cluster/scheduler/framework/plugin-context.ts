/**
 * What plugins may ask of the world outside the snapshot (the framework Handle's listers), as plain
 * lookup functions so the scheduler does not depend on informers: the lead wires them to the caches.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IStorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { Labels } from './label-matcher.ts';

/**
 * Which TaintToleration wording to print. `detailed` is what every 1.32.x and 1.33.x cluster (and
 * 1.34.0-1.34.1) prints: `node(s) had untolerated taint {key: value}`. `generic` is the wording of
 * kubernetes/kubernetes#134740 (1.35, back-ported to 1.34.2+): `node(s) had untolerated taint(s)`.
 */
export type TaintMessageStyle = 'detailed' | 'generic';

export interface PluginContext {
  /** Labels of a namespace (for affinity namespaceSelector); undefined when unknown. */
  namespaceLabels(namespace: string): Labels;
  /** A PersistentVolumeClaim, or undefined when it does not exist. */
  getPVC(namespace: string, name: string): IPersistentVolumeClaim | undefined;
  getStorageClass(name: string): IStorageClass | undefined;
  /** All PodDisruptionBudgets (preemption avoids violating them). */
  listPDBs(): readonly IPodDisruptionBudget[];
  /**
   * The selector of the Service/ReplicaSet/StatefulSet/ReplicationController owning the pod
   * (helper.DefaultSelector), which system-default topology spreading uses; undefined: none.
   */
  defaultSpreadSelector(pod: IPod): ILabelSelector | undefined;
  /** Current virtual time (ms). */
  now(): number;
  readonly taintMessageStyle: TaintMessageStyle;
}

/** A context with nothing outside the snapshot: no namespaces' labels, no PVCs, no PDBs. */
export function makePluginContext(partial: Partial<PluginContext> = {}): PluginContext {
  return {
    namespaceLabels: () => undefined,
    getPVC: () => undefined,
    getStorageClass: () => undefined,
    listPDBs: () => [],
    defaultSpreadSelector: () => undefined,
    now: () => 0,
    taintMessageStyle: 'generic',
    ...partial,
  };
}
