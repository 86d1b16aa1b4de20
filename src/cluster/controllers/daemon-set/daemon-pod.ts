/**
 * Which nodes a DaemonSet's pod belongs on, and the pod it makes for a node (k/k
 * pkg/controller/daemon/daemon_controller.go NodeShouldRunDaemonPod and pkg/controller/daemon/util):
 *
 * - the template gets the DaemonSet's automatic tolerations: not-ready and unreachable NoExecute (no
 *   seconds: a DaemonSet pod is never evicted for them), disk-, memory- and pid-pressure and
 *   unschedulable NoSchedule, and network-unavailable NoSchedule for host-network pods;
 * - a node qualifies when `spec.nodeName` (if set) names it, the nodeSelector and required node
 *   affinity match it, and no NoSchedule/NoExecute taint is left untolerated; a pod already there may
 *   keep running unless an untolerated NoExecute taint says otherwise;
 * - the pod's required node affinity becomes `matchFields metadata.name In [<node>]` so the scheduler
 *   places it there (ReplaceDaemonSetPodNodeNameNodeAffinity).
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ITaint } from 'kubernetes-models/v1/Taint';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { OwnerReference } from '../../api/types.ts';
import { clone } from '../../api/object-meta.ts';
import type { LabelSelectorLike } from '../../api/labels/selector.ts';
import { RequiredNodeAffinity } from '../../scheduler/framework/node-selector.ts';
import { doNotScheduleTaint, findMatchingUntoleratedTaint } from '../../scheduler/framework/taints.ts';
import type { KubeObject } from '../../api/types.ts';
import type { IntOrString, Pod, PodTemplateSpec } from '../replica-set/workload-types.ts';

/** apps.DefaultDaemonSetUniqueLabelKey. */
export const REVISION_HASH_LABEL = 'controller-revision-hash';
/** extensions.DaemonSetTemplateGenerationKey, set on pods when the DaemonSet carries the annotation below. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** The API server's record of the template generation (apps.DeprecatedTemplateGeneration). */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** util.GetTemplateGeneration: the annotation's value, if any. */
export function templateGeneration(ds: DaemonSet): string | undefined {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
}

export interface DaemonSet extends KubeObject {
  spec: {
    selector?: LabelSelectorLike;
    template?: PodTemplateSpec;
    updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } | null };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
  };
  status?: DaemonSetStatus;
}

export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  collisionCount?: number;
  conditions?: unknown[];
}

const auto = (key: string, effect: 'NoExecute' | 'NoSchedule'): IToleration => ({ key, operator: 'Exists', effect });

/** Adds the automatic tolerations a DaemonSet pod gets, unless an equal one is there (AddOrUpdateDaemonPodTolerations). */
export function withDaemonTolerations(spec: Record<string, unknown>): void {
  const list = ((spec.tolerations as IToleration[] | undefined) ?? []).map((t) => ({ ...t }));
  const want = [
    auto('node.kubernetes.io/not-ready', 'NoExecute'),
    auto('node.kubernetes.io/unreachable', 'NoExecute'),
    auto('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    auto('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    auto('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    auto('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (spec.hostNetwork === true) want.push(auto('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  for (const w of want) {
    // AddOrUpdateTolerationInPodSpec: a toleration with the same key and effect is replaced.
    const i = list.findIndex((t) => t.key === w.key && (t.effect ?? '') === w.effect);
    if (i >= 0) list[i] = w;
    else list.push(w);
  }
  spec.tolerations = list;
}

/** Replaces the required node affinity with `metadata.name In [node]`; preferred terms stay. */
export function pinToNode(spec: Record<string, unknown>, nodeName: string): void {
  const affinity = ((spec.affinity as Record<string, unknown> | undefined) ?? {}) as { nodeAffinity?: Record<string, unknown> };
  const nodeAffinity = { ...(affinity.nodeAffinity ?? {}) };
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
  spec.affinity = { ...affinity, nodeAffinity };
}

/** The node a daemon pod is on or is meant for (util.GetTargetNodeName). */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = (pod.spec as IPod['spec'])?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  return undefined;
}

/** shouldRun: a new pod belongs there; shouldContinueRunning: an existing one may stay. */
export function nodeShouldRunDaemonPod(node: INode, ds: DaemonSet): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const name = node.metadata?.name ?? '';
  const spec = clone(ds.spec.template?.spec ?? {}) as Record<string, unknown>;
  const fixed = spec.nodeName as string | undefined;
  if (fixed && fixed !== name) return { shouldRun: false, shouldContinueRunning: false };
  withDaemonTolerations(spec);
  const pod = { metadata: {}, spec } as unknown as IPod;
  if (!new RequiredNodeAffinity(pod).matches(node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = (node.spec?.taints ?? []) as ITaint[];
  const tolerations = spec.tolerations as IToleration[];
  if (findMatchingUntoleratedTaint(taints, tolerations, doNotScheduleTaint)) {
    const evicting = findMatchingUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute');
    return { shouldRun: false, shouldContinueRunning: !evicting };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/**
 * The pod for `nodeName` (syncNodes + GetPodFromTemplate): generateName `<ds>-`, the template's labels
 * plus `controller-revision-hash` and `pod-template-generation`, automatic tolerations, pinned affinity.
 */
export function newDaemonPod(ds: DaemonSet, template: PodTemplateSpec, nodeName: string, hash: string, ref: OwnerReference): Pod {
  const meta = template.metadata ?? {};
  const spec = clone(template.spec ?? {});
  withDaemonTolerations(spec);
  pinToNode(spec, nodeName);
  const labels: Record<string, string> = { ...(meta.labels ?? {}), [REVISION_HASH_LABEL]: hash };
  const generation = templateGeneration(ds);
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = generation;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: `${ds.metadata.name}-`, namespace: ds.metadata.namespace ?? 'default', labels, ownerReferences: [{ ...ref }] },
    spec,
  };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}

/** The pod runs the current template (util.IsPodUpdated): hash label, or the template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return (hash !== '' && labels[REVISION_HASH_LABEL] === hash) || (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation);
}
