/**
 * Priority (plugin/pkg/admission/priority): resolves a pod's priorityClassName to spec.priority and
 * spec.preemptionPolicy; a pod without one gets the global default class, or priority 0.
 */
import type { AdmissionPlugin } from './types.ts';
import { forbidden } from '../errors.ts';

export const NAME = 'Priority';

interface PriorityClassFields {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

export const priority = {
  name: NAME,
  admit(attrs, reader) {
    if (attrs.operation !== 'CREATE' || attrs.resource.kind !== 'Pod' || attrs.subresource || !attrs.object) return;
    const spec = (attrs.object.spec ?? {}) as { priorityClassName?: string; priority?: number; preemptionPolicy?: string };
    let value = 0;
    let policy = 'PreemptLowerPriority';
    if (spec.priorityClassName) {
      const pc = reader.get('scheduling.k8s.io', 'priorityclasses', undefined, spec.priorityClassName) as (PriorityClassFields & { metadata: unknown }) | undefined;
      if (!pc) throw forbidden(attrs.resource, attrs.name, `no PriorityClass with name ${spec.priorityClassName} was found`);
      value = pc.value ?? 0;
      policy = pc.preemptionPolicy ?? policy;
    } else {
      const def = reader
        .list('scheduling.k8s.io', 'priorityclasses')
        .map((o) => o as unknown as PriorityClassFields & { metadata: { name?: string; creationTimestamp?: string } })
        .filter((pc) => pc.globalDefault)
        .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
      if (def) {
        spec.priorityClassName = def.metadata.name;
        value = def.value ?? 0;
        policy = def.preemptionPolicy ?? policy;
      }
    }
    if (spec.priority !== undefined && spec.priority !== value) {
      throw forbidden(
        attrs.resource,
        attrs.name,
        `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`,
      );
    }
    spec.priority = value;
    if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = policy;
    attrs.object.spec = spec;
  },
} satisfies AdmissionPlugin;
