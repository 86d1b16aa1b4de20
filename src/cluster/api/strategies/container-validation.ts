/**
 * Validation of a pod's containers (k/k pkg/apis/core/validation validateContainers,
 * validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateEnv, ValidateVolumeMounts,
 * validateProbe, validatePullPolicy). Paths and messages are Kubernetes' own.
 */
import { duplicate, forbidden, invalid, notFound, notSupported, required, type FieldError } from '../validation/field-error.ts';
import { regexError } from '../validation/messages.ts';
import { configMapKeyErrors } from './config-key.ts';
import { nonNegative, portNameErrors, portNumErrors, portNumOrName, requiredLabelName } from './field-rules.ts';
import type { Container, EnvVar, Handler, Probe } from './pod-types.ts';
import { validateResourceRequirements } from './resources-validation.ts';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const ENV_FIELD_PATHS = [
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
const ENV_NAME_RE = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function envNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!ENV_NAME_RE.test(name)) {
    errs.push(regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", '[-._a-zA-Z][-._a-zA-Z0-9]*', 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  }
  if (name === '.') errs.push("must not be '.'");
  else if (name === '..') errs.push("must not be '..'");
  else if (name.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function keySelector(sel: { name?: string; key?: string }, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!sel.name) errs.push(required(`${path}.name`, ''));
  if (!sel.key) errs.push(required(`${path}.key`, ''));
  else errs.push(...configMapKeyErrors(sel.key).map((m) => invalid(`${path}.key`, sel.key ?? '', m)));
  return errs;
}

function validateEnvVar(ev: EnvVar, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!ev.name) errs.push(required(`${path}.name`, ''));
  else errs.push(...envNameErrors(ev.name).map((m) => invalid(`${path}.name`, ev.name ?? '', m)));
  const from = ev.valueFrom;
  if (!from) return errs;
  const fromPath = `${path}.valueFrom`;
  const sources = (['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'] as const).filter((k) => from[k]);
  if (from.fieldRef) {
    const fp = from.fieldRef.fieldPath;
    if (!fp) errs.push(required(`${fromPath}.fieldRef.fieldPath`, ''));
    else if (!ENV_FIELD_PATHS.includes(fp) && !/^metadata\.(labels|annotations)\['[^']+'\]$/.test(fp)) {
      errs.push(notSupported(`${fromPath}.fieldRef.fieldPath`, fp, ENV_FIELD_PATHS));
    }
  }
  if (from.resourceFieldRef && !from.resourceFieldRef.resource) errs.push(required(`${fromPath}.resourceFieldRef.resource`, ''));
  if (from.configMapKeyRef) errs.push(...keySelector(from.configMapKeyRef, `${fromPath}.configMapKeyRef`));
  if (from.secretKeyRef) errs.push(...keySelector(from.secretKeyRef, `${fromPath}.secretKeyRef`));
  if (sources.length === 0) errs.push(invalid(fromPath, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (ev.value) errs.push(invalid(fromPath, '', 'may not be specified when `value` is not empty'));
  else if (sources.length > 1) errs.push(invalid(fromPath, '', 'may not have more than one field specified at a time'));
  return errs;
}

function validateHandler(h: Handler, path: string): FieldError[] {
  const kinds = (['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const).filter((k) => h[k]);
  if (kinds.length === 0) return [required(path, 'must specify a handler type')];
  if (kinds.length > 1) return [forbidden(`${path}.${kinds[1]}`, 'may not specify more than 1 handler type')];
  const errs: FieldError[] = [];
  if (h.exec && !(h.exec.command?.length)) errs.push(required(`${path}.exec.command`, ''));
  if (h.httpGet) {
    const p = `${path}.httpGet`;
    if (!h.httpGet.path) errs.push(required(`${p}.path`, ''));
    errs.push(...portNumOrName(h.httpGet.port, `${p}.port`));
    if (h.httpGet.scheme && !['HTTP', 'HTTPS'].includes(h.httpGet.scheme)) errs.push(notSupported(`${p}.scheme`, h.httpGet.scheme, ['HTTP', 'HTTPS']));
  }
  if (h.tcpSocket) errs.push(...portNumOrName(h.tcpSocket.port, `${path}.tcpSocket.port`));
  if (h.grpc) errs.push(...portNumErrors(h.grpc.port ?? 0).map((m) => invalid(`${path}.grpc.port`, h.grpc?.port ?? 0, m)));
  return errs;
}

function validateProbe(p: Probe | undefined, path: string, mustSucceedOnce: boolean): FieldError[] {
  if (!p) return [];
  const errs = validateHandler(p, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...nonNegative(p[f], `${path}.${f}`));
  }
  if (p.terminationGracePeriodSeconds !== undefined && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (mustSucceedOnce && p.successThreshold !== undefined && p.successThreshold !== 1) {
    errs.push(invalid(`${path}.successThreshold`, p.successThreshold, 'must be 1'));
  }
  return errs;
}

function validatePorts(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (c.ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = portNameErrors(port.name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(`${p}.name`, port.name ?? '', m)));
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(`${p}.containerPort`, ''));
    else errs.push(...portNumErrors(port.containerPort).map((m) => invalid(`${p}.containerPort`, port.containerPort ?? 0, m)));
    if (port.hostPort) errs.push(...portNumErrors(port.hostPort).map((m) => invalid(`${p}.hostPort`, port.hostPort ?? 0, m)));
    if (!port.protocol) errs.push(required(`${p}.protocol`, ''));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateVolumeMounts(c: Container, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.name) errs.push(required(`${p}.name`, ''));
    if (!volumes.has(m.name ?? '')) errs.push(notFound(`${p}.name`, m.name ?? ''));
    if (!m.mountPath) errs.push(required(`${p}.mountPath`, ''));
    if (m.mountPath && mountPoints.has(m.mountPath)) errs.push(invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    if (m.mountPath) mountPoints.add(m.mountPath);
    if (m.subPath && (m.subPath.startsWith('/') || m.subPath.split('/').includes('..'))) {
      errs.push(invalid(`${p}.subPath`, m.subPath, m.subPath.startsWith('/') ? 'must be a relative path' : "must not contain '..'"));
    }
  });
  return errs;
}

/** validateContainerCommon: what every kind of container must satisfy. */
function validateContainerCommon(c: Container, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs = requiredLabelName(c.name, `${path}.name`);
  if (!c.image) errs.push(required(`${path}.image`, ''));
  errs.push(...validatePorts(c, `${path}.ports`));
  (c.env ?? []).forEach((ev, i) => errs.push(...validateEnvVar(ev, `${path}.env[${i}]`)));
  errs.push(...validateVolumeMounts(c, volumes, `${path}.volumeMounts`));
  if (!c.terminationMessagePolicy) errs.push(required(`${path}.terminationMessagePolicy`, ''));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES));
  }
  if (!c.imagePullPolicy) errs.push(required(`${path}.imagePullPolicy`, ''));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return errs;
}

