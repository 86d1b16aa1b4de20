/**
 * `kubectl describe`: ConfigMaps, Pods, Nodes, Deployments and Services in kubectl's layout (close to
 * k8s.io/kubectl/pkg/describe/describe.go; the ConfigMap is line for line), every other kind as name,
 * namespace, labels, annotations and events. Each ends with the Events section.
 */
import type { KubeObject } from '../../api/types.ts';
import type { ApiServer } from '../../api/api-server.ts';
import { field, arr, formatLabelSelector, int, rec, str } from '../printers/format.ts';
import { portString } from '../printers/service-printers.ts';
import type { ParsedCommand } from './parse-command.ts';
import { errorLine, fail, type KubectlContext, type Output } from './kubectl-context.ts';
import { fetchSelections } from './get-command.ts';
import { DescribeWriter, describeEvents, rfc1123z } from './describe-writer.ts';

export function runDescribe(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  if (cmd.args.length === 0) fail('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  const fetched = fetchSelections(ctx, cmd, out);
  const objects = fetched.flatMap((f) => f.objects);
  if (objects.length === 0 && !out.failed) {
    out.note(`No resources found in ${cmd.flags.get('namespace')?.[0] ?? 'default'} namespace.`);
    return;
  }
  objects.forEach((obj, i) => {
    if (i > 0) out.stdout += '\n\n';
    try {
      out.stdout += describeObject(ctx.api, obj);
    } catch (e) {
      out.err(errorLine(e));
    }
  });
}

/** The text kubectl describe prints for one object. */
export function describeObject(api: ApiServer, obj: KubeObject): string {
  const w = new DescribeWriter();
  switch (obj.kind) {
    case 'ConfigMap':
      describeConfigMap(w, obj);
      break;
    case 'Pod':
      describePod(w, obj);
      break;
    case 'Node':
      describeNode(w, obj);
      break;
    case 'Deployment':
      describeDeployment(w, obj);
      break;
    case 'Service':
      describeService(w, obj);
      break;
    default:
      header(w, obj);
  }
  describeEvents(w, api, obj);
  return w.toString();
}

function header(w: DescribeWriter, obj: KubeObject, withTimestamp = false): void {
  w.line(0, `Name:\t${obj.metadata.name ?? ''}`);
  if (obj.metadata.namespace) w.line(0, `Namespace:\t${obj.metadata.namespace}`);
  if (withTimestamp) w.line(0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}`);
  w.multiline(0, 'Labels', obj.metadata.labels);
  w.annotations(0, obj);
}

function describeConfigMap(w: DescribeWriter, obj: KubeObject): void {
  header(w, obj);
  w.write(0, '\nData\n====\n');
  const data = rec((obj as { data?: unknown }).data);
  for (const k of Object.keys(data).sort()) w.write(0, `${k}:\n----\n${data[k]}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  const binary = rec((obj as { binaryData?: unknown }).binaryData);
  for (const k of Object.keys(binary).sort()) w.write(0, `${k}: ${Math.floor((binary[k]!.length * 3) / 4)} bytes\n`);
  w.write(0, '\n');
}

interface ContainerSpec {
  name?: string;
  image?: string;
  ports?: { containerPort?: number; protocol?: string; hostPort?: number }[];
  command?: string[];
  args?: string[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  env?: { name?: string; value?: string }[];
}

function describeContainers(w: DescribeWriter, title: string, containers: readonly ContainerSpec[], statuses: readonly Record<string, unknown>[], level: number, space: string): void {
  w.line(level, `${title}:`);
  for (const c of containers) {
    w.line(level + 1, `${space}${c.name ?? ''}:`);
    const st = statuses.find((s) => s.name === c.name);
    if (st && str(st.containerID)) w.line(level + 2, `Container ID:\t${str(st.containerID)}`);
    w.line(level + 2, `Image:\t${c.image ?? ''}`);
    if (st) w.line(level + 2, `Image ID:\t${str(st.imageID)}`);
    const ports = c.ports ?? [];
    w.line(level + 2, `Port${ports.length > 1 ? 's' : ''}:\t${ports.length ? ports.map((p) => `${p.containerPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}`);
    w.line(level + 2, `Host Port${ports.length > 1 ? 's' : ''}:\t${ports.length ? ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}`);
    if (c.command?.length) {
      w.line(level + 2, 'Command:');
      for (const part of c.command) w.line(level + 3, part);
    }
    if (c.args?.length) {
      w.line(level + 2, 'Args:');
      for (const part of c.args) w.line(level + 3, part);
    }
    if (st) {
      describeState(w, level + 2, 'State', rec(st.state) as Record<string, unknown>);
      if (st.lastState && Object.keys(rec(st.lastState)).length > 0) describeState(w, level + 2, 'Last State', rec(st.lastState) as Record<string, unknown>);
      w.line(level + 2, `Ready:\t${st.ready ? 'True' : 'False'}`);
      w.line(level + 2, `Restart Count:\t${int(st.restartCount)}`);
    }
    for (const kind of ['limits', 'requests'] as const) {
      const r = c.resources?.[kind];
      if (r && Object.keys(r).length > 0) {
        w.line(level + 2, `${kind[0]!.toUpperCase()}${kind.slice(1)}:`);
        for (const k of Object.keys(r).sort()) w.line(level + 3, `${k}:\t${r[k]}`);
      }
    }
    if (c.env?.length) {
      w.line(level + 2, 'Environment:');
      for (const e of c.env) w.line(level + 3, `${e.name ?? ''}:\t${e.value ?? ''}`);
    } else w.line(level + 2, 'Environment:\t<none>');
    w.line(level + 2, 'Mounts:\t<none>');
  }
}

function describeState(w: DescribeWriter, level: number, title: string, state: Record<string, unknown>): void {
  const running = state.running as Record<string, unknown> | undefined;
  const waiting = state.waiting as Record<string, unknown> | undefined;
  const terminated = state.terminated as Record<string, unknown> | undefined;
  if (running) {
    w.line(level, `${title}:\tRunning`);
    w.line(level + 1, `Started:\t${rfc1123z(str(running.startedAt))}`);
  } else if (waiting) {
    w.line(level, `${title}:\tWaiting`);
    w.line(level + 1, `Reason:\t${str(waiting.reason)}`);
  } else if (terminated) {
    w.line(level, `${title}:\tTerminated`);
    w.line(level + 1, `Reason:\t${str(terminated.reason)}`);
    w.line(level + 1, `Exit Code:\t${int(terminated.exitCode)}`);
    w.line(level + 1, `Started:\t${rfc1123z(str(terminated.startedAt))}`);
    w.line(level + 1, `Finished:\t${rfc1123z(str(terminated.finishedAt))}`);
  } else w.line(level, `${title}:\tWaiting`);
}

function tolerationLines(tols: readonly Record<string, unknown>[]): string[] {
  return tols.map((t) => {
    let s = str(t.key);
    if (str(t.value)) s += `=${str(t.value)}`;
    if (str(t.effect)) s += `:${str(t.effect)}`;
    if (str(t.operator) === 'Exists' && !str(t.value)) s += ' op=Exists';
    if (typeof t.tolerationSeconds === 'number') s += ` for ${t.tolerationSeconds}s`;
    return s;
  });
}

function listBlock(w: DescribeWriter, level: number, title: string, lines: readonly string[]): void {
  if (lines.length === 0) {
    w.line(level, `${title}:\t<none>`);
    return;
  }
  lines.forEach((l, i) => w.line(level, i === 0 ? `${title}:\t${l}` : `\t${l}`));
}

function describePod(w: DescribeWriter, pod: KubeObject): void {
  const spec = (pod.spec ?? {}) as Record<string, unknown>;
  const status = (pod.status ?? {}) as Record<string, unknown>;
  w.line(0, `Name:\t${pod.metadata.name ?? ''}`);
  w.line(0, `Namespace:\t${pod.metadata.namespace ?? ''}`);
  w.line(0, `Priority:\t${int(spec.priority)}`);
  if (str(spec.priorityClassName)) w.line(0, `Priority Class Name:\t${str(spec.priorityClassName)}`);
  w.line(0, `Service Account:\t${str(spec.serviceAccountName) || 'default'}`);
  w.line(0, `Node:\t${str(spec.nodeName) ? `${str(spec.nodeName)}/${str(status.hostIP)}` : '<none>'}`);
  if (str(status.startTime)) w.line(0, `Start Time:\t${rfc1123z(str(status.startTime))}`);
  w.multiline(0, 'Labels', pod.metadata.labels);
  w.annotations(0, pod);
  if (pod.metadata.deletionTimestamp) {
    w.line(0, `Status:\tTerminating (lasts ${'<unknown>'})`);
  } else w.line(0, `Status:\t${str(status.phase)}`);
  if (str(status.reason)) w.line(0, `Reason:\t${str(status.reason)}`);
  if (str(status.message)) w.line(0, `Message:\t${str(status.message)}`);
  w.line(0, `IP:\t${str(status.podIP)}`);
  const ips = arr<Record<string, unknown>>(status.podIPs);
  if (ips.length === 0) w.line(0, 'IPs:\t<none>');
  else {
    w.line(0, 'IPs:');
    for (const ip of ips) w.line(1, `IP:\t${str(ip.ip)}`);
  }
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.line(0, `Controlled By:\t${owner.kind}/${owner.name}`);
  const initContainers = arr<ContainerSpec>(spec.initContainers);
  if (initContainers.length) describeContainers(w, 'Init Containers', initContainers, arr(status.initContainerStatuses), 0, '');
  describeContainers(w, 'Containers', arr<ContainerSpec>(spec.containers), arr(status.containerStatuses), 0, '');
  const conditions = arr<Record<string, unknown>>(status.conditions);
  if (conditions.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus');
    for (const c of conditions) w.line(1, `${str(c.type)} \t${str(c.status)} `);
  }
  w.line(0, 'Volumes:\t<none>');
  w.line(0, `QoS Class:\t${str(status.qosClass) || 'BestEffort'}`);
  const sel = rec(spec.nodeSelector);
  listBlock(w, 0, 'Node-Selectors', Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`));
  listBlock(w, 0, 'Tolerations', tolerationLines(arr(spec.tolerations)));
}

function describeNode(w: DescribeWriter, node: KubeObject): void {
  const spec = (node.spec ?? {}) as Record<string, unknown>;
  const status = (node.status ?? {}) as Record<string, unknown>;
  w.line(0, `Name:\t${node.metadata.name ?? ''}`);
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  w.line(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}`);
  w.multiline(0, 'Labels', node.metadata.labels);
  w.annotations(0, node);
  w.line(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}`);
  const taints = arr<Record<string, unknown>>(spec.taints).map((t) => `${str(t.key)}${str(t.value) ? `=${str(t.value)}` : ''}:${str(t.effect)}`);
  listBlock(w, 0, 'Taints', taints);
  w.line(0, `Unschedulable:\t${spec.unschedulable ? 'true' : 'false'}`);
  const conditions = arr<Record<string, unknown>>(status.conditions);
  w.line(0, 'Conditions:');
  w.line(1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
  w.line(1, '----\t------\t-----------------\t------------------\t------\t-------');
  for (const c of conditions) {
    w.line(1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(str(c.lastHeartbeatTime))} \t${rfc1123z(str(c.lastTransitionTime))} \t${str(c.reason)} \t${str(c.message)}`);
  }
  w.line(0, 'Addresses:');
  for (const a of arr<Record<string, unknown>>(status.addresses)) w.line(1, `${str(a.type)}:\t${str(a.address)}`);
  for (const [title, key] of [['Capacity', 'capacity'], ['Allocatable', 'allocatable']] as const) {
    w.line(0, `${title}:`);
    const r = rec(status[key]);
    for (const k of Object.keys(r).sort()) w.line(1, `${k}:\t${r[k]}`);
  }
  const info = rec(status.nodeInfo);
  w.line(0, 'System Info:');
  for (const [label, k] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ] as const) {
    w.line(1, `${label}:\t${info[k] ?? ''}`);
  }
  if (str(spec.podCIDR)) w.line(0, `PodCIDR:\t${str(spec.podCIDR)}`);
}

function describeDeployment(w: DescribeWriter, d: KubeObject): void {
  const spec = (d.spec ?? {}) as Record<string, unknown>;
  const status = (d.status ?? {}) as Record<string, unknown>;
  header(w, d, true);
  // kubectl prints CreationTimestamp after Namespace; header() already did.
  w.line(0, `Selector:\t${formatLabelSelector(spec.selector as never)}`);
  const desired = typeof spec.replicas === 'number' ? spec.replicas : 1;
  w.line(0, `Replicas:\t${desired} desired | ${int(status.updatedReplicas)} updated | ${int(status.replicas)} total | ${int(status.availableReplicas)} available | ${int(status.unavailableReplicas)} unavailable`);
  const strategy = rec(spec.strategy) as Record<string, unknown>;
  w.line(0, `StrategyType:\t${str(strategy.type)}`);
  w.line(0, `MinReadySeconds:\t${int(spec.minReadySeconds)}`);
  const ru = strategy.rollingUpdate as Record<string, unknown> | undefined;
  if (ru) w.line(0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '')} max unavailable, ${String(ru.maxSurge ?? '')} max surge`);
  const template = rec(spec.template) as Record<string, unknown>;
  w.line(0, 'Pod Template:');
  w.multiline(1, 'Labels', rec(field(template, 'metadata', 'labels')));
  const tAnn = rec(field(template, 'metadata', 'annotations'));
  if (Object.keys(tAnn).length) w.multiline(1, 'Annotations', tAnn, new Set(), ': ');
  describeContainers(w, 'Containers', arr<ContainerSpec>(field(template, 'spec', 'containers')), [], 1, ' ');
  w.line(1, 'Volumes:\t<none>');
  const sel = rec(field(template, 'spec', 'nodeSelector'));
  listBlock(w, 1, 'Node-Selectors', Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`));
  listBlock(w, 1, 'Tolerations', tolerationLines(arr(field(template, 'spec', 'tolerations'))));
  const conditions = arr<Record<string, unknown>>(status.conditions);
  if (conditions.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus\tReason');
    w.line(1, '----\t------\t------');
    for (const c of conditions) w.line(1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}`);
  }
}

function describeService(w: DescribeWriter, svc: KubeObject): void {
  const spec = (svc.spec ?? {}) as Record<string, unknown>;
  header(w, svc);
  const sel = rec(spec.selector);
  w.line(0, `Selector:\t${Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',')}`);
  w.line(0, `Type:\t${str(spec.type) || 'ClusterIP'}`);
  w.line(0, `IP Family Policy:\t${str(spec.ipFamilyPolicy) || 'SingleStack'}`);
  w.line(0, `IP Families:\t${arr<string>(spec.ipFamilies).join(',') || 'IPv4'}`);
  w.line(0, `IP:\t${str(spec.clusterIP)}`);
  w.line(0, `IPs:\t${arr<string>(spec.clusterIPs).join(',') || str(spec.clusterIP)}`);
  for (const p of arr<Record<string, unknown>>(spec.ports)) {
    const name = str(p.name) || '<unset>';
    w.line(0, `Port:\t${name}\t${portString([p as never]).split('/')[0]}/${str(p.protocol) || 'TCP'}`);
    const target = p.targetPort ?? p.port;
    w.line(0, `TargetPort:\t${String(target)}/${str(p.protocol) || 'TCP'}`);
    if (typeof p.nodePort === 'number') w.line(0, `NodePort:\t${name}\t${p.nodePort}/${str(p.protocol) || 'TCP'}`);
  }
  w.line(0, `Session Affinity:\t${str(spec.sessionAffinity) || 'None'}`);
  w.line(0, `Internal Traffic Policy:\t${str(spec.internalTrafficPolicy) || 'Cluster'}`);
}
