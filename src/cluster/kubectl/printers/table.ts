/**
 * meta.k8s.io/v1 Table: what kube-apiserver answers to `Accept: application/json;as=Table;g=meta.k8s.io;v=v1`
 * and what kubectl prints column by column. Priority 0 columns are printed always, priority 1 only with
 * `-o wide`; the server always fills every cell (it renders rows as Wide), kubectl hides the rest.
 */
import type { KubeObject } from '../../api/types.ts';

export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

/** A cell as JSON carries it: kubectl prints strings as is and numbers in decimal. */
export type TableCell = string | number | boolean;

export interface TableRowCondition {
  type: 'Completed';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

export interface TableRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
  /** PartialObjectMetadata (the default), the full object, or absent (`includeObject=None`). */
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** Renders one object as the cells of a row. `nowMs` is the virtual time ages are measured against. */
export type RowFn = (obj: KubeObject, nowMs: number) => { cells: TableCell[]; conditions?: TableRowCondition[] };

/** The printer of one resource: its columns and how one object becomes a row. */
export interface Printer {
  readonly columns: readonly TableColumnDefinition[];
  readonly row: RowFn;
}

const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** A column as printers.go declares it: `col('Ready', 'string', 'The aggregate ...')`. */
export function col(name: string, type: TableColumnDefinition['type'], description: string, priority = 0, format = ''): TableColumnDefinition {
  return { name, type, format, description, priority };
}

/** The `Name` column every printer opens with (format `name`, which `-o name` and kubectl rely on). */
export function nameCol(priority = 0): TableColumnDefinition {
  return col('Name', 'string', NAME_DESCRIPTION, priority, 'name');
}

export function ageCol(): TableColumnDefinition {
  return col('Age', 'string', AGE_DESCRIPTION);
}

export const CONTAINERS_DESCRIPTION = 'Names of each container in the template.';
export const IMAGES_DESCRIPTION = 'Images referenced by each container in the template.';
