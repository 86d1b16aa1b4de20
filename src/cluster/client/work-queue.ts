/**
 * client-go's rate-limited work queue on virtual time: a key is queued at most once however often it is
 * added, is never processed by two workers at once (a key added while it is being processed is queued
 * again afterwards), and rate-limited adds wait as client-go's DefaultControllerRateLimiter says: the
 * longer of a per-key exponential back-off (5 ms doubling to 1000 s) and a token bucket shared by all
 * keys (10 per second, burst 100). The bucket matters: a reconcile that asks to be looked at again "now"
 * after succeeding (the Deployment controller's stuck-rollout check) has its back-off forgotten every
 * time, so only the bucket keeps it from spinning.
 *
 * Processing happens on the virtual clock (a zero-delay timer), never inside the call that added the
 * key, so controllers never re-enter each other from inside a store write.
 */
import type { VirtualClock, TimerHandle } from '../sim/clock.ts';

export interface ReconcileResult {
  /** Process the key again after this many virtual ms (and forget its failures). */
  requeueAfter?: number;
}

export type Reconciler = (key: string) => ReconcileResult | void;

export interface WorkQueueOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Shared token bucket: refill per second (10) and size (100), as client-go's default. */
  bucketQps?: number;
  bucketBurst?: number;
  /** Called when a reconcile throws; the key is then retried with back-off. */
  onError?: (key: string, error: unknown) => void;
}

export class WorkQueue {
  private queue: string[] = [];
  private head = 0;
  private dirty = new Set<string>();
  private processing = new Set<string>();
  private failures = new Map<string, number>();
  private delayed = new Map<string, { at: number; handle: TimerHandle }>();
  private drainScheduled = false;
  private tokens: number | undefined;
  private tokensAt = 0;
  /** Keys processed since creation, for activity figures. */
  processed = 0;

  constructor(
    private readonly clock: VirtualClock,
    readonly name: string,
    private readonly reconcile: Reconciler,
    private readonly opts: WorkQueueOptions = {},
  ) {}

  /** Queues `key` unless it is already waiting. */
  add(key: string): void {
    if (this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.scheduleDrain();
  }

  /** Queues `key` after `ms` virtual milliseconds (an earlier pending add wins). */
  addAfter(key: string, ms: number): void {
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    if (existing) this.clock.cancel(existing.handle);
    const handle = this.clock.at(at, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, { at, handle });
  }

  /** Queues `key` after its next back-off step. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const base = this.opts.baseDelayMs ?? 5;
    const max = this.opts.maxDelayMs ?? 1_000_000;
    this.addAfter(key, Math.max(Math.min(max, base * 2 ** n), this.bucketDelay()));
  }

  /** golang.org/x/time/rate Reserve(): take a token now, waiting (tokens below zero) when none is left. */
  private bucketDelay(): number {
    const qps = this.opts.bucketQps ?? 10;
    const burst = this.opts.bucketBurst ?? 100;
    const now = this.clock.now();
    const tokens = this.tokens === undefined ? burst : Math.min(burst, this.tokens + ((now - this.tokensAt) * qps) / 1000);
    this.tokens = tokens - 1;
    this.tokensAt = now;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / qps);
  }

  /** Clears a key's failure count. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Keys waiting to be processed. */
  len(): number {
    return this.queue.length - this.head;
  }

  /** Keys scheduled for later. */
  delayedLen(): number {
    return this.delayed.size;
  }

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    this.clock.setTimeout(() => this.drain(), 0);
  }

  private drain(): void {
    this.drainScheduled = false;
    while (this.head < this.queue.length) {
      const key = this.queue[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.dirty.delete(key);
      this.processing.add(key);
      let result: ReconcileResult | void = undefined;
      let failed = false;
      try {
        result = this.reconcile(key);
      } catch (e) {
        failed = true;
        this.opts.onError?.(key, e);
      }
      this.processing.delete(key);
      this.processed++;
      if (failed) this.addRateLimited(key);
      else {
        this.forget(key);
        if (result?.requeueAfter !== undefined) this.addAfter(key, result.requeueAfter);
      }
      if (this.dirty.has(key)) this.queue.push(key);
    }
  }
}
