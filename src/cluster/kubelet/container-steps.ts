/**
 * What happens to one container when its next step is due: the kubelet's start sequence (crash
 * back-off, image, create, start; k/k pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer and
 * kuberuntime_manager.go doBackOff), the image manager (pkg/kubelet/images/image_manager.go), probes and
 * exits. Every message is worded as the kubelet words it.
 */
import type { Probe } from '../api/strategies/pod-types.ts';
import type { KubeObject } from '../api/types.ts';
import { rfc3339, type VirtualClock } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import type { EventType } from '../client/event-recorder.ts';
import type { Backoff } from './backoff.ts';
import { earliest, type ContainerRun } from './container-run.ts';
import { goDuration } from './go-duration.ts';
import { imageID, imageSize, pullError } from './image-catalog.ts';
import type { ImageStore } from './image-store.ts';
import { nextThresholdTick, probeChanges, probeOutcome, type ProbeKind } from './probes.ts';

/** How long the kubelet takes to notice an exited container (PLEG relist) before restarting it. */
export const PLEG_RELIST_MS = 1000;
/** ErrImagePull shows this long before the next sync reports ImagePullBackOff. */
export const PULL_ERROR_SHOWN_MS = 1000;

/** What container steps need from their pod and kubelet. */
export interface StepContext {
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly images: ImageStore;
  readonly crashBackoff: Backoff;
  readonly pullBackoff: Backoff;
  readonly pod: KubeObject;
  readonly podIP: string;
  /** Records an event about the pod, on the container's field path. */
  event(c: ContainerRun, type: EventType, reason: string, message: string, times?: number): void;
  /** Whether the pod restarts a container that exited with `code`. */
  restarts(c: ContainerRun, code: number): boolean;
  graceSeconds(): number;
}

function podFormat(pod: KubeObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

function hex64(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += rng.nextUint32().toString(16).padStart(8, '0');
  return s;
}

/** Runs the container's due step; returns false when nothing was due. */
export function stepContainer(c: ContainerRun, ctx: StepContext): boolean {
  const now = ctx.clock.now();
  if (c.dueAt === undefined || c.dueAt > now) return false;
  c.dueAt = undefined;
  switch (c.step) {
    case 'start':
      start(c, ctx, now);
      break;
    case 'pulling':
      pulled(c, ctx, now);
      break;
    case 'running':
      running(c, ctx, now);
      break;
    case 'stopping':
      terminate(c, ctx, now, c.stopExitCode ?? 137);
      break;
    default:
      break;
  }
  return true;
}

function start(c: ContainerRun, ctx: StepContext, now: number): void {
  const pod = ctx.pod;
  // Once the kubelet moves on from a finished run, that run is what lastState shows.
  if (c.state && 'terminated' in c.state) c.lastState = { terminated: c.state.terminated };
  if (c.finishedAtMs !== undefined) {
    const key = `${pod.metadata.uid}_${c.name}`;
    if (ctx.crashBackoff.isInBackOffSince(key, c.finishedAtMs, now)) {
      const delay = ctx.crashBackoff.get(key);
      ctx.event(c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podFormat(pod)}`);
      c.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${podFormat(pod)}` } };
      c.dueAt = c.finishedAtMs + delay;
      return;
    }
    ctx.crashBackoff.next(key, now);
  }
  const image = c.spec.image ?? '';
  if ('error' in c.ref) {
    const msg = `Failed to apply default image tag ${JSON.stringify(image)}: ${c.ref.error}`;
    ctx.event(c, 'Warning', 'InspectFailed', msg);
    ctx.event(c, 'Warning', 'Failed', 'Error: InvalidImageName');
    c.state = { waiting: { reason: 'InvalidImageName', message: msg } };
    c.step = 'stuck';
    return;
  }
  const ref = c.ref;
  const present = ctx.images.has(ref);
  if (c.pullPolicy === 'Never' && !present) {
    const msg = `Container image ${JSON.stringify(image)} is not present with pull policy of Never`;
    ctx.event(c, 'Warning', 'ErrImageNeverPull', msg);
    ctx.event(c, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
    c.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } };
    c.step = 'stuck';
    return;
  }
  if (c.pullPolicy === 'Always' || !present) {
    const key = `${pod.metadata.uid}_${image}`;
    if (ctx.pullBackoff.isInBackOffSinceUpdate(key, now)) {
      const msg = `Back-off pulling image ${JSON.stringify(image)}`;
      ctx.event(c, 'Normal', 'BackOff', msg);
      ctx.event(c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      c.state = { waiting: { reason: 'ImagePullBackOff', message: msg } };
      c.dueAt = ctx.pullBackoff.endOfUpdateBackOff(key);
      return;
    }
    ctx.event(c, 'Normal', 'Pulling', `Pulling image ${JSON.stringify(image)}`);
    const error = pullError(ref);
    const booked = ctx.images.schedulePull(ref, now, error !== undefined);
    c.pull = { requestedAt: now, pullMs: booked.pullMs, ...(error !== undefined ? { error } : {}) };
    c.step = 'pulling';
    c.dueAt = booked.doneAt;
    return;
  }
  ctx.event(c, 'Normal', 'Pulled', `Container image ${JSON.stringify(image)} already present on machine`);
  run(c, ctx, now);
}