function hostPortKey(port: { hostPort?: number; protocol?: string; hostIP?: string }): string {
  return `${port.hostPort}/${port.protocol ?? 'TCP'}`;
}

/** AccumulateUniqueHostPorts: one hostPort/protocol per pod. */
function uniqueHostPorts(containers: readonly Container[], seen: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = hostPortKey(port);
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

/** validateContainers: at least one, unique names, probes, no restartPolicy on regular containers. */
export function validateContainers(containers: readonly Container[] | undefined, volumes: ReadonlySet<string>, path: string): FieldError[] {
  if (!containers || containers.length === 0) return [required(path, '')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name ?? '')) errs.push(duplicate(`${p}.name`, c.name ?? ''));
    else names.add(c.name ?? '');
    errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, true));
    errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, false));
    errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, true));
    if (c.lifecycle?.postStart) errs.push(...validateHandler(c.lifecycle.postStart, `${p}.lifecycle.postStart`));
    if (c.lifecycle?.preStop) errs.push(...validateHandler(c.lifecycle.preStop, `${p}.lifecycle.preStop`));
    if (c.restartPolicy !== undefined) errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...uniqueHostPorts(containers, new Set(), path));
  return errs;
}

/**
 * validateInitContainers: names unique across init and regular containers; probes and lifecycle only on
 * restartable (sidecar, `restartPolicy: Always`) init containers.
 */
export function validateInitContainers(inits: readonly Container[] | undefined, containers: readonly Container[], volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(containers.map((c) => c.name ?? ''));
  (inits ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name ?? '')) errs.push(duplicate(`${p}.name`, c.name ?? ''));
    else names.add(c.name ?? '');
    const sidecar = c.restartPolicy === 'Always';
    if (c.restartPolicy !== undefined && !sidecar) errs.push(notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
    if (sidecar) {
      errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, true));
      errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, false));
      errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, true));
    } else {
      if (c.lifecycle) errs.push(forbidden(`${p}.lifecycle`, 'may not be set for init containers without restartPolicy=Always'));
      if (c.livenessProbe) errs.push(forbidden(`${p}.livenessProbe`, 'may not be set for init containers without restartPolicy=Always'));
      if (c.readinessProbe) errs.push(forbidden(`${p}.readinessProbe`, 'may not be set for init containers without restartPolicy=Always'));
      if (c.startupProbe) errs.push(forbidden(`${p}.startupProbe`, 'may not be set for init containers without restartPolicy=Always'));
    }
  });
  return errs;
}
