/**
 * persistentvolume-binder-controller (k/k pkg/controller/volume/persistentvolume/pv_controller.go), with
 * the in-cluster hostpath provisioner a minikube or kind cluster runs beside it.
 *
 * Claims: an unbound claim takes the best matching volume (volume-match.ts); failing that, a claim whose
 * class has a provisioner is handed to it (`volume.kubernetes.io/storage-provisioner`, event
 * `ExternalProvisioning`), and the hostpath provisioner creates `pvc-<uid>` pre-bound to it; a claim with
 * no class waits (`FailedBinding`); a claim of a missing class fails (`ProvisioningFailed`). Binding writes
 * the volume's `claimRef` and phase Bound, then the claim's `volumeName`, the `bind-completed` /
 * `bound-by-controller` annotations and phase Bound. A bound claim whose volume is gone is Lost.
 *
 * Volumes: Available when free or pre-bound to a claim not yet bound; Bound; Released when their claim
 * goes, then per reclaim policy: Delete removes a provisioned volume (a static one fails, as no plugin
 * can delete it), Retain keeps it Released.
 *
 * WaitForFirstConsumer: the real scheduler's VolumeBinding PreBind writes `volume.kubernetes.io/selected-node`
 * before binding the pod. The sandbox scheduler lets such pods through without it, so this controller
 * writes the annotation once a pod using the claim has a node, then provisions as usual.
 *
 * Level-based and idempotent: every write is skipped when the object already says it.
 */
import type { KubeObject } from '../../api/types.ts';
import { isApiError } from '../../api/errors.ts';
import { rfc3339 } from '../../sim/clock.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import type { Informer } from '../../client/informer.ts';
import { splitKey } from '../../client/informer.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { KindRef } from '../../client/client.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import { findMatchingVolume, refersToClaim } from './volume-match.ts';
import { provisionVolume, provisionedVolumeName } from './hostpath-provisioner.ts';
import { HOSTPATH_PROVISIONER } from './default-storage-class.ts';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  type ClaimObject,
  type StorageClassObject,
  type VolumeObject,
} from './volume-types.ts';

export const PERSISTENT_VOLUME_CONTROLLER = 'persistentvolume-binder-controller';
/** The name events carry as their source, as `kubectl describe pvc` shows it. */
export const EVENT_SOURCE = 'persistentvolume-controller';
/** Provisioners the sandbox runs in-cluster (any other provisioner is "not running": claims wait). */
export const IN_CLUSTER_PROVISIONERS: readonly string[] = [HOSTPATH_PROVISIONER, 'rancher.io/local-path'];

export const PVC: KindRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim' };
export const PV: KindRef = { apiVersion: 'v1', kind: 'PersistentVolume' };

export const MSG_WAIT_FOR_FIRST_CONSUMER = 'waiting for first consumer to be created before binding';
export const MSG_NO_CLASS = 'no persistent volumes available for this claim and no storage class is set';
export const MSG_CLAIM_LOST = 'Bound claim has lost its PersistentVolume. Data on the volume is lost!';