function pulled(c: ContainerRun, ctx: StepContext, now: number): void {
  const image = c.spec.image ?? '';
  const pull = c.pull!;
  c.pull = undefined;
  if ('error' in c.ref) return;
  if (pull.error !== undefined) {
    ctx.event(c, 'Warning', 'Failed', `Failed to pull image ${JSON.stringify(image)}: ${pull.error}`);
    ctx.event(c, 'Warning', 'Failed', 'Error: ErrImagePull');
    ctx.pullBackoff.next(`${ctx.pod.metadata.uid}_${image}`, now);
    c.state = { waiting: { reason: 'ErrImagePull', message: pull.error } };
    c.step = 'start';
    c.dueAt = now + PULL_ERROR_SHOWN_MS;
    return;
  }
  ctx.images.add(c.ref);
  ctx.event(
    c,
    'Normal',
    'Pulled',
    `Successfully pulled image ${JSON.stringify(image)} in ${goDuration(pull.pullMs)} (${goDuration(now - pull.requestedAt)} including waiting). Image size: ${imageSize(c.ref)} bytes.`,
  );
  run(c, ctx, now);
}

/** Creates and starts the container. */
function run(c: ContainerRun, ctx: StepContext, now: number): void {
  if ('error' in c.ref) return;
  if (c.everStarted) c.restartCount++;
  c.everStarted = true;
  c.containerID = `containerd://${hex64(ctx.rng)}`;
  ctx.event(c, 'Normal', 'Created', `Created container: ${c.name}`);
  ctx.event(c, 'Normal', 'Started', `Started container ${c.name}`);
  c.state = { running: { startedAt: rfc3339(now) } };
  c.image = c.ref.full;
  c.imageID = imageID(c.ref);
  c.startedAtMs = now;
  c.finishedAtMs = undefined;
  c.started = !c.spec.startupProbe;
  c.ready = c.started && !c.spec.readinessProbe && !c.init;
  if (c.init && !c.sidecar) c.ready = false;
  if (c.sidecar && c.started && !c.spec.readinessProbe) c.ready = true;
  c.exitAtMs = c.behaviour.exit ? now + c.behaviour.exit.afterMs : undefined;
  c.step = 'running';
  c.probes = {};
  if (c.spec.startupProbe) planStartup(c, ctx, now);
  else planProbes(c, ctx, now);
  c.dueAt = runningDue(c);
}

function runningDue(c: ContainerRun): number | undefined {
  const p = c.probes;
  return earliest(c.exitAtMs, p.startupOkAt, p.startupFailAt, p.readyFlipAt, p.readyFailNoticeAt, p.liveFailAt);
}

interface ProbeTiming {
  initialDelayMs: number;
  periodMs: number;
  success: number;
  failure: number;
}

function timing(p: Probe): ProbeTiming {
  return { initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000, periodMs: (p.periodSeconds ?? 10) * 1000, success: p.successThreshold ?? 1, failure: p.failureThreshold ?? 3 };
}

function threshold(c: ContainerRun, ctx: StepContext, kind: ProbeKind, probe: Probe, want: boolean, fromAbs: number): number | undefined {
  const t = timing(probe);
  const ports = c.spec.ports ?? [];
  const at = nextThresholdTick({
    initialDelayMs: t.initialDelayMs,
    periodMs: t.periodMs,
    threshold: want ? t.success : t.failure,
    want,
    fromMs: fromAbs - c.startedAtMs,
    outcome: (since) => probeOutcome(kind, probe, c.behaviour, since, { podIP: ctx.podIP, ports }).ok,
    changes: probeChanges(kind, c.behaviour),
  });
  return at === undefined ? undefined : c.startedAtMs + at;
}

function planStartup(c: ContainerRun, ctx: StepContext, now: number): void {
  const probe = c.spec.startupProbe!;
  c.probes.startupOkAt = threshold(c, ctx, 'startup', probe, true, now);
  const fail = threshold(c, ctx, 'startup', probe, false, now);
  if (fail !== undefined && (c.probes.startupOkAt === undefined || fail < c.probes.startupOkAt)) {
    c.probes.startupFailAt = fail;
    c.probes.startupOkAt = undefined;
  }
}

