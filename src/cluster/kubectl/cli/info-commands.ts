/**
 * Read-only commands that are not `get` or `describe`: version, api-resources, cluster-info, explain
 * (the header only: the console carries no OpenAPI schema), top (no metrics server: kubectl's error),
 * and logs (simulated, as the headless server simulates `pods/log`).
 */
import { RESOURCES, apiVersionOf } from '../../api/registry.ts';
import { badRequest } from '../../api/errors.ts';
import type { KubeObject } from '../../api/types.ts';
import type { ParsedCommand } from './parse-command.ts';
import { flag } from './parse-command.ts';
import { KUBECTL_USER, fail, type KubectlContext, type Output } from './kubectl-context.ts';
import { namespaceOf, resolveType } from './resource-args.ts';
import { GET_TABS, tabwrite } from './tabwriter.ts';
import { selectorString } from '../printers/format.ts';

export const CLIENT_VERSION = 'v1.32.0';
export const SERVER_GIT_VERSION = 'v1.32.0-sandbox';
const SERVER_URL = 'https://127.0.0.1:6443';

export function runVersion(_ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  out.out(`Client Version: ${CLIENT_VERSION}`);
  out.out('Kustomize Version: v5.5.0');
  if (flag(cmd, 'client') !== 'true') out.out(`Server Version: ${SERVER_GIT_VERSION}`);
}

export function runApiResources(_ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  const namespaced = flag(cmd, 'namespaced');
  const rows = [...RESOURCES, { ...RESOURCES.find((t) => t.resource === 'events')!, group: 'events.k8s.io', version: 'v1', shortNames: [] }]
    .filter((t) => namespaced === undefined || String(t.namespaced) === namespaced)
    .sort((a, b) => (a.group === b.group ? (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0) : a.group < b.group ? -1 : 1));
  if (flag(cmd, 'output') === 'name') {
    for (const t of rows) out.out(t.group ? `${t.resource}.${t.group}` : t.resource);
    return;
  }
  const lines = ['NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND', ...rows.map((t) => `${t.resource}\t${t.shortNames.join(',')}\t${apiVersionOf(t)}\t${t.namespaced}\t${t.kind}`)];
  out.stdout += tabwrite(lines.join('\n') + '\n', GET_TABS);
}

export function runClusterInfo(_ctx: KubectlContext, _cmd: ParsedCommand, out: Output): void {
  out.out(`Kubernetes control plane is running at ${SERVER_URL}`);
  out.out(`CoreDNS is running at ${SERVER_URL}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`);
  out.stdout += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
}

export function runExplain(_ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  const what = cmd.args[0];
  if (!what) fail('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  const [resource, ...path] = what.split('.');
  const t = resolveType(resource!);
  if (t.group) out.out(`GROUP:      ${t.group}`);
  out.out(`KIND:       ${t.kind}`);
  out.out(`VERSION:    ${t.version}`);
  out.out('');
  if (path.length > 0) out.out(`FIELD: ${path[path.length - 1]}`);
  else out.out(`DESCRIPTION:\n    ${t.kind} (${t.namespaced ? 'namespaced' : 'cluster-scoped'}, resource "${t.resource}"${t.shortNames.length ? `, short names ${t.shortNames.join(', ')}` : ''}).`);
  out.out('');
  out.out('(The in-page console prints the header only; real kubectl against `npm run serve` prints the full schema.)');
}

export function runTop(): void {
  fail('Metrics API not available');
}

interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
}

/** What a container printed: its `echo` arguments, else a line naming what it runs (as src/server/pod-log.ts). */
function simulatedLines(c: Container): string[] {
  const script = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  const echoes: string[] = [];
  const re = /(?:^|[;&|]\s*|\s)echo\s+(?:-n\s+)?("([^"]*)"|'([^']*)'|([^;&|]+))/g;
  for (let m = re.exec(script); m; m = re.exec(script)) echoes.push((m[2] ?? m[3] ?? m[4] ?? '').trim());
  if (echoes.length > 0) return echoes;
  const what = script !== '' ? script : `the ${c.image ?? 'image'} entrypoint`;
  return [`[kube-sandbox] container ${c.name} (${c.image ?? ''}) is running ${what}; output is simulated`];
}

export function runLogs(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  const target = cmd.args[0];
  if (!target) fail('expected POD or TYPE/NAME is a required argument for the logs command');
  const ns = namespaceOf(cmd);
  let pod: KubeObject;
  if (target.includes('/') && !/^(po|pod|pods)\//.test(target)) {
    const [kind, name] = target.split('/');
    const t = resolveType(kind!);
    const owner = ctx.api.get({ group: t.group, resource: t.resource, namespace: ns }, name!, KUBECTL_USER);
    const sel = selectorString((owner.spec as { selector?: never } | undefined)?.selector);
    const pods = ctx.api.list({ group: '', resource: 'pods', namespace: ns }, sel ? { labelSelector: sel } : {}, KUBECTL_USER).items;
    if (pods.length === 0) fail(`no pods found for ${t.kind.toLowerCase()}/${name}`);
    pod = pods[0]!;
  } else {
    pod = ctx.api.get({ group: '', resource: 'pods', namespace: ns }, target.replace(/^(po|pod|pods)\//, ''), KUBECTL_USER);
  }
  const spec = (pod.spec ?? {}) as { containers?: Container[] };
  const containers = spec.containers ?? [];
  const podName = pod.metadata.name ?? '';
  const wanted = flag(cmd, 'container') ?? cmd.args[1];
  const container = wanted ? containers.find((c) => c.name === wanted) : containers.length === 1 ? containers[0] : undefined;
  if (wanted && !container) throw badRequest(`container ${wanted} is not valid for pod ${podName}`);
  if (!container) {
    out.note(`Defaulted container "${containers[0]?.name ?? ''}" out of: ${containers.map((c) => c.name).join(', ')}`);
  }
  const c = container ?? containers[0];
  if (!c) fail(`pod ${podName} has no containers`);
  const statuses = ((pod.status ?? {}) as { containerStatuses?: { name: string; state?: { waiting?: { reason?: string }; running?: unknown; terminated?: unknown } }[] }).containerStatuses ?? [];
  const st = statuses.find((s) => s.name === c.name);
  if (!st || (!st.state?.running && !st.state?.terminated)) {
    throw badRequest(`container "${c.name}" in pod "${podName}" is waiting to start: ${st?.state?.waiting?.reason ?? 'ContainerCreating'}`);
  }
  let lines = simulatedLines(c);
  const tail = flag(cmd, 'tail');
  if (tail !== undefined && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  out.stdout += lines.map((l) => l + '\n').join('');
}
