/**
 * The pod status a kubelet posts, built from its containers (k/k pkg/kubelet/kubelet_pods.go getPhase and
 * generateAPIPodStatus, pkg/kubelet/status/generate.go for the conditions).
 */
import { rfc3339 } from '../sim/clock.ts';
import { containerStatus, type ContainerRun } from './container-run.ts';

export interface PodCondition {
  type: string;
  status: 'True' | 'False';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

/** The conditions the kubelet owns, in the order it lists them. */
export const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'] as const;

export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** Whether every non-sidecar init container completed and every sidecar started. */
export function initDone(containers: readonly ContainerRun[]): boolean {
  return containers.every((c) => !c.init || (c.sidecar ? c.started : c.step === 'done' && c.state !== undefined && 'terminated' in c.state && c.state.terminated.exitCode === 0));
}

/** An init container failed and the pod does not restart it. */
export function initFailed(containers: readonly ContainerRun[]): boolean {
  return containers.some((c) => c.init && !c.sidecar && c.step === 'done' && c.state !== undefined && 'terminated' in c.state && c.state.terminated.exitCode !== 0);
}

function exitCodeOf(c: ContainerRun): number | undefined {
  return c.state && 'terminated' in c.state ? c.state.terminated.exitCode : undefined;
}

/**
 * getPhase: Pending until initialized and something ran; Running while a container runs or will restart;
 * Succeeded / Failed once every main container is finished for good (or, for a pod being torn down,
 * once all have stopped).
 */
export function podPhase(containers: readonly ContainerRun[], initialized: boolean, terminal: boolean): Phase {
  if (initFailed(containers)) return 'Failed';
  const main = containers.filter((c) => !c.init);
  if (terminal) return main.every((c) => exitCodeOf(c) === 0) && !initFailed(containers) ? 'Succeeded' : 'Failed';
  if (!initialized) return 'Pending';
  if (main.length > 0 && main.every((c) => c.step === 'done')) return main.every((c) => exitCodeOf(c) === 0) ? 'Succeeded' : 'Failed';
  if (main.some((c) => c.everStarted)) return 'Running';
  return 'Pending';
}

export interface StatusInput {
  containers: readonly ContainerRun[];
  phase: Phase;
  sandboxReady: boolean;
  initialized: boolean;
  hostIP: string;
  podIP?: string;
  startTime?: string;
  /** Conditions the pod has now (to keep transition times and the ones others own). */
  current: readonly PodCondition[];
  qosClass?: string;
  nowMs: number;
}

function cond(type: string, ok: boolean, reason?: string, message?: string): Omit<PodCondition, 'lastTransitionTime' | 'lastProbeTime'> {
  return { type, status: ok ? 'True' : 'False', ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

function names(list: readonly ContainerRun[]): string {
  return `[${list.map((c) => c.name).join(' ')}]`;
}

/** The whole status: conditions (transition times kept when unchanged), IPs, phase and container statuses. */
export function buildPodStatus(s: StatusInput): Record<string, unknown> {
  const terminal = s.phase === 'Succeeded' || s.phase === 'Failed';
  const inits = s.containers.filter((c) => c.init);
  const mains = s.containers.filter((c) => !c.init);
  const incomplete = inits.filter((c) => (c.sidecar ? !c.started : !(c.step === 'done' && exitCodeOf(c) === 0)));
  const initialized =
    inits.length === 0 ? cond('Initialized', true) : s.initialized ? cond('Initialized', true, terminal && s.phase === 'Succeeded' ? 'PodCompleted' : undefined) : cond('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: ${names(incomplete)}`);
  const unready = [...inits.filter((c) => c.sidecar), ...mains].filter((c) => !c.ready);
  const readyReason = s.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
  const containersReady = terminal ? cond('ContainersReady', false, readyReason) : unready.length === 0 ? cond('ContainersReady', true) : cond('ContainersReady', false, 'ContainersNotReady', `containers with unready status: ${names(unready)}`);
  const ready = { ...containersReady, type: 'Ready' };
  const owned = [cond('PodReadyToStartContainers', s.sandboxReady && !terminal), initialized, ready, containersReady];
  let now: string | undefined;
  const prev = new Map(s.current.map((c) => [c.type, c]));
  const conditions: PodCondition[] = owned.map((c) => {
    const old = prev.get(c.type);
    return { ...c, lastProbeTime: null, lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : (now ??= rfc3339(s.nowMs)) };
  });
  for (const c of s.current) if (!(KUBELET_CONDITIONS as readonly string[]).includes(c.type)) conditions.push(c);
  const defaultWaiting = inits.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  return {
    phase: s.phase,
    conditions,
    hostIP: s.hostIP,
    hostIPs: [{ ip: s.hostIP }],
    ...(s.podIP ? { podIP: s.podIP, podIPs: [{ ip: s.podIP }] } : {}),
    ...(s.startTime ? { startTime: s.startTime } : {}),
    ...(inits.length > 0 ? { initContainerStatuses: inits.map((c) => containerStatus(c, defaultWaiting)) } : {}),
    containerStatuses: mains.map((c) => containerStatus(c, defaultWaiting)),
    ...(s.qosClass ? { qosClass: s.qosClass } : {}),
  };
}
