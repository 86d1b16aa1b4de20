/**
 * One pod on one node, through its life: sandbox, init containers in order, containers, restarts,
 * completion, graceful termination and the kubelet's final delete. Level-based like the kubelet's pod
 * worker: `sync()` runs whatever is due now, posts the status if it changed, and leaves exactly one
 * timer for the next thing due (none when nothing is).
 */
import type { KubeObject } from '../api/types.ts';
import type { TimerHandle } from '../sim/clock.ts';
import { rfc3339 } from '../sim/clock.ts';
import type { EventType } from '../client/event-recorder.ts';
import { containerRuns, earliest, type ContainerRun } from './container-run.ts';
import { hurryStop, stepContainer, stop, type StepContext } from './container-steps.ts';
import { buildPodStatus, initDone, podPhase, type Phase, type PodCondition } from './pod-status.ts';
import type { KubeletRuntime } from './kubelet-runtime.ts';

interface PriorStatus {
  name: string;
  restartCount?: number;
  containerID?: string;
  state?: { running?: { startedAt?: string }; terminated?: { exitCode: number } };
  lastState?: { terminated?: unknown };
}

export class PodWorker {
  pod: KubeObject;
  readonly uid: string;
  private readonly containers: ContainerRun[];
  private sandboxAt: number | undefined;
  private sandboxReady = false;
  private initializedOnce = false;
  private podIP: string | undefined;
  private startTime: string | undefined;
  private terminating = false;
  private finished = false;
  private phase: Phase = 'Pending';
  private timer: TimerHandle | undefined;
  private timerAt: number | undefined;
  private lastPosted = '';
  /** Main containers are finished and sidecars are being stopped: nothing restarts any more. */
  private completing = false;
  private readonly ctx: StepContext;

  constructor(
    pod: KubeObject,
    private readonly rt: KubeletRuntime,
  ) {
    this.pod = pod;
    this.uid = pod.metadata.uid ?? '';
    this.containers = containerRuns(pod);
    const status = (pod.status ?? {}) as { startTime?: string; containerStatuses?: PriorStatus[]; initContainerStatuses?: PriorStatus[] };
    this.startTime = status.startTime;
    this.resumeAfterReboot([...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]);
    const worker = (): PodWorker => this;
    this.ctx = {
      clock: rt.clock,
      rng: rt.rng,
      images: rt.images,
      get crashBackoff() {
        return rt.crashBackoff;
      },
      get pullBackoff() {
        return rt.pullBackoff;
      },
      get pod() {
        return worker().pod;
      },
      get podIP() {
        return worker().podIP ?? '';
      },
      event: (c, type, reason, message, times = 1) => this.event(c, type, reason, message, times),
      restarts: (c, code) => !this.terminating && !this.completing && (c.sidecar || (c.init ? code !== 0 && this.restartPolicy() !== 'Never' : this.restartPolicy() === 'Always' || (this.restartPolicy() === 'OnFailure' && code !== 0))),
      graceSeconds: () => this.graceSeconds(),
    };
  }

  /**
   * A pod that already ran here before the machine went down: its containers are gone, so those that
   * had started come back as after a reboot (restartCount + 1, lastState terminated with exit code 255
   * and reason Unknown).
   */
  private resumeAfterReboot(prior: PriorStatus[]): void {
    const now = this.rt.clock.now();
    for (const p of prior) {
      const c = this.containers.find((x) => x.name === p.name);
      if (!c || !p.containerID) continue;
      c.everStarted = true;
      c.restartCount = p.restartCount ?? 0;
      const startedAt = p.state?.running?.startedAt;
      if (startedAt) {
        c.lastState = { terminated: { exitCode: 255, reason: 'Unknown', startedAt, finishedAt: rfc3339(now), containerID: p.containerID } };
      } else if (p.lastState?.terminated) {
        c.lastState = { terminated: p.lastState.terminated as NonNullable<ContainerRun['lastState']['terminated']> };
      }
    }
  }

  private restartPolicy(): string {
    return (this.pod.spec as { restartPolicy?: string } | undefined)?.restartPolicy ?? 'Always';
  }

  private graceSeconds(): number {
    const spec = this.pod.spec as { terminationGracePeriodSeconds?: number } | undefined;
    return this.pod.metadata.deletionGracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? 30;
  }

  private event(c: ContainerRun | undefined, type: EventType, reason: string, message: string, times: number): void {
    for (let i = 0; i < times; i++) this.rt.recorder.event(this.pod, type, reason, message, c?.fieldPath);
  }

  /** Takes a newer copy of the pod from the watch. Returns whether the kubelet must act on it. */
  update(pod: KubeObject): boolean {
    const old = this.pod;
    this.pod = pod;
    if (this.finished || !pod.metadata.deletionTimestamp) return false;
    if (old.metadata.deletionTimestamp && pod.metadata.deletionGracePeriodSeconds !== old.metadata.deletionGracePeriodSeconds) this.graceChanged = true;
    return !this.terminating || this.graceChanged;
  }

  private graceChanged = false;

