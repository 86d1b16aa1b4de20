/**
 * ValidatePodSpec and ValidatePodTemplateSpec (k/k pkg/apis/core/validation): volumes, containers, restart
 * and DNS policy, node selector, tolerations and the scalar fields, in the order Kubernetes checks them so
 * a multi-error message lists its errors in the same order.
 */
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { inclusiveRangeError } from '../validation/messages.ts';
import { isValidLabelValue, validateAnnotations, validateLabelName, validateLabels } from '../validation/labels.ts';
import { validateContainers, validateInitContainers } from './container-validation.ts';
import { dns1123Label, dns1123Subdomain } from './field-rules.ts';
import { goLiteral } from './go-values.ts';
import { volumeSources } from './pod-defaults.ts';
import type { PodSpec, PodTemplateSpec, Toleration, Volume } from './pod-types.ts';
import { goQuote } from '../validation/go-format.ts';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

/** Fields each volume source needs (a few common ones; the rest pass). */
const SOURCE_REQUIRED: Readonly<Record<string, string>> = {
  configMap: 'name',
  secret: 'secretName',
  persistentVolumeClaim: 'claimName',
  hostPath: 'path',
  nfs: 'server',
};

function validateVolume(v: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const sources = volumeSources(v);
  if (sources.length === 0) errs.push(required(path, 'must specify a volume type'));
  else if (sources.length > 1) errs.push(forbidden(`${path}.${sources[1]}`, 'may not specify more than 1 volume type'));
  for (const s of sources) {
    const need = SOURCE_REQUIRED[s];
    const src = v[s] as Record<string, unknown> | undefined;
    if (need && src && !src[need]) errs.push(required(`${path}.${s}.${need}`, ''));
  }
  if (!v.name) errs.push(required(`${path}.name`, ''));
  else errs.push(...dns1123Label(v.name, `${path}.name`));
  return errs;
}

/** ValidateVolumes: returns the names of the valid volumes (mounts may only refer to those). */
function validateVolumes(volumes: readonly Volume[] | undefined, path: string, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el = validateVolume(v, p);
    if (v.name && names.has(v.name)) el.push(duplicate(`${p}.name`, v.name));
    if (el.length === 0) names.add(v.name ?? '');
    else errs.push(...el);
  });
  return names;
}

function goToleration(t: Toleration): string {
  const secs = t.tolerationSeconds === undefined ? '(*int64)(nil)' : `(*int64)(${t.tolerationSeconds})`;
  return `core.Toleration{Key:${goQuote(t.key ?? '')}, Operator:${goQuote(t.operator ?? '')}, Value:${goQuote(t.value ?? '')}, Effect:${goQuote(t.effect ?? '')}, TolerationSeconds:${secs}}`;
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: readonly Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.key) errs.push(...validateLabelName(t.key, `${p}.key`));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(invalid(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(invalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length > 0) errs.push(invalid(`${p}.operator`, t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value) errs.push(invalid(`${p}.operator`, goLiteral(goToleration(t)), "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(`${p}.operator`, t.operator ?? '', ['Equal', 'Exists']));
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
  });
  return errs;
}

function policy(value: string | undefined, path: string, supported: readonly string[]): FieldError[] {
  if (!value) return [required(path, '')];
  return supported.includes(value) ? [] : [notSupported(path, value, supported)];
}

/**
 * ValidatePodSpec at `path` (`spec` for a Pod, `spec.template.spec` for a workload). `extraVolumes` are
 * names mounts may refer to besides spec.volumes (a StatefulSet's volumeClaimTemplates).
 */
export function validatePodSpec(spec: PodSpec | undefined, path: string, extraVolumes: readonly string[] = []): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const volumes = validateVolumes(s.volumes, `${path}.volumes`, errs);
  for (const v of extraVolumes) volumes.add(v);
  errs.push(...validateContainers(s.containers, volumes, `${path}.containers`));
  errs.push(...validateInitContainers(s.initContainers, s.containers ?? [], volumes, `${path}.initContainers`));
  errs.push(...policy(s.restartPolicy, `${path}.restartPolicy`, RESTART_POLICIES));
  errs.push(...policy(s.dnsPolicy, `${path}.dnsPolicy`, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  if (s.serviceAccountName) errs.push(...dns1123Subdomain(s.serviceAccountName, `${path}.serviceAccountName`));
  if (s.nodeName) errs.push(...dns1123Subdomain(s.nodeName, `${path}.nodeName`));
  if (s.activeDeadlineSeconds !== undefined && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  }
  if (s.hostname) errs.push(...dns1123Label(s.hostname, `${path}.hostname`));
  if (s.subdomain) errs.push(...dns1123Label(s.subdomain, `${path}.subdomain`));
  errs.push(...validateTolerations(s.tolerations, `${path}.tolerations`));
  if (s.priorityClassName) errs.push(...dns1123Subdomain(s.priorityClassName, `${path}.priorityClassName`));
  (s.schedulingGates ?? []).forEach((g, i) => {
    if (!g.name) errs.push(required(`${path}.schedulingGates[${i}].name`, ''));
  });
  return errs;
}

/**
 * ValidatePodTemplateSpec at `path` (e.g. `spec.template`). Template labels are reported under
 * `<path>.labels` (not `.metadata.labels`), as Kubernetes does.
 */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string, extraVolumes: readonly string[] = []): FieldError[] {
  if (!template) return [required(path, '')];
  const errs = validateLabels(template.metadata?.labels, `${path}.labels`);
  errs.push(...validateAnnotations(template.metadata?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(template.spec, `${path}.spec`, extraVolumes));
  if ((template.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
