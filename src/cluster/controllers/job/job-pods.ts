/**
 * What the Job controller asks of a pod: is it failed in the Job's eyes, does it carry the tracking
 * finalizer, which completion index is it, and the pod the Job's template makes (with the finalizer,
 * and for Indexed Jobs the index annotation, label, env variable and hostname).
 */
import { clone } from '../../api/object-meta.ts';
import type { OwnerReference } from '../../api/types.ts';
import { podFromTemplate } from '../replica-set/pod-utils.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { completionIndexOf } from './completed-indexes.ts';
import { JOB_COMPLETION_INDEX, JOB_COMPLETION_INDEX_ENV, JOB_TRACKING_FINALIZER, type Job } from './job-types.ts';

/** Only pods in phase Failed are replaced (podReplacementPolicy Failed, set with a podFailurePolicy). */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || !!job.spec.podFailurePolicy;
}

/**
 * Failed for the Job's counting (isPodFailed): phase Failed, or — unless only failed pods are replaced —
 * deleted before succeeding, so orphaned and evicted pods count too.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

export function hasTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** Being deleted but not finished (controller.CountTerminatingPods). */
export function isPodTerminating(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

export function podIndex(pod: Pod): number | undefined {
  return completionIndexOf(pod.metadata.annotations, JOB_COMPLETION_INDEX);
}

interface ContainerLike {
  env?: { name: string; [k: string]: unknown }[];
  [k: string]: unknown;
}

/** The pod to create for `job`, at completion `index` for Indexed Jobs. */
export function jobPod(job: Job, ref: OwnerReference, index?: number): Pod {
  const name = job.metadata.name ?? '';
  const template = clone(job.spec.template ?? {});
  const pod = podFromTemplate(template, job.metadata.namespace ?? 'default', name, ref);
  const fins = pod.metadata.finalizers ?? [];
  if (!fins.includes(JOB_TRACKING_FINALIZER)) pod.metadata.finalizers = [...fins, JOB_TRACKING_FINALIZER];
  if (index === undefined) return pod;
  const spec = (pod.spec ??= {}) as { hostname?: string; containers?: ContainerLike[]; initContainers?: ContainerLike[] };
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const env = (c.env ??= []);
    if (env.some((e) => e.name === JOB_COMPLETION_INDEX_ENV)) continue;
    env.push({ name: JOB_COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } } });
  }
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [JOB_COMPLETION_INDEX]: String(index) };
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [JOB_COMPLETION_INDEX]: String(index) };
  spec.hostname = `${name}-${index}`;
  // podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the whole fits 58 characters.
  const suffix = `-${index}-`;
  pod.metadata.generateName = `${name.slice(0, Math.max(0, 58 - suffix.length))}${suffix}`;
  return pod;
}
