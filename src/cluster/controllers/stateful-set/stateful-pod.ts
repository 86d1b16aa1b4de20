/**
 * A StatefulSet pod's identity and storage (k/k pkg/controller/statefulset/stateful_set_utils.go):
 * name `<set>-<ordinal>`, labels `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index`
 * and `controller-revision-hash` (the full revision name), hostname = pod name, subdomain =
 * serviceName, and one claim `<template>-<set>-<ordinal>` per volumeClaimTemplate mounted as the
 * volume named after the template.
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import type { Pod, PodTemplateSpec } from '../replica-set/workload-types.ts';
import type { LabelSelectorLike } from '../../api/labels/selector.ts';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** apps.StatefulSetRevisionLabel / ControllerRevisionHashLabelKey. */
export const REVISION_LABEL = 'controller-revision-hash';

export interface ClaimTemplate {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

export interface StatefulSet extends KubeObject {
  spec: {
    replicas?: number;
    selector?: LabelSelectorLike;
    template?: PodTemplateSpec;
    serviceName?: string;
    podManagementPolicy?: string;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } | null };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    volumeClaimTemplates?: ClaimTemplate[];
    persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
    ordinals?: { start?: number };
  };
  status?: StatefulSetStatus;
}

export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
  conditions?: unknown[];
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

export function startOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

/** The ordinal in a pod's name `<set>-<n>`, or -1 when the name has none (getParentNameAndOrdinal). */
export function ordinalOf(pod: { metadata: { name?: string } }): number {
  const m = /^(.*)-(\d+)$/.exec(pod.metadata.name ?? '');
  return m ? Number(m[2]) : -1;
}

export function parentNameOf(pod: { metadata: { name?: string } }): string {
  const m = /^(.*)-(\d+)$/.exec(pod.metadata.name ?? '');
  return m ? m[1]! : '';
}

/** The pod belongs to the set by name (isMemberOf). */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentNameOf(pod) === set.metadata.name;
}

export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

export function claimName(template: ClaimTemplate, set: StatefulSet, ordinal: number): string {
  return `${template.metadata?.name ?? ''}-${set.metadata.name}-${ordinal}`;
}

/** Ordinal within [start, start + replicas) (podInOrdinalRange). */
export function inOrdinalRange(set: StatefulSet, ordinal: number): boolean {
  const start = startOrdinal(set);
  return ordinal >= start && ordinal < start + (set.spec.replicas ?? 1);
}

/** The claims a member pod should have: name -> the claim object (getPersistentVolumeClaims). */
export function claimsFor(set: StatefulSet, ordinal: number): Map<string, PersistentVolumeClaim> {
  const out = new Map<string, PersistentVolumeClaim>();
  const selectorLabels = set.spec.selector?.matchLabels ?? {};
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const name = claimName(t, set, ordinal);
    const labels = { ...(t.metadata?.labels ?? {}), ...selectorLabels };
    const metadata: PersistentVolumeClaim['metadata'] = { name, namespace: set.metadata.namespace ?? 'default', labels };
    if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
    out.set(t.metadata?.name ?? '', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: clone(t.spec ?? {}) });
  }
  return out;
}

/** True when the pod carries the set's identity (identityMatches). */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const ord = ordinalOf(pod);
  const spec = pod.spec as { hostname?: string; subdomain?: string } | undefined;
  return (
    ord >= 0 &&
    set.metadata.name === parentNameOf(pod) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name &&
    pod.metadata.labels?.[POD_INDEX_LABEL] === String(ord) &&
    spec?.hostname === pod.metadata.name &&
    (spec?.subdomain ?? '') === (set.spec.serviceName ?? '')
  );
}

interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  [field: string]: unknown;
}

/** True when every claim template is mounted with the right claim (storageMatches). */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ord = ordinalOf(pod);
  if (ord < 0) return false;
  const volumes = new Map(((pod.spec?.volumes as Volume[] | undefined) ?? []).map((v) => [v.name, v]));
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const v = volumes.get(t.metadata?.name ?? '');
    if (v?.persistentVolumeClaim?.claimName !== claimName(t, set, ord)) return false;
  }
  return true;
}

/** Writes identity into a copy-owned pod (updateIdentity). */
export function setIdentity(set: StatefulSet, pod: Pod): void {
  const ord = ordinalOf(pod);
  pod.metadata.namespace = set.metadata.namespace ?? 'default';
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: pod.metadata.name ?? '', [POD_INDEX_LABEL]: String(ord) };
  const spec = (pod.spec ??= {}) as Record<string, unknown>;
  spec.hostname = pod.metadata.name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  else delete spec.subdomain;
}

/** Replaces the template-named volumes with the pod's claims (updateStorage). */
export function setStorage(set: StatefulSet, pod: Pod): void {
  const ord = ordinalOf(pod);
  const templates = set.spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) return;
  const names = new Set(templates.map((t) => t.metadata?.name ?? ''));
  const spec = (pod.spec ??= {}) as Record<string, unknown>;
  const kept = ((spec.volumes as Volume[] | undefined) ?? []).filter((v) => !names.has(v.name));
  const claims: Volume[] = templates.map((t) => ({ name: t.metadata?.name ?? '', persistentVolumeClaim: { claimName: claimName(t, set, ord) } }));
  spec.volumes = [...claims, ...kept];
}

/**
 * The pod for `ordinal` from `set`'s template (newStatefulSetPod): GetPodFromTemplate (generateName
 * `<set>-` stays, as on a real cluster), then name, identity, storage and the revision label.
 */
export function newStatefulSetPod(set: StatefulSet, ordinal: number, revisionName: string, controllerRef: OwnerReference): Pod {
  const template = set.spec.template ?? {};
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: podName(set, ordinal), generateName: `${set.metadata.name}-`, namespace: set.metadata.namespace ?? 'default', ownerReferences: [{ ...controllerRef }] },
    spec: clone(template.spec ?? {}),
  };
  if (meta.labels) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  setIdentity(set, pod);
  setStorage(set, pod);
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [REVISION_LABEL]: revisionName };
  return pod;
}

export function podRevision(pod: Pod): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}
