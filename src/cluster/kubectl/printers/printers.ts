/**
 * Which printer renders which resource, and the Table a list or a single object becomes. The headless
 * server answers kubectl's Table requests with `toTable`; the in-page console prints the same rows.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Printer, Table, TableRow } from './table.ts';
import { podPrinter } from './pod-printer.ts';
import { nodePrinter } from './node-printer.ts';
import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './apps-printers.ts';
import { cronJobPrinter, jobPrinter } from './batch-printers.ts';
import { endpointsPrinter, servicePrinter } from './service-printers.ts';
import { configMapPrinter, eventPrinter, namespacePrinter, secretPrinter } from './core-printers.ts';
import { pvcPrinter, pvPrinter } from './storage-printers.ts';
import { hpaPrinter } from './hpa-printer.ts';
import { createdAtPrinter, defaultPrinter, leasePrinter, pdbPrinter, priorityClassPrinter, serviceAccountPrinter } from './other-printers.ts';

const PRINTERS: Readonly<Record<string, Printer>> = {
  '/pods': podPrinter,
  '/nodes': nodePrinter,
  '/services': servicePrinter,
  '/endpoints': endpointsPrinter,
  '/events': eventPrinter,
  'events.k8s.io/events': eventPrinter,
  '/namespaces': namespacePrinter,
  '/configmaps': configMapPrinter,
  '/secrets': secretPrinter,
  '/persistentvolumeclaims': pvcPrinter,
  '/persistentvolumes': pvPrinter,
  '/serviceaccounts': serviceAccountPrinter,
  '/limitranges': createdAtPrinter,
  'apps/deployments': deploymentPrinter,
  'apps/replicasets': replicaSetPrinter,
  'apps/statefulsets': statefulSetPrinter,
  'apps/daemonsets': daemonSetPrinter,
  'batch/jobs': jobPrinter,
  'batch/cronjobs': cronJobPrinter,
  'autoscaling/horizontalpodautoscalers': hpaPrinter,
  'scheduling.k8s.io/priorityclasses': priorityClassPrinter,
  'coordination.k8s.io/leases': leasePrinter,
  'policy/poddisruptionbudgets': pdbPrinter,
  'rbac.authorization.k8s.io/roles': createdAtPrinter,
  'rbac.authorization.k8s.io/clusterroles': createdAtPrinter,
};

/** The printer of a resource (`printerFor('apps', 'deployments')`); the NAME AGE table for the rest. */
export function printerFor(group: string, resource: string): Printer {
  return PRINTERS[`${group}/${resource}`] ?? defaultPrinter;
}

/** What each row carries as `object`, as the `includeObject` query parameter asks. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface ToTableOptions {
  /** Default `Metadata`: a PartialObjectMetadata, as kube-apiserver sends unless asked otherwise. */
  includeObject?: IncludeObject;
  /** Leave out columnDefinitions (the server does for watch events after the first). */
  noHeaders?: boolean;
  resourceVersion?: string;
  continue?: string;
}

/**
 * Renders objects as a meta.k8s.io/v1 Table at virtual time `nowMs`. Never mutates its inputs; the
 * rows keep the objects' order.
 */
export function toTable(printer: Printer, objects: readonly KubeObject[], nowMs: number, opts: ToTableOptions = {}): Table {
  const include = opts.includeObject ?? 'Metadata';
  const rows: TableRow[] = objects.map((obj) => {
    const { cells, conditions } = printer.row(obj, nowMs);
    const row: TableRow = { cells };
    if (conditions) row.conditions = conditions;
    if (include === 'Object') row.object = obj;
    else if (include === 'Metadata') row.object = partialObjectMetadata(obj);
    return row;
  });
  const metadata: Table['metadata'] = {};
  if (opts.resourceVersion !== undefined) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue !== undefined) metadata.continue = opts.continue;
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata, columnDefinitions: opts.noHeaders ? [] : [...printer.columns], rows };
}

/** meta.k8s.io/v1 PartialObjectMetadata of an object: its metadata only (kubectl reads labels from it). */
export function partialObjectMetadata(obj: KubeObject): { kind: 'PartialObjectMetadata'; apiVersion: 'meta.k8s.io/v1'; metadata: KubeObject['metadata'] } {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}
