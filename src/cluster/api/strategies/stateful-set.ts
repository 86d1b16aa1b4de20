/**
 * apps/v1 StatefulSet (k/k pkg/apis/apps/v1 SetDefaults_StatefulSet, pkg/apis/apps/validation
 * ValidateStatefulSetSpec / ValidateStatefulSetUpdate). Defaults: OrderedReady, RollingUpdate with
 * partition 0, claim retention Retain/Retain, 1 replica, 10 revisions; claim templates get volumeMode
 * Filesystem and a Pending status, as `kubectl get sts -o yaml` shows them.
 */
import type { Strategy } from '../strategy.ts';
import { forbidden, invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { goLiteral } from './go-values.ts';
import { nonNegative, sameJson } from './field-rules.ts';
import { validateWorkloadSelector } from './label-selector-validation.ts';
import { defaultPodTemplate } from './pod-defaults.ts';
import { defaultPVCSpec, validatePVCSpec, type PVCSpec } from './storage.ts';
import { validateAlwaysRestartTemplate, workloadSpec, type WorkloadSpec } from './workload-template.ts';

export const STATEFULSET_UPDATE_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

const RETENTION = ['Retain', 'Delete'];

interface StatefulSetSpec extends WorkloadSpec {
  serviceName?: string;
  podManagementPolicy?: string;
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: unknown } };
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
  volumeClaimTemplates?: { apiVersion?: string; kind?: string; metadata?: Record<string, unknown>; spec?: PVCSpec; status?: unknown }[];
  ordinals?: { start?: number };
}

function validateStatefulSetSpec(spec: StatefulSetSpec): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy ?? '';
  if (!pmp) errs.push(required('spec.podManagementPolicy', ''));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = spec.updateStrategy ?? {};
  switch (us.type ?? '') {
    case '':
      errs.push(required('spec.updateStrategy', ''));
      break;
    case 'OnDelete':
      if (us.rollingUpdate) errs.push(invalid('spec.updateStrategy.rollingUpdate', goLiteral('apps.RollingUpdateStatefulSetStrategy{...}'), "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate':
      errs.push(...nonNegative(us.rollingUpdate?.partition, 'spec.updateStrategy.rollingUpdate.partition'));
      break;
    default:
      errs.push(invalid('spec.updateStrategy', goLiteral(`apps.StatefulSetUpdateStrategy{Type:"${us.type}", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[f];
      if (v !== undefined && !RETENTION.includes(v)) errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, RETENTION));
    }
  }
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.ordinals?.start, 'spec.ordinals.start'));
  errs.push(...validateWorkloadSelector(spec.selector, spec.template?.metadata?.labels, 'spec', 'statefulset'));
  // Kubernetes leaves a StatefulSet's pod spec unvalidated (a TODO: mounts may name claim templates); the
  // sandbox validates it, counting the claim templates as volumes, so what its kubelets run is sound.
  const claimNames = (spec.volumeClaimTemplates ?? []).map((t) => String(t.metadata?.name ?? ''));
  errs.push(...validateAlwaysRestartTemplate(spec.template, 'spec', 'StatefulSet', { deadlineForbidden: true, extraVolumes: claimNames }));
  (spec.volumeClaimTemplates ?? []).forEach((t, i) => errs.push(...validatePVCSpec(t.spec, `spec.volumeClaimTemplates[${i}].spec`)));
  return errs;
}

export const statefulSetStrategy: Strategy = {
  default(obj) {
    const spec = workloadSpec(obj) as StatefulSetSpec;
    if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
    const us = (spec.updateStrategy ??= {});
    if (!us.type) {
      us.type = 'RollingUpdate';
      us.rollingUpdate ??= {};
    }
    if (us.type === 'RollingUpdate' && us.rollingUpdate) us.rollingUpdate.partition ??= 0;
    const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
    if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
    if (!retention.whenScaled) retention.whenScaled = 'Retain';
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    for (const t of spec.volumeClaimTemplates ?? []) {
      t.apiVersion ??= 'v1';
      t.kind ??= 'PersistentVolumeClaim';
      defaultPVCSpec((t.spec ??= {}));
      t.status ??= { phase: 'Pending' };
    }
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(obj) {
    obj.status = { replicas: 0, availableReplicas: 0 };
  },
  validate(obj) {
    return validateStatefulSetSpec(workloadSpec(obj) as StatefulSetSpec);
  },
  validateUpdate(obj, old) {
    const spec = workloadSpec(obj) as StatefulSetSpec;
    const oldSpec = (old.spec ?? {}) as StatefulSetSpec;
    const errs = validateStatefulSetSpec(spec);
    const mutable = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy'];
    const rest = (s: StatefulSetSpec) => Object.fromEntries(Object.entries(s).filter(([k]) => !mutable.includes(k)));
    if (!sameJson(rest(spec), rest(oldSpec))) errs.push(forbidden('spec', STATEFULSET_UPDATE_FORBIDDEN));
    return errs;
  },
  defaultPropagation: 'Background',
};
