/**
 * core/v1 defaulting of pods and pod templates (k/k pkg/apis/core/v1/defaults.go SetDefaults_PodSpec,
 * SetDefaults_Pod, SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_Volume,
 * ...). Every function fills unset fields only, mutates its argument and is idempotent, so it can run on
 * create, update and patch alike.
 */
import type { Container, Handler, PodSpec, PodTemplateSpec, Probe, Volume } from './pod-types.ts';

/** The file mode secret, configMap, downwardAPI and projected volumes get (0644). */
const DEFAULT_MODE = 420;

/**
 * The tag Kubernetes' image-name parser reports (k/k pkg/util/parsers ParseImageName): the explicit tag,
 * `latest` when there is neither tag nor digest, and '' for a name the docker reference grammar rejects.
 */
export function imageTag(image: string): string {
  if (!image || image !== image.trim()) return '';
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const hasDigest = at >= 0;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > lastSlash ? name.slice(colon + 1) : '';
  const repo = colon > lastSlash ? name.slice(0, colon) : name;
  // The path part of a reference must be lower case (the registry host may not be).
  const path = repo.includes('/') && /[.:]|^localhost$/.test(repo.slice(0, repo.indexOf('/'))) ? repo.slice(repo.indexOf('/') + 1) : repo;
  if (!path || /[A-Z]/.test(path) || !/^[a-z0-9._/-]+$/.test(path)) return '';
  if (tag && !/^[\w][\w.-]{0,127}$/.test(tag)) return '';
  if (!tag && !hasDigest) return 'latest';
  return tag;
}

/** `Always` for `:latest` or an untagged image, else `IfNotPresent` (SetDefaults_Container). */
export function defaultPullPolicy(image: string | undefined): string {
  return imageTag(image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultHandler(h: Handler | undefined): void {
  if (!h) return;
  if (h.httpGet) {
    if (!h.httpGet.path) h.httpGet.path = '/';
    if (!h.httpGet.scheme) h.httpGet.scheme = 'HTTP';
  }
  // GRPCAction.service carries `+default=""`.
  if (h.grpc && h.grpc.service === undefined) h.grpc.service = '';
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHandler(p);
}

/** SetDefaults_Container and the defaults of what a container holds (ports, env, probes, handlers). */
export function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  // ResourceRequirements is a struct in Go: it always serializes, as `resources: {}` when empty.
  if (c.resources === undefined || c.resources === null) c.resources = {};
  for (const p of c.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    if (from?.fieldRef && !from.fieldRef.apiVersion) from.fieldRef.apiVersion = 'v1';
    if (from?.resourceFieldRef && from.resourceFieldRef.divisor === undefined) from.resourceFieldRef.divisor = '0';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
}

type Items = { items?: { fieldRef?: { apiVersion?: string }; resourceFieldRef?: { divisor?: string | number } }[] };

function defaultDownwardItems(src: Items | undefined): void {
  for (const item of src?.items ?? []) {
    if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
    if (item.resourceFieldRef && item.resourceFieldRef.divisor === undefined) item.resourceFieldRef.divisor = '0';
  }
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
] as const;

/** The volume source fields a volume sets. */
export function volumeSources(v: Volume): string[] {
  return VOLUME_SOURCES.filter((k) => v[k] !== undefined && v[k] !== null);
}

/** SetDefaults_Volume and the per-source defaults. */
export function defaultVolume(v: Volume): void {
  if (volumeSources(v).length === 0) v.emptyDir = {};
  const modeful = ['secret', 'configMap', 'downwardAPI', 'projected'] as const;
  for (const k of modeful) {
    const src = v[k] as { defaultMode?: number } | undefined;
    if (src && typeof src === 'object' && src.defaultMode === undefined) src.defaultMode = DEFAULT_MODE;
  }
  const hostPath = v.hostPath as { type?: string } | undefined;
  if (hostPath && typeof hostPath === 'object' && hostPath.type === undefined) hostPath.type = '';
  defaultDownwardItems(v.downwardAPI as Items | undefined);
  const projected = v.projected as { sources?: { downwardAPI?: Items; serviceAccountToken?: { expirationSeconds?: number } }[] } | undefined;
  for (const s of projected?.sources ?? []) {
    defaultDownwardItems(s.downwardAPI);
    if (s.serviceAccountToken && s.serviceAccountToken.expirationSeconds === undefined) s.serviceAccountToken.expirationSeconds = 3600;
  }
}

/** SetDefaults_PodSpec (pods and templates alike). */
export function defaultPodSpec(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (spec.securityContext === undefined || spec.securityContext === null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/**
 * SetDefaults_Pod on top of the spec defaults: requests default to limits where unset (only for Pods, never
 * templates, so a template's hash stays the user's), and with hostNetwork each hostPort to its containerPort.
 */
export function defaultPodOnlySpec(spec: PodSpec): void {
  defaultPodSpec(spec);
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const limits = c.resources?.limits;
    if (limits && c.resources) {
      const requests = (c.resources.requests ??= {});
      for (const [name, value] of Object.entries(limits)) if (requests[name] === undefined) requests[name] = value;
    }
    if (spec.hostNetwork) {
      for (const p of c.ports ?? []) if (!p.hostPort && p.containerPort) p.hostPort = p.containerPort;
    }
  }
}

/** Defaults a pod template of a workload (Deployment, Job, ...): its spec as SetDefaults_PodSpec does. */
export function defaultPodTemplate(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  template.spec ??= {};
  defaultPodSpec(template.spec);
}
