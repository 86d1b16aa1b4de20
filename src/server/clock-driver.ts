/**
 * Runs the cluster's virtual clock against real time at a chosen speed (1 = real time, 0 = paused).
 * Virtual time advances in whole milliseconds; the fraction a tick leaves over carries to the next, so
 * no time is lost at odd speeds. With a manual clock nothing runs unless advance() is called.
 */
import type { Cluster } from '../cluster/cluster.ts';

const TICK_MS = 50;

export class ClockDriver {
  private timer: NodeJS.Timeout | undefined;
  private last = 0;
  private carry = 0;
  private currentSpeed: number;

  constructor(
    private readonly cluster: Cluster,
    speed: number,
    readonly manual: boolean,
  ) {
    this.currentSpeed = manual ? 0 : speed;
  }

  get speed(): number {
    return this.currentSpeed;
  }

  start(): void {
    if (this.manual || this.timer) return;
    this.last = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Changes the speed (>= 0). A manual clock stays manual: it has no real-time loop to speed up. */
  setSpeed(speed: number): void {
    this.tick();
    this.currentSpeed = this.manual ? 0 : speed;
  }

  /** Runs everything due in the next `ms` virtual milliseconds, deterministically, now. */
  advance(ms: number): void {
    this.cluster.advance(ms);
  }

  private tick(): void {
    const now = performance.now();
    const realMs = now - this.last;
    this.last = now;
    if (this.currentSpeed <= 0) return;
    this.carry += realMs * this.currentSpeed;
    const whole = Math.floor(this.carry);
    this.carry -= whole;
    if (whole > 0) this.cluster.advance(whole);
  }
}