export function externalProvisioningMessage(provisioner: string): string {
  return `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
}

interface PodLike extends KubeObject {
  spec?: {
    nodeName?: string;
    volumes?: { persistentVolumeClaim?: { claimName: string }; ephemeral?: unknown; name: string }[];
  };
}

/** Claim names a pod mounts (persistentVolumeClaim volumes and generic ephemeral volumes). */
function podClaims(pod: PodLike): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push(v.persistentVolumeClaim.claimName);
    else if (v.ephemeral) out.push(`${pod.metadata.name ?? ''}-${v.name}`);
  }
  return out;
}

export class PersistentVolumeController extends Controller {
  readonly name = PERSISTENT_VOLUME_CONTROLLER;
  private claims!: Informer<ClaimObject>;
  private volumes!: Informer<VolumeObject>;
  private classes!: Informer<StorageClassObject>;
  private pods!: Informer<PodLike>;
  private readonly events: EventRecorder;
  private readonly provisionerEvents = new Map<string, EventRecorder>();

  constructor(ctx: ControllerContext) {
    super(ctx, PERSISTENT_VOLUME_CONTROLLER);
    this.events = new EventRecorder(ctx.api, { component: EVENT_SOURCE }, this.client.actor);
  }

  start(): void {
    this.claims = this.ctx.informers.get<ClaimObject>('', 'persistentvolumeclaims');
    this.volumes = this.ctx.informers.get<VolumeObject>('', 'persistentvolumes');
    this.classes = this.ctx.informers.get<StorageClassObject>('storage.k8s.io', 'storageclasses');
    this.pods = this.ctx.informers.pods<PodLike>();
    // Claim keys are `ns/name`, volume keys a bare name: one queue serves both.
    this.claims.addHandler({
      onAdd: (c) => this.enqueue(c),
      onUpdate: (_, c) => this.enqueue(c),
      onDelete: (c) => this.claimGone(c),
    });
    this.volumes.addHandler({
      onAdd: (v) => this.volumeChanged(v),
      onUpdate: (_, v) => this.volumeChanged(v),
      onDelete: (v) => this.volumeChanged(v),
    });
    this.classes.addHandler({ onAdd: () => this.enqueueUnbound(), onUpdate: () => this.enqueueUnbound() });
    this.pods.addHandler({ onAdd: (p) => this.podChanged(p), onUpdate: (_, p) => this.podChanged(p) });
  }

  private claimGone(c: ClaimObject): void {
    if (c.spec?.volumeName) this.queue.add(c.spec.volumeName);
    for (const v of this.volumes.list())
      if (refersToClaim(v.spec?.claimRef, c)) this.queue.add(v.metadata.name ?? '');
  }

  private volumeChanged(v: VolumeObject): void {
    this.queue.add(v.metadata.name ?? '');
    const ref = v.spec?.claimRef;
    if (ref?.name) this.queue.add(`${ref.namespace ?? 'default'}/${ref.name}`);
    // A free volume may be what a waiting claim needs (the real binder finds it on its 15 s resync).
    else if (v.status?.phase === 'Available') this.enqueueUnbound();
  }

  private enqueueUnbound(): void {
    for (const c of this.claims.list()) if (!c.spec?.volumeName) this.enqueue(c);
  }

  private podChanged(p: PodLike): void {
    if (!p.spec?.nodeName) return;
    for (const name of podClaims(p)) this.queue.add(`${p.metadata.namespace ?? 'default'}/${name}`);
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    try {
      if (namespace === undefined) this.syncVolume(name);
      else this.syncClaim(namespace, name);
    } catch (e) {
      // A stale cache lost a race with another writer: try again once the informer caught up.
      if (isApiError(e) && (e.code === 409 || e.code === 404)) return { requeueAfter: 100 };
      throw e;
    }
  }

  // ------------------------------------------------------------------ claims

  private syncClaim(namespace: string, name: string): void {
    const claim = this.claims.getByName(namespace, name);
    if (!claim || claim.metadata.deletionTimestamp) return;
    if (claim.spec?.volumeName) this.syncBoundClaim(claim, claim.spec.volumeName);
    else this.syncUnboundClaim(claim);
  }

  private classOf(claim: ClaimObject): StorageClassObject | undefined {
    const name = claimClass(claim);
    return name ? this.classes.getByName(undefined, name) : undefined;
  }

  private syncUnboundClaim(claim: ClaimObject): void {
    const sc = this.classOf(claim);
    const delayBinding = sc?.volumeBindingMode === 'WaitForFirstConsumer';
    let selectedNode = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    if (delayBinding && !selectedNode) {
      const consumer = this.pods
        .listIn(claim.metadata.namespace ?? 'default')
        .find((p) => p.spec?.nodeName && podClaims(p).includes(claim.metadata.name ?? ''));
      if (consumer?.spec?.nodeName) {
        selectedNode = consumer.spec.nodeName;
        claim = this.client.update({
          ...claim,
          metadata: {
            ...claim.metadata,
            annotations: { ...claim.metadata.annotations, [ANN_SELECTED_NODE]: selectedNode },
          },
        });
      }
    }
    const waitingForConsumer = delayBinding && !selectedNode;
    const volume = findMatchingVolume(claim, this.volumes.list(), waitingForConsumer);
    if (volume) {
      this.bind(volume, claim, true);
      return;
    }
    if (waitingForConsumer) {
      this.events.event(claim, 'Normal', 'WaitForFirstConsumer', MSG_WAIT_FOR_FIRST_CONSUMER);
      return;
    }
    const className = claimClass(claim);
    if (!className) {
      this.events.event(claim, 'Normal', 'FailedBinding', MSG_NO_CLASS);
      return;
    }
    if (!sc) {
      this.events.event(
        claim,
        'Warning',
        'ProvisioningFailed',
        `storageclass.storage.k8s.io "${className}" not found`,
      );
      return;
    }
    this.provision(claim, sc, selectedNode);
  }

  private provision(claim: ClaimObject, sc: StorageClassObject, selectedNode: string | undefined): void {
    const provisioner = sc.provisioner ?? '';
    const ann = claim.metadata.annotations ?? {};
    if (ann[ANN_STORAGE_PROVISIONER] !== provisioner || ann[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
      claim = this.client.update({
        ...claim,
        metadata: {
          ...claim.metadata,
          annotations: {
            ...ann,
            [ANN_STORAGE_PROVISIONER]: provisioner,
            [ANN_BETA_STORAGE_PROVISIONER]: provisioner,
          },
        },
      });
    }
    this.events.event(claim, 'Normal', 'ExternalProvisioning', externalProvisioningMessage(provisioner));
    if (!IN_CLUSTER_PROVISIONERS.includes(provisioner)) return; // nobody runs it: the claim waits, as it would
    if (this.volumes.getByName(undefined, provisionedVolumeName(claim))) return;
    const node = selectedNode ?? this.provisionerNode();
    const recorder = this.provisionerRecorder(provisioner, node);
    const ref = `${claim.metadata.namespace ?? 'default'}/${claim.metadata.name ?? ''}`;
    recorder.event(
      claim,
      'Normal',
      'Provisioning',
      `External provisioner is provisioning volume for claim "${ref}"`,
    );
    try {
      this.client.create(provisionVolume(claim, sc, node));
    } catch (e) {
      if (!(isApiError(e) && e.code === 409)) throw e;
    }
    recorder.event(
      claim,
      'Normal',
      'ProvisioningSucceeded',
      `Successfully provisioned volume ${provisionedVolumeName(claim)}`,
    );
  }

  /** Where minikube's provisioner pod runs: the control-plane node, else the first node. */
  private provisionerNode(): string {
    const nodes = this.ctx.informers.nodes().list();
    const head =
      nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ??
      nodes[0];
    return head?.metadata.name ?? 'minikube';
  }

  /** External provisioners sign events `<provisioner>_<node>_<instance>`. */
  private provisionerRecorder(provisioner: string, node: string): EventRecorder {
    let r = this.provisionerEvents.get(provisioner);
    if (!r) {
      const instance = this.ctx.rng.uuid();
      r = new EventRecorder(
        this.ctx.api,
        { component: `${provisioner}_${node}_${instance}` },
        { name: provisioner, component: 'kube-controller-manager' },
      );
      this.provisionerEvents.set(provisioner, r);
    }
    return r;
  }

  private syncBoundClaim(claim: ClaimObject, volumeName: string): void {
    const volume = this.volumes.getByName(undefined, volumeName);
    if (!volume) {
      if (claim.status?.phase === 'Bound') {
        this.setClaimPhase(claim, 'Lost');
        this.events.event(claim, 'Warning', 'ClaimLost', MSG_CLAIM_LOST);
      }
      return;
    }
    const ref = volume.spec?.claimRef;
    if (!ref || refersToClaim(ref, claim))
      this.bind(volume, claim, claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === 'yes');
    // A volume bound to another claim: this claim stays Pending, as the real binder leaves it.
  }

  /** Binds both sides; each write only when the object does not already say it. */
  private bind(volume: VolumeObject, claim: ClaimObject, byController: boolean): void {
    const name = volume.metadata.name ?? '';
    const ref = volume.spec?.claimRef;
    if (!ref || ref.uid !== claim.metadata.uid) {
      const annotations = { ...volume.metadata.annotations };
      if (!ref) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
      volume = this.client.update({
        ...volume,
        metadata: { ...volume.metadata, annotations },
        spec: {
          ...volume.spec,
          claimRef: {
            kind: 'PersistentVolumeClaim',
            namespace: claim.metadata.namespace ?? 'default',
            name: claim.metadata.name ?? '',
            uid: claim.metadata.uid ?? '',
            apiVersion: 'v1',
            resourceVersion: claim.metadata.resourceVersion ?? '',
          },
        },
      });
    }
    this.setVolumePhase(volume, 'Bound');
    const ann = claim.metadata.annotations ?? {};
    const wantAnn = {
      ...ann,
      [ANN_BIND_COMPLETED]: 'yes',
      ...(byController ? { [ANN_BOUND_BY_CONTROLLER]: 'yes' } : {}),
    };
    if (
      claim.spec?.volumeName !== name ||
      ann[ANN_BIND_COMPLETED] !== 'yes' ||
      (byController && ann[ANN_BOUND_BY_CONTROLLER] !== 'yes')
    ) {
      claim = this.client.update({
        ...claim,
        metadata: { ...claim.metadata, annotations: wantAnn },
        spec: { ...claim.spec, volumeName: name },
      });
    }
    if (claim.status?.phase !== 'Bound') {
      this.client.updateStatus({
        ...claim,
        status: {
          ...claim.status,
          phase: 'Bound',
          accessModes: [...(volume.spec?.accessModes ?? [])],
          capacity: { ...volume.spec?.capacity },
        },
      });
    }
  }

  private setClaimPhase(claim: ClaimObject, phase: string): void {
    if (claim.status?.phase === phase) return;
    this.client.updateStatus({ ...claim, status: { ...claim.status, phase } });
  }

  // ------------------------------------------------------------------ volumes

  private syncVolume(name: string): void {
    const volume = this.volumes.getByName(undefined, name);
    if (!volume || volume.metadata.deletionTimestamp) return;
    const ref = volume.spec?.claimRef;
    if (!ref?.name) {
      this.setVolumePhase(volume, 'Available');
      return;
    }
    const claim = this.claims.getByName(ref.namespace ?? 'default', ref.name);
    if (claim && (!ref.uid || ref.uid === claim.metadata.uid)) {
      // Bound when the claim says so; pre-bound and waiting for the claim's side otherwise.
      this.setVolumePhase(volume, claim.spec?.volumeName === name ? 'Bound' : 'Available');
      if (claim.spec?.volumeName !== name) this.enqueue(claim);
      return;
    }
    if (!ref.uid) {
      // Pre-bound by a person to a claim that does not exist yet.
      this.setVolumePhase(volume, 'Available');
      return;
    }
    this.reclaim(volume);
  }

  private reclaim(volume: VolumeObject): void {
    const policy = volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
    if (volume.status?.phase === 'Failed') return;
    if (volume.status?.phase !== 'Released') volume = this.setVolumePhase(volume, 'Released');
    if (policy !== 'Delete') return;
    const provisioner = volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
    if (provisioner && IN_CLUSTER_PROVISIONERS.includes(provisioner)) {
      this.client.delete(PV, undefined, volume.metadata.name ?? '');
      return;
    }
    if (provisioner) return; // an external provisioner nobody runs: stays Released, as it would
    const message = `error getting deleter volume plugin for volume "${volume.metadata.name ?? ''}": no deletable volume plugin matched`;
    this.client.updateStatus({
      ...volume,
      status: {
        ...volume.status,
        phase: 'Failed',
        message,
        lastPhaseTransitionTime: rfc3339(this.ctx.clock.now()),
      },
    });
    this.events.event(volume, 'Warning', 'VolumeFailedDelete', 'no deletable volume plugin matched');
  }

  private setVolumePhase(volume: VolumeObject, phase: string): VolumeObject {
    if (volume.status?.phase === phase) return volume;
    return this.client.updateStatus({
      ...volume,
      status: { phase, lastPhaseTransitionTime: rfc3339(this.ctx.clock.now()) },
    });
  }
}
