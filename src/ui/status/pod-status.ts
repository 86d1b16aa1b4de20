/**
 * The pod columns `kubectl get pods` prints — READY, STATUS, RESTARTS — computed exactly as kubectl's
 * printer does (k/k pkg/printers/internalversion/printers.go, printPod), so the canvas, the inspector and
 * the events panel say what kubectl would say about the same object.
 *
 * Pure: reads a pod as plain JSON, never mutates it.
 */
import type { KubeObject } from '../../cluster/api/types.ts';

interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };
}

interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface Container {
  name: string;
  restartPolicy?: string;
}

interface PodShape {
  spec?: { containers?: Container[]; initContainers?: Container[] };
  status?: {
    phase?: string;
    reason?: string;
    conditions?: { type: string; status: string; reason?: string }[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}

/** What kubectl prints for a pod, plus when it last restarted (ms since the epoch, for "N (Xm ago)"). */
export interface PodColumns {
  /** READY: `1/2`. */
  ready: string;
  readyCount: number;
  totalCount: number;
  /** STATUS: `Running`, `Pending`, `CrashLoopBackOff`, `Init:0/1`, `Terminating`, ... */
  status: string;
  restarts: number;
  /** Last restart time in ms, when restarts > 0 and known. */
  lastRestartMs?: number;
}

/** The pod reason the node lifecycle controller sets when it loses the pod's node. */
const NODE_LOST = 'NodeLost';

function isRestartableInit(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasCondition(pod: PodShape, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

function finishedMs(s: ContainerStatus): number | undefined {
  const at = s.lastState?.terminated?.finishedAt;
  if (!at) return undefined;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? undefined : ms;
}

/** kubectl's READY, STATUS and RESTARTS for one pod. */
export function podColumns(obj: KubeObject): PodColumns {
  const pod = obj as unknown as PodShape;
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const initSpecs = new Map((spec.initContainers ?? []).map((c) => [c.name, c]));
  let total = (spec.containers ?? []).length;
  for (const c of spec.initContainers ?? []) if (isRestartableInit(c)) total++;

  let restarts = 0;
  let restartableInitRestarts = 0;
  let ready = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined) => (b !== undefined && (a === undefined || b > a) ? b : a);

  let reason = status.phase ?? '';
  if (status.reason) reason = status.reason;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, finishedMs(c));
    const restartable = isRestartableInit(initSpecs.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount ?? 0;
      lastRestartableInitRestart = later(lastRestartableInitRestart, finishedMs(c));
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (restartable && c.started === true) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = `Init:${term.reason}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const mains = status.containerStatuses ?? [];
    // From the last container to the first: the first container's state is the one that shows.
    for (let i = mains.length - 1; i >= 0; i--) {
      const c = mains[i]!;
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, finishedMs(c));
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = obj.metadata.deletionTimestamp !== undefined && obj.metadata.deletionTimestamp !== null;
  if (deleting && status.reason === NODE_LOST) reason = 'Unknown';
  else if (deleting && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';

  const out: PodColumns = { ready: `${ready}/${total}`, readyCount: ready, totalCount: total, status: reason, restarts };
  if (restarts > 0 && lastRestart !== undefined) out.lastRestartMs = lastRestart;
  return out;
}

/** kubectl's STATUS column for one pod. */
export function podStatus(pod: KubeObject): string {
  return podColumns(pod).status;
}
