/**
 * `kubectl get pods`: NAME READY STATUS RESTARTS AGE, and with -o wide IP NODE NOMINATED NODE
 * READINESS GATES — k/k pkg/printers/internalversion/printers.go printPod, 1.32. STATUS is the pod's
 * phase or reason, overridden by the first failing init container (`Init:...`), then by the main
 * containers from last to first (so the first container's state wins), then `Terminating`.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseTime } from '../../sim/clock.ts';
import { ageCol, col, nameCol, type Printer, type TableRowCondition } from './table.ts';
import { humanDuration, translateTimestampSince } from './human-duration.ts';
import { arr, field, int, str } from './format.ts';

interface ContainerState {
  waiting?: { reason?: string };
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

interface Condition {
  type: string;
  status: string;
  reason?: string;
}

const SUCCEEDED: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
const FAILED: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];

/** The reason the node lifecycle controller writes on pods of an unreachable node. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

export const podPrinter: Printer = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    ageCol(),
    col('IP', 'string', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', 1),
    col('Node', 'string', 'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.', 1),
    col('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.', 1),
    col('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness.', 1),
  ],
  row: podRow,
};

function podRow(pod: KubeObject, nowMs: number) {
  const spec = (pod.spec ?? {}) as Record<string, unknown>;
  const status = (pod.status ?? {}) as Record<string, unknown>;
  const initSpecs = arr<{ name: string; restartPolicy?: string }>(spec.initContainers);
  const conditions = arr<Condition>(status.conditions);
  const phase = str(status.phase);
  let reason = str(status.reason) || phase;
  for (const c of conditions) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const restartable = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const totalContainers = arr(spec.containers).length + restartable.size;
  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = 0;
  let sidecarLastRestart = 0;

  let initializing = false;
  const initStatuses = arr<ContainerStatus>(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += int(c.restartCount);
    const finished = finishedAt(c.lastState);
    lastRestart = Math.max(lastRestart, finished);
    const isSidecar = restartable.has(c.name);
    if (isSidecar) {
      sidecarRestarts += int(c.restartCount);
      sidecarLastRestart = Math.max(sidecarLastRestart, finished);
    }
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (term && int(term.exitCode) === 0) continue;
    if (isSidecar && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${int(term.signal)}` : `Init:ExitCode:${int(term.exitCode)}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = sidecarLastRestart;
    let hasRunning = false;
    const statuses = arr<ContainerStatus>(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += int(c.restartCount);
      lastRestart = Math.max(lastRestart, finishedAt(c.lastState));
      const waiting = c.state?.waiting;
      const term = c.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${int(term.signal)}` : `ExitCode:${int(term.exitCode)}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && str(status.reason) === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart > 0) restartsText = `${restarts} (${humanDuration(nowMs - lastRestart)} ago)`;

  const podIPs = arr<{ ip?: string }>(status.podIPs);
  const ip = podIPs[0]?.ip || '<none>';
  const readinessGates = arr<{ conditionType: string }>(spec.readinessGates);
  let gates = '<none>';
  if (readinessGates.length > 0) {
    let trueCount = 0;
    for (const g of readinessGates) {
      const c = conditions.find((x) => x.type === g.conditionType);
      if (c?.status === 'True') trueCount++;
    }
    gates = `${trueCount}/${readinessGates.length}`;
  }
  return {
    cells: [
      pod.metadata.name ?? '',
      `${readyContainers}/${totalContainers}`,
      reason,
      restartsText,
      translateTimestampSince(pod.metadata.creationTimestamp, nowMs),
      ip,
      str(field(pod, 'spec', 'nodeName')) || '<none>',
      str(status.nominatedNodeName) || '<none>',
      gates,
    ],
    ...(phase === 'Succeeded' ? { conditions: SUCCEEDED } : phase === 'Failed' ? { conditions: FAILED } : {}),
  };
}

function finishedAt(state: ContainerState | undefined): number {
  const t = state?.terminated?.finishedAt;
  if (!t) return 0;
  const ms = parseTime(t);
  return Number.isNaN(ms) ? 0 : ms;
}
