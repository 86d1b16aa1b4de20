/**
 * VolumeBinding, as far as claims go: every PersistentVolumeClaim the pod mounts must exist
 * (`persistentvolumeclaim "x" not found`, rejecting the pod at PreFilter) and not be terminating; an
 * unbound claim of an Immediate storage class makes the pod wait
 * (`pod has unbound immediate PersistentVolumeClaims`); WaitForFirstConsumer claims are left to be
 * provisioned once the pod has a node. PersistentVolume node affinity is not modelled.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ClusterEventWithHint } from '../../framework/events.ts';
import type { EnqueueExtensions, PreFilterPlugin, PreFilterResult } from '../../framework/interfaces.ts';
import type { PluginContext } from '../../framework/plugin-context.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { newStatus, SKIP, type MaybeStatus } from '../../framework/status.ts';
import * as names from '../../names.ts';

export const NAME = names.VolumeBinding;
export const ERR_UNBOUND_IMMEDIATE_PVC = 'pod has unbound immediate PersistentVolumeClaims';

/** Names of the claims a pod uses: persistentVolumeClaim volumes and generic ephemeral volumes. */
export function podClaimNames(pod: IPod): Array<{ name: string; ephemeral: boolean }> {
  const out: Array<{ name: string; ephemeral: boolean }> = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push({ name: v.persistentVolumeClaim.claimName, ephemeral: false });
    else if (v.ephemeral) out.push({ name: `${pod.metadata?.name ?? ''}-${v.name}`, ephemeral: true });
  }
  return out;
}

export class VolumeBinding implements PreFilterPlugin, EnqueueExtensions {
  readonly name = NAME;

  constructor(private readonly ctx: Pick<PluginContext, 'getPVC' | 'getStorageClass'>) {}

  preFilter(_state: CycleState, pod: PodInfo): { result?: PreFilterResult; status: MaybeStatus } {
    const claims = podClaimNames(pod.pod);
    if (claims.length === 0) return { status: SKIP };
    let unboundImmediate = false;
    for (const c of claims) {
      const pvc = this.ctx.getPVC(pod.namespace, c.name);
      if (!pvc) {
        const msg = c.ephemeral
          ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${c.name}"`
          : `persistentvolumeclaim "${c.name}" not found`;
        return { status: newStatus('UnschedulableAndUnresolvable', msg) };
      }
      if (pvc.metadata?.deletionTimestamp) {
        return { status: newStatus('UnschedulableAndUnresolvable', `persistentvolumeclaim "${c.name}" is being deleted`) };
      }
      if (pvc.spec?.volumeName) continue;
      const className = pvc.spec?.storageClassName ?? '';
      const mode = className ? this.ctx.getStorageClass(className)?.volumeBindingMode : undefined;
      if (mode !== 'WaitForFirstConsumer') unboundImmediate = true;
    }
    if (unboundImmediate) return { status: newStatus('UnschedulableAndUnresolvable', ERR_UNBOUND_IMMEDIATE_PVC) };
    return { status: null };
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      { event: { resource: 'PersistentVolumeClaim', actions: ['Add', 'Update'] } },
      { event: { resource: 'PersistentVolume', actions: ['Add', 'Update'] } },
      { event: { resource: 'StorageClass', actions: ['Add', 'Update'] } },
      { event: { resource: 'Node', actions: ['Add', 'UpdateNodeLabel'] } },
    ];
  }
}

new VolumeBinding({ getPVC: () => undefined, getStorageClass: () => undefined }) satisfies PreFilterPlugin & EnqueueExtensions;
