/**
 * One container as the kubelet tracks it on its node: what the API shows of it (state, lastState,
 * restartCount, ready, started, ids) and where its little state machine stands. `step` and `dueAt` say
 * what happens next and when; nothing is due while `dueAt` is undefined.
 */
import type { Container } from '../api/strategies/pod-types.ts';
import { defaultPullPolicy } from '../api/strategies/pod-defaults.ts';
import type { KubeObject } from '../api/types.ts';
import { containerBehaviour, type ContainerBehaviour } from './behaviour-model.ts';
import { parseImage, type ImageRef } from './image-catalog.ts';

export type Step =
  /** Not its turn yet (sandbox not ready, earlier init containers running). */
  | 'idle'
  /** Try to start at dueAt: crash back-off, image, create, start. */
  | 'start'
  | 'pulling'
  | 'running'
  /** Killed (probe failure, pod deletion, sidecar shutdown); exits at dueAt. */
  | 'stopping'
  /** Finished for good (completed init container, container not restarted, pod going away). */
  | 'done'
  /** Cannot start and will not retry by itself (InvalidImageName, ErrImageNeverPull). */
  | 'stuck';

export interface TerminatedState {
  exitCode: number;
  reason: string;
  startedAt: string;
  finishedAt: string;
  containerID?: string;
}

export type ApiContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | { terminated: TerminatedState };

export interface ProbeTimes {
  startupOkAt?: number;
  startupFailAt?: number;
  readyFlipAt?: number;
  /** One Unhealthy event for a readiness probe that fails before the container is first ready. */
  readyFailNoticeAt?: number;
  liveFailAt?: number;
}

export interface ContainerRun {
  readonly name: string;
  readonly spec: Container;
  readonly init: boolean;
  /** An init container with restartPolicy Always. */
  readonly sidecar: boolean;
  readonly fieldPath: string;
  readonly behaviour: ContainerBehaviour;
  readonly ref: ImageRef | { error: string };
  readonly pullPolicy: string;

  state: ApiContainerState | undefined;
  lastState: { terminated?: TerminatedState };
  restartCount: number;
  ready: boolean;
  started: boolean;
  containerID?: string;
  imageID: string;
  image: string;
  /** Created at least once (so the next start is a restart). */
  everStarted: boolean;

  step: Step;
  dueAt?: number;
  startedAtMs: number;
  finishedAtMs?: number;
  exitAtMs?: number;
  stopExitCode?: number;
  pull?: { requestedAt: number; pullMs: number; error?: string };
  probes: ProbeTimes;
}

/** The containers of a pod, init containers first, each with its behaviour decided. */
export function containerRuns(pod: KubeObject): ContainerRun[] {
  const spec = (pod.spec ?? {}) as { initContainers?: Container[]; containers?: Container[] };
  const annotations = pod.metadata.annotations;
  const make = (c: Container, init: boolean): ContainerRun => {
    const name = c.name ?? '';
    const image = c.image ?? '';
    const limit = c.resources?.limits?.memory;
    return {
      name,
      spec: c,
      init,
      sidecar: init && c.restartPolicy === 'Always',
      fieldPath: `spec.${init ? 'initContainers' : 'containers'}{${name}}`,
      behaviour: containerBehaviour(
        { name, image, ...(c.command ? { command: c.command } : {}), ...(c.args ? { args: c.args } : {}), ...(c.stdin ? { stdin: true } : {}), ...(limit !== undefined ? { memoryLimit: limit } : {}) },
        annotations,
      ),
      ref: parseImage(image),
      pullPolicy: c.imagePullPolicy ?? defaultPullPolicy(image),
      state: undefined,
      lastState: {},
      restartCount: 0,
      ready: false,
      started: false,
      imageID: '',
      image,
      everStarted: false,
      step: 'idle',
      startedAtMs: 0,
      probes: {},
    };
  };
  return [...(spec.initContainers ?? []).map((c) => make(c, true)), ...(spec.containers ?? []).map((c) => make(c, false))];
}

/** The status entry of one container (core/v1 ContainerStatus, fields in the API's order). */
export function containerStatus(c: ContainerRun, defaultWaiting: string): Record<string, unknown> {
  const state = c.state ?? { waiting: { reason: defaultWaiting } };
  return {
    name: c.name,
    state,
    lastState: c.lastState.terminated ? { terminated: c.lastState.terminated } : {},
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.image,
    imageID: c.imageID,
    ...(c.containerID ? { containerID: c.containerID } : {}),
    started: c.started,
  };
}

/** Min of the defined values. */
export function earliest(...values: (number | undefined)[]): number | undefined {
  let out: number | undefined;
  for (const v of values) if (v !== undefined && (out === undefined || v < out)) out = v;
  return out;
}
