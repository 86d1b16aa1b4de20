/**
 * Tables for the remaining built-in kinds a person meets (printers.go): serviceaccounts NAME SECRETS AGE,
 * priorityclasses NAME VALUE GLOBAL-DEFAULT AGE, leases NAME HOLDER AGE, poddisruptionbudgets NAME MIN
 * AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE, roles / clusterroles / limitranges NAME CREATED AT,
 * and the default NAME AGE table for everything else.
 */
import { rfc3339, parseTime } from '../../sim/clock.ts';
import { ageCol, col, nameCol, type Printer } from './table.ts';
import { translateTimestampSince } from './human-duration.ts';
import { arr, field, int, str } from './format.ts';

export const defaultPrinter: Printer = {
  columns: [nameCol(), ageCol()],
  row: (obj, nowMs) => ({ cells: [obj.metadata.name ?? '', translateTimestampSince(obj.metadata.creationTimestamp, nowMs)] }),
};

/** NAME CREATED AT, the creation time in UTC RFC 3339 (roles, cluster roles, limit ranges). */
export const createdAtPrinter: Printer = {
  columns: [nameCol(), col('Created At', 'date', 'CreationTimestamp is a timestamp representing the server time when this object was created.')],
  row: (obj) => {
    const t = obj.metadata.creationTimestamp ? parseTime(obj.metadata.creationTimestamp) : NaN;
    return { cells: [obj.metadata.name ?? '', Number.isNaN(t) ? '' : rfc3339(t)] };
  },
};

export const serviceAccountPrinter: Printer = {
  columns: [nameCol(), col('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), ageCol()],
  row: (sa, nowMs) => ({ cells: [sa.metadata.name ?? '', arr(sa.secrets).length, translateTimestampSince(sa.metadata.creationTimestamp, nowMs)] }),
};

export const priorityClassPrinter: Printer = {
  columns: [
    nameCol(),
    col('Value', 'integer', 'value represents the integer value of this priority class.'),
    col('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.'),
    ageCol(),
    col('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority.', 1),
  ],
  row: (pc, nowMs) => ({
    cells: [pc.metadata.name ?? '', int(pc.value), pc.globalDefault === true, translateTimestampSince(pc.metadata.creationTimestamp, nowMs), str(pc.preemptionPolicy)],
  }),
};

export const leasePrinter: Printer = {
  columns: [nameCol(), col('Holder', 'string', 'Name of the process that is holding the lease'), ageCol()],
  row: (l, nowMs) => ({ cells: [l.metadata.name ?? '', str(field(l, 'spec', 'holderIdentity')), translateTimestampSince(l.metadata.creationTimestamp, nowMs)] }),
};

function intOrString(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return 'N/A';
}

export const pdbPrinter: Printer = {
  columns: [
    nameCol(),
    col('Min Available', 'string', 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageCol(),
  ],
  row: (pdb, nowMs) => ({
    cells: [
      pdb.metadata.name ?? '',
      intOrString(field(pdb, 'spec', 'minAvailable')),
      intOrString(field(pdb, 'spec', 'maxUnavailable')),
      int(field(pdb, 'status', 'disruptionsAllowed')),
      translateTimestampSince(pdb.metadata.creationTimestamp, nowMs),
    ],
  }),
};
