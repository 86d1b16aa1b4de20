/**
 * What the StatefulSet controller does to pods and claims, with the events Kubernetes records
 * (k/k pkg/controller/statefulset/stateful_pod_control.go): claims first, then the pod;
 * `SuccessfulCreate` `create Claim www-web-0 Pod web-0 in StatefulSet web success`,
 * `SuccessfulCreate` `create Pod web-0 in StatefulSet web successful`,
 * `SuccessfulDelete` `delete Pod web-2 in StatefulSet web successful`, and Warning `Failed<Verb>`
 * `<verb> Pod <pod> in StatefulSet <set> failed error: <err>` when the API refuses.
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { clone, jsonEqual } from '../../api/object-meta.ts';
import { isApiError } from '../../api/errors.ts';
import { POD, type Client, type KindRef } from '../../client/client.ts';
import type { EventRecorder } from '../../client/event-recorder.ts';
import type { Informer } from '../../client/informer.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { claimsFor, inOrdinalRange, ordinalOf, setIdentity, setStorage, type PersistentVolumeClaim, type StatefulSet } from './stateful-pod.ts';

export const PVC: KindRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim' };

function errText(e: unknown): string {
  return isApiError(e) ? (e.status.message ?? e.message) : e instanceof Error ? e.message : String(e);
}

function refTo(obj: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: obj.metadata.name ?? '', uid: obj.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/**
 * The owner references a claim should carry under the set's persistentVolumeClaimRetentionPolicy
 * (updateClaimOwnerRefForSetAndPod): WhenDeleted=Delete makes the set an owner (so deleting the set
 * deletes the claim) unless the pod was scaled away and WhenScaled=Delete, which makes the pod the
 * owner instead (so the claim goes with the condemned pod). Retain/Retain leaves the claim alone.
 */
export function desiredClaimRefs(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod | undefined): OwnerReference[] | undefined {
  const refs = claim.metadata.ownerReferences ?? [];
  const kept = refs.filter((r) => r.uid !== set.metadata.uid && !(pod?.metadata.uid && r.uid === pod.metadata.uid));
  const policy = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
  const deleteOnScale = policy.whenScaled === 'Delete';
  const deleteOnDelete = policy.whenDeleted === 'Delete';
  const scaledDown = pod ? !inOrdinalRange(set, ordinalOf(pod)) : false;
  // Another controller owning the claim: leave it to that owner, as upstream does.
  if (kept.some((r) => r.controller)) return kept.length ? kept : undefined;
  if (deleteOnScale && scaledDown && pod?.metadata.uid) kept.push(refTo(pod, 'v1', 'Pod'));
  else if (deleteOnDelete && !(deleteOnScale && scaledDown)) kept.push(refTo(set, 'apps/v1', 'StatefulSet'));
  return kept.length ? kept : undefined;
}

export class StatefulPodControl {
  constructor(
    private readonly client: Client,
    private readonly recorder: EventRecorder,
    private readonly pvcs: Informer<PersistentVolumeClaim>,
  ) {}

  private podEvent(verb: string, set: StatefulSet, pod: Pod, err?: unknown): void {
    const Verb = verb[0]!.toUpperCase() + verb.slice(1);
    if (err === undefined) this.recorder.event(set, 'Normal', `Successful${Verb}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
    else this.recorder.event(set, 'Warning', `Failed${Verb}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${errText(err)}`);
  }

  private claimEvent(set: StatefulSet, pod: Pod, claim: string, err?: unknown): void {
    if (err === undefined) this.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
    else this.recorder.event(set, 'Warning', 'FailedCreate', `create Claim ${claim} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${errText(err)}`);
  }

  /** Creates the claims the pod needs that do not exist yet (createPersistentVolumeClaims). */
  createMissingClaims(set: StatefulSet, pod: Pod): void {
    const errors: string[] = [];
    for (const claim of claimsFor(set, ordinalOf(pod)).values()) {
      const name = claim.metadata.name ?? '';
      const existing = this.pvcs.getByName(claim.metadata.namespace, name);
      if (existing) {
        if (existing.metadata.deletionTimestamp) errors.push(`pvc ${name} is being deleted`);
        continue;
      }
      const refs = desiredClaimRefs(claim, set, pod);
      if (refs) claim.metadata.ownerReferences = refs;
      try {
        this.client.create(claim);
        this.claimEvent(set, pod, name);
      } catch (e) {
        if (isApiError(e) && e.code === 409) continue;
        this.claimEvent(set, pod, name, e);
        errors.push(`failed to create PVC ${name}: ${errText(e)}`);
      }
    }
    if (errors.length > 0) throw new Error(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  }

  /** Claims first, then the pod (CreateStatefulPod); an already existing pod is no error and no event. */
  createPod(set: StatefulSet, pod: Pod): void {
    try {
      this.createMissingClaims(set, pod);
    } catch (e) {
      this.podEvent('create', set, pod, e);
      throw e;
    }
    try {
      this.client.create(pod);
    } catch (e) {
      if (isApiError(e) && e.code === 409) return;
      this.podEvent('create', set, pod, e);
      throw e;
    }
    this.podEvent('create', set, pod);
  }

  /** Restores the pod's identity and storage (UpdateStatefulPod). */
  updatePod(set: StatefulSet, pod: Pod): void {
    const next = clone(pod);
    setIdentity(set, next);
    setStorage(set, next);
    this.createMissingClaims(set, next);
    try {
      this.client.update(next);
    } catch (e) {
      this.podEvent('update', set, pod, e);
      throw e;
    }
    this.podEvent('update', set, pod);
  }

  /** Deletes the pod (its claims stay); false when it was already gone. */
  deletePod(set: StatefulSet, pod: Pod): boolean {
    let res: KubeObject | undefined;
    try {
      res = this.client.delete(POD, pod.metadata.namespace, pod.metadata.name ?? '');
    } catch (e) {
      this.podEvent('delete', set, pod, e);
      throw e;
    }
    if (res) this.podEvent('delete', set, pod);
    return !!res;
  }

  /** Brings the pod's claims' owner references in line with the retention policy. */
  syncClaimOwners(set: StatefulSet, pod: Pod): void {
    for (const want of claimsFor(set, ordinalOf(pod)).values()) {
      const claim = this.pvcs.getByName(want.metadata.namespace, want.metadata.name ?? '');
      if (!claim || claim.metadata.deletionTimestamp) continue;
      const refs = desiredClaimRefs(claim, set, pod);
      if (jsonEqual(refs ?? [], claim.metadata.ownerReferences ?? [])) continue;
      const next = clone(claim);
      if (refs) next.metadata.ownerReferences = refs;
      else delete next.metadata.ownerReferences;
      try {
        this.client.update(next);
      } catch (e) {
        if (!(isApiError(e) && (e.code === 404 || e.code === 409))) throw e;
      }
    }
  }
}
