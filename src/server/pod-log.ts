/**
 * `pods/<name>/log`, simulated. Containers have no real output, so the log is what the container's
 * command would print as far as it can be read off the command line (`echo` arguments), else one line
 * naming what it runs — plain text, as kube-apiserver streams logs. A container that has not started
 * answers kubelet's 400 (`container "c" in pod "p" is waiting to start: ContainerCreating`).
 */
import type { KubeObject } from '../cluster/api/types.ts';
import { badRequest } from '../cluster/api/errors.ts';

interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
}

interface ContainerStatus {
  name: string;
  state?: { waiting?: { reason?: string }; running?: unknown; terminated?: unknown };
  restartCount?: number;
}

/** The log text of one container of `pod`, or throws the ApiError kube-apiserver would answer. */
export function podLog(pod: KubeObject, containerName: string | null, opts: { tailLines?: number; previous?: boolean } = {}): string {
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  const containers = spec.containers ?? [];
  const podName = pod.metadata.name ?? '';
  let container: Container | undefined;
  if (containerName) {
    container = [...containers, ...(spec.initContainers ?? [])].find((c) => c.name === containerName);
    if (!container) throw badRequest(`container ${containerName} is not valid for pod ${podName}`);
  } else if (containers.length === 1) {
    container = containers[0];
  } else {
    throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${containers.map((c) => c.name).join(' ')}]`);
  }
  if (!container) throw badRequest(`a container name must be specified for pod ${podName}`);
  const statuses = [
    ...(((pod.status ?? {}) as { containerStatuses?: ContainerStatus[] }).containerStatuses ?? []),
    ...(((pod.status ?? {}) as { initContainerStatuses?: ContainerStatus[] }).initContainerStatuses ?? []),
  ];
  const status = statuses.find((s) => s.name === container.name);
  if (!status || (!status.state?.running && !status.state?.terminated)) {
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
    throw badRequest(`container "${container.name}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  if (opts.previous && !status.restartCount) {
    throw badRequest(`previous terminated container "${container.name}" in pod "${podName}" not found`);
  }
  let lines = simulatedLines(container);
  if (opts.tailLines !== undefined && opts.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tailLines));
  return lines.map((l) => l + '\n').join('');
}

/** What the command prints: `echo` arguments in order, else a placeholder line naming the process. */
export function simulatedLines(c: Container): string[] {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const script = argv.join(' ');
  const echoes: string[] = [];
  const re = /(?:^|[;&|]\s*|\s)echo\s+(?:-n\s+)?("([^"]*)"|'([^']*)'|([^;&|]+))/g;
  for (let m = re.exec(script); m; m = re.exec(script)) echoes.push((m[2] ?? m[3] ?? m[4] ?? '').trim());
  if (echoes.length > 0) return echoes;
  const what = argv.length > 0 ? argv.join(' ') : `the ${c.image ?? 'image'} entrypoint`;
  return [`[kube-sandbox] container ${c.name} (${c.image ?? ''}) is running ${what}; output is simulated`];
}