/** Readiness and liveness from `now` on (after start, or once the startup probe succeeded). */
function planProbes(c: ContainerRun, ctx: StepContext, now: number): void {
  const r = c.spec.readinessProbe;
  if (r) {
    c.probes.readyFlipAt = threshold(c, ctx, 'readiness', r, !c.ready, now);
    if (!c.ready) {
      const firstFail = threshold(c, ctx, 'readiness', { ...r, failureThreshold: 1 }, false, now);
      if (firstFail !== undefined && (c.probes.readyFlipAt === undefined || firstFail < c.probes.readyFlipAt)) c.probes.readyFailNoticeAt = firstFail;
    }
  }
  const l = c.spec.livenessProbe;
  if (l) c.probes.liveFailAt = threshold(c, ctx, 'liveness', l, false, now);
}

function probeMessage(c: ContainerRun, ctx: StepContext, kind: ProbeKind, probe: Probe, at: number): string {
  const out = probeOutcome(kind, probe, c.behaviour, at - c.startedAtMs, { podIP: ctx.podIP, ports: c.spec.ports ?? [] }).output;
  const label = kind === 'liveness' ? 'Liveness' : kind === 'readiness' ? 'Readiness' : 'Startup';
  return `${label} probe failed: ${out}`;
}

function running(c: ContainerRun, ctx: StepContext, now: number): void {
  const p = c.probes;
  if (c.exitAtMs !== undefined && c.exitAtMs <= now) {
    const exit = c.behaviour.exit!;
    terminate(c, ctx, now, exit.exitCode, exit.reason);
    return;
  }
  if (p.startupFailAt !== undefined && p.startupFailAt <= now) {
    const probe = c.spec.startupProbe!;
    ctx.event(c, 'Warning', 'Unhealthy', probeMessage(c, ctx, 'startup', probe, now), timing(probe).failure);
    ctx.event(c, 'Normal', 'Killing', `Container ${c.name} failed startup probe, will be restarted`);
    stop(c, now, probe.terminationGracePeriodSeconds ?? ctx.graceSeconds());
    return;
  }
  if (p.startupOkAt !== undefined && p.startupOkAt <= now) {
    p.startupOkAt = undefined;
    c.started = true;
    if (!c.spec.readinessProbe && (!c.init || c.sidecar)) c.ready = true;
    planProbes(c, ctx, now);
  } else if (p.liveFailAt !== undefined && p.liveFailAt <= now) {
    const probe = c.spec.livenessProbe!;
    ctx.event(c, 'Warning', 'Unhealthy', probeMessage(c, ctx, 'liveness', probe, now), timing(probe).failure);
    ctx.event(c, 'Normal', 'Killing', `Container ${c.name} failed liveness probe, will be restarted`);
    stop(c, now, probe.terminationGracePeriodSeconds ?? ctx.graceSeconds());
    return;
  } else if (p.readyFailNoticeAt !== undefined && p.readyFailNoticeAt <= now) {
    p.readyFailNoticeAt = undefined;
    ctx.event(c, 'Warning', 'Unhealthy', probeMessage(c, ctx, 'readiness', c.spec.readinessProbe!, now));
  } else if (p.readyFlipAt !== undefined && p.readyFlipAt <= now) {
    c.ready = !c.ready;
    const probe = c.spec.readinessProbe!;
    if (!c.ready) ctx.event(c, 'Warning', 'Unhealthy', probeMessage(c, ctx, 'readiness', probe, now), timing(probe).failure);
    p.readyFlipAt = threshold(c, ctx, 'readiness', probe, !c.ready, now + 1);
  }
  c.dueAt = runningDue(c);
}

/** Sends SIGTERM: a handler exits soon, PID 1 without one is killed at the grace deadline. */
export function stop(c: ContainerRun, now: number, graceSeconds: number): void {
  const graceMs = Math.max(0, graceSeconds) * 1000;
  const b = c.behaviour;
  const byKill = b.ignoresSigterm || b.stopMs > graceMs;
  c.step = 'stopping';
  c.ready = false;
  c.stopExitCode = byKill ? 137 : b.sigtermExitCode;
  c.dueAt = now + (byKill ? graceMs : b.stopMs);
}

/** Shortens a stop already under way to a new deadline (a delete with a shorter grace period). */
export function hurryStop(c: ContainerRun, deadline: number): void {
  if (c.step !== 'stopping' || c.dueAt === undefined || c.dueAt <= deadline) return;
  c.dueAt = deadline;
  c.stopExitCode = 137;
}

function terminate(c: ContainerRun, ctx: StepContext, now: number, code: number, reason?: string): void {
  const terminated = {
    exitCode: code,
    reason: reason ?? (code === 0 ? 'Completed' : 'Error'),
    startedAt: rfc3339(c.startedAtMs),
    finishedAt: rfc3339(now),
    ...(c.containerID ? { containerID: c.containerID } : {}),
  };
  c.state = { terminated };
  c.ready = false;
  c.started = false;
  c.finishedAtMs = now;
  c.exitAtMs = undefined;
  c.probes = {};
  if (c.init && !c.sidecar && code === 0) c.ready = true;
  if (ctx.restarts(c, code)) {
    c.step = 'start';
    c.dueAt = now + PLEG_RELIST_MS;
  } else {
    c.step = 'done';
  }
}