  /** Runs everything due now, posts the status if it changed, and arms the next timer. */
  sync(): void {
    if (this.finished) return;
    const now = this.rt.clock.now();
    if (this.pod.metadata.deletionTimestamp && (!this.terminating || this.graceChanged)) this.beginTermination(now);
    this.graceChanged = false;
    if (!this.startTime) this.startTime = rfc3339(now);
    if (!this.sandboxReady && !this.terminating) {
      this.sandboxAt ??= now + this.rt.rng.range(500, 1500);
      if (now >= this.sandboxAt) {
        this.sandboxReady = true;
        this.podIP = (this.pod.spec as { hostNetwork?: boolean }).hostNetwork ? this.rt.hostIP : this.rt.ips.allocate();
      }
    }
    if (this.sandboxReady && !this.terminating) this.advance();
    if (this.terminating) this.advanceTermination();
    const initialized = this.initializedOnce || (this.sandboxReady && initDone(this.containers));
    this.initializedOnce = initialized;
    const phase = this.terminating ? (this.allStopped() ? podPhase(this.containers, initialized, true) : this.phase) : podPhase(this.containers, initialized, false);
    // Sidecars are stopped once the main containers are done; the pod completes when they have.
    if (!((phase === 'Succeeded' || phase === 'Failed') && !this.terminating && this.stopSidecars(now))) this.phase = phase;
    const terminal = this.phase === 'Succeeded' || this.phase === 'Failed';
    if (terminal) this.teardown();
    this.post(now);
    if (this.terminating && this.allStopped()) {
      this.finished = true;
      this.rt.confirmDeletion(this);
      return;
    }
    if (terminal) this.finished = true;
    this.arm(this.finished ? undefined : earliest(this.sandboxReady ? undefined : this.sandboxAt, ...this.containers.map((c) => c.dueAt)));
  }

  private advance(): void {
    for (let guard = 0; guard < 1000; guard++) {
      let progressed = false;
      let blocked = false;
      for (const c of this.containers) {
        if (c.init && blocked) break;
        if (!c.init && !initDone(this.containers) && !this.initializedOnce) break;
        if (c.step === 'idle') {
          c.step = 'start';
          c.dueAt = this.rt.clock.now();
        }
        if (stepContainer(c, this.ctx)) progressed = true;
        if (c.init && (c.sidecar ? !c.started : c.step !== 'done')) blocked = true;
        if (c.init && !c.sidecar && c.step === 'done' && c.state && 'terminated' in c.state && c.state.terminated.exitCode !== 0) return;
      }
      if (!progressed) return;
    }
  }

  /** Stops running sidecars once the main containers are finished; true while any is still stopping. */
  private stopSidecars(now: number): boolean {
    this.completing = true;
    let any = false;
    for (const c of this.containers) {
      if (!c.sidecar) continue;
      if (c.step === 'running') {
        this.event(c, 'Normal', 'Killing', `Stopping container ${c.name}`, 1);
        stop(c, now, this.graceSeconds());
      } else if (c.step === 'start') {
        c.step = 'done';
        c.dueAt = undefined;
      }
      if (c.step === 'stopping') any = true;
    }
    return any;
  }

  private beginTermination(now: number): void {
    const deadline = now + this.graceSeconds() * 1000;
    if (this.terminating) {
      // A second delete with a shorter grace period brings the SIGKILL forward.
      for (const c of this.containers) hurryStop(c, deadline);
      return;
    }
    this.terminating = true;
    for (const c of this.containers) {
      if (c.step === 'running') {
        this.event(c, 'Normal', 'Killing', `Stopping container ${c.name}`, 1);
        stop(c, now, this.graceSeconds());
      } else if (c.step === 'stopping') {
        hurryStop(c, deadline);
      } else {
        c.step = 'done';
        c.dueAt = undefined;
      }
    }
  }

  private advanceTermination(): void {
    for (const c of this.containers) if (c.step === 'stopping') stepContainer(c, this.ctx);
  }

  private allStopped(): boolean {
    return this.containers.every((c) => c.step !== 'stopping' && c.step !== 'running');
  }

  private teardown(): void {
    if (!this.sandboxReady) return;
    this.sandboxReady = false;
    if (this.podIP && this.podIP !== this.rt.hostIP) this.rt.ips.release(this.podIP);
  }

  private post(now: number): void {
    const current = ((this.pod.status as { conditions?: PodCondition[] } | undefined)?.conditions ?? []) as PodCondition[];
    const status = buildPodStatus({
      containers: this.containers,
      phase: this.phase,
      sandboxReady: this.sandboxReady,
      initialized: this.initializedOnce,
      hostIP: this.rt.hostIP,
      ...(this.podIP ? { podIP: this.podIP } : {}),
      ...(this.startTime ? { startTime: this.startTime } : {}),
      current,
      ...((this.pod.status as { qosClass?: string } | undefined)?.qosClass ? { qosClass: (this.pod.status as { qosClass: string }).qosClass } : {}),
      nowMs: now,
    });
    // Transition times are kept unless a condition changes, so everything else tells whether to post.
    const conds = (status.conditions as PodCondition[]).map((c) => `${c.type}=${c.status}/${c.reason ?? ''}/${c.message ?? ''}`);
    const fingerprint = JSON.stringify([status.phase, status.podIP, conds, status.containerStatuses, status.initContainerStatuses]);
    if (fingerprint === this.lastPosted) return;
    this.lastPosted = fingerprint;
    this.rt.writeStatus(this, status);
  }

  private arm(at: number | undefined): void {
    if (at === this.timerAt) return;
    this.rt.clock.cancel(this.timer);
    this.timer = undefined;
    this.timerAt = at;
    if (at === undefined) return;
    this.timer = this.rt.clock.at(at, () => {
      this.timer = undefined;
      this.timerAt = undefined;
      this.sync();
    });
  }

  /** Stops the worker's timer and frees its address (the pod is gone, or the machine died). */
  dispose(releaseIP: boolean): void {
    this.arm(undefined);
    this.finished = true;
    if (releaseIP && this.sandboxReady && this.podIP && this.podIP !== this.rt.hostIP) this.rt.ips.release(this.podIP);
    this.sandboxReady = false;
  }

  /** Whether the worker has nothing left to do (terminal or deletion confirmed). */
  isFinished(): boolean {
    return this.finished;
  }

  /** The phase last posted. */
  get phaseNow(): Phase {
    return this.phase;
  }
}
