/**
 * ValidatePodUpdate (k/k pkg/apis/core/validation): a pod's spec is immutable except container images,
 * activeDeadlineSeconds (only shortened), added tolerations (existing ones may only change
 * tolerationSeconds), removed scheduling gates, and terminationGracePeriodSeconds from negative to 1.
 *
 * Anything else is one `spec: Forbidden: pod updates may not change fields other than ...` error followed
 * by a diff. Go prints a go-cmp diff of the internal PodSpec; ours lists the changed top-level fields in
 * the same `- \tField: old` / `+ \tField: new` shape with JSON values, which reads alike but is not
 * byte-identical past the first line.
 */
import { forbidden, invalid, required, type FieldError } from '../validation/field-error.ts';
import { sameJson } from './field-rules.ts';
import type { Container, PodSpec, Toleration } from './pod-types.ts';
import { validatePodSpec, validateTolerations } from './pod-spec-validation.ts';

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const MAX_INT32 = 2147483647;

function containerUpdates(next: readonly Container[], old: readonly Container[], path: string): { errs: FieldError[]; stop: boolean } {
  if (next.length !== old.length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  next.forEach((c, i) => {
    if (!c.image) errs.push(required(`${path}[${i}].image`, ''));
    if (c.image && c.image.trim() !== c.image) errs.push(invalid(`${path}[${i}].image`, c.image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function onlyAddedTolerations(next: readonly Toleration[], old: readonly Toleration[], path: string): FieldError[] {
  for (const o of old) {
    const found = next.some((n) => sameJson({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

const GO_FIELD_NAMES: Readonly<Record<string, string>> = {
  dnsPolicy: 'DNSPolicy',
  dnsConfig: 'DNSConfig',
  hostPID: 'HostPID',
  hostIPC: 'HostIPC',
  serviceAccount: 'DeprecatedServiceAccount',
  os: 'OS',
};

function goFieldName(field: string): string {
  return GO_FIELD_NAMES[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
}

/** The diff printed under the forbidden message (see the file comment). */
export function podSpecDiff(next: PodSpec, old: PodSpec): string {
  const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const changed = fields.filter((f) => !sameJson(next[f], old[f]));
  const lines = ['  core.PodSpec{'];
  const identical = fields.length - changed.length;
  if (identical > 0) lines.push(`  \t... // ${identical} identical fields`);
  for (const f of changed) {
    if (old[f] !== undefined) lines.push(`- \t${goFieldName(f)}: ${JSON.stringify(old[f])},`);
    if (next[f] !== undefined) lines.push(`+ \t${goFieldName(f)}: ${JSON.stringify(next[f])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}

/** Field errors of a pod spec update (the new spec's own rules included). */
export function validatePodUpdate(nextSpec: PodSpec | undefined, oldSpec: PodSpec | undefined): FieldError[] {
  const next = nextSpec ?? {};
  const old = oldSpec ?? {};
  const errs = validatePodSpec(next, 'spec');
  const containers = containerUpdates(next.containers ?? [], old.containers ?? [], 'spec.containers');
  errs.push(...containers.errs);
  if (containers.stop) return errs;
  const inits = containerUpdates(next.initContainers ?? [], old.initContainers ?? [], 'spec.initContainers');
  errs.push(...inits.errs);
  if (inits.stop) return errs;

  if (next.activeDeadlineSeconds !== undefined) {
    const v = next.activeDeadlineSeconds;
    if (v < 0 || v > MAX_INT32) return [...errs, invalid('spec.activeDeadlineSeconds', v, `must be between 0 and ${MAX_INT32}, inclusive`)];
    if (old.activeDeadlineSeconds !== undefined && old.activeDeadlineSeconds < v) {
      return [...errs, invalid('spec.activeDeadlineSeconds', v, 'must be less than or equal to previous value')];
    }
  } else if (old.activeDeadlineSeconds !== undefined) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...onlyAddedTolerations(next.tolerations ?? [], old.tolerations ?? [], 'spec.tolerations'));
  const oldGates = (old.schedulingGates ?? []).map((g) => g.name);
  for (const g of next.schedulingGates ?? []) {
    if (!oldGates.includes(g.name)) {
      errs.push(forbidden('spec.schedulingGates', 'only deletion is allowed, but found new scheduling gate ' + JSON.stringify(g.name ?? '')));
      break;
    }
  }
  if (sameJson(next, old)) return errs;

  // Munge the fields an update may change back to the old values, then compare what is left.
  const munged: PodSpec = structuredClone(next);
  const withOldImage = (cs: Container[] | undefined, olds: Container[] | undefined) =>
    cs?.map((c, i) => ({ ...c, image: olds?.[i]?.image }));
  if (munged.containers) munged.containers = withOldImage(munged.containers, old.containers);
  if (munged.initContainers) munged.initContainers = withOldImage(munged.initContainers, old.initContainers);
  munged.activeDeadlineSeconds = old.activeDeadlineSeconds;
  munged.tolerations = old.tolerations;
  munged.schedulingGates = old.schedulingGates;
  if ((old.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = old.terminationGracePeriodSeconds;
  }
  if (!sameJson(munged, old)) errs.push(forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${podSpecDiff(munged, old)}`));
  return errs;
}
