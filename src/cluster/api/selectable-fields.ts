/**
 * Field selectors: which fields each kind can be filtered by, as each kind's GetAttrs/ToSelectableFields
 * in kube-apiserver declares them, and how to read them from an object.
 */
import type { KubeObject } from './types.ts';
import type { ResourceType } from './registry.ts';

const COMMON = ['metadata.name', 'metadata.namespace'];

const BY_KIND: Readonly<Record<string, readonly string[]>> = {
  '/Pod': [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  '/Event': [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  '/Node': ['spec.unschedulable'],
  '/Namespace': ['status.phase'],
  '/Secret': ['type'],
  '/ReplicationController': ['status.replicas'],
  'apps/ReplicaSet': ['status.replicas'],
  'batch/Job': ['status.successful'],
  '/PersistentVolumeClaim': [],
};

/** The fields of `t` a field selector may name. */
export function selectableFields(t: Pick<ResourceType, 'group' | 'kind'>): readonly string[] {
  return [...COMMON, ...(BY_KIND[`${t.group}/${t.kind}`] ?? [])];
}

/** Reads a selectable field as the string kube compares (`true`/`false` for booleans, '' when unset). */
export function readField(obj: KubeObject, field: string): string {
  const path = field === 'source' && obj.kind === 'Event' ? 'source.component' : field;
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return field === 'spec.hostNetwork' || field === 'spec.unschedulable' ? 'false' : '';
  return String(cur);
}
