/**
 * The node controller's rate-limited tainting queue on virtual time (k/k
 * pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go, client-go flowcontrol's token bucket).
 *
 * A node name is queued at most once until it is explicitly removed: processing it successfully takes
 * it out of the queue but keeps it "seen", so it is not tainted twice while it stays unhealthy. Each
 * processed item costs one token; the bucket holds one token (burst 1) and refills at `qps` per second,
 * so a zone taints at most one node per 1/qps seconds. A qps of 0 never hands out a token.
 */

/** golang.org/x/time/rate's limiter as flowcontrol.NewTokenBucketRateLimiter uses it (burst 1). */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly qps: number,
    nowMs: number,
    readonly burst = 1,
  ) {
    this.tokens = qps > 0 ? burst : 0;
    this.last = nowMs;
  }

  private refill(nowMs: number): void {
    if (this.qps <= 0) return;
    const elapsed = Math.max(0, nowMs - this.last) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.qps);
    this.last = Math.max(this.last, nowMs);
  }

  /** Takes a token if one is available now. */
  tryAccept(nowMs: number): boolean {
    if (this.qps <= 0) return false;
    this.refill(nowMs);
    // A float tolerance so 10 s at 0.1/s is exactly one token.
    if (this.tokens >= 1 - 1e-9) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** When the next token will be available (Infinity for a limiter that never accepts). */
  nextTokenAt(nowMs: number): number {
    if (this.qps <= 0) return Infinity;
    this.refill(nowMs);
    if (this.tokens >= 1 - 1e-9) return nowMs;
    return nowMs + Math.ceil(((1 - this.tokens) / this.qps) * 1000);
  }
}

export interface TimedValue {
  value: string;
  uid: string;
  addedAt: number;
  processAt: number;
}

export class RateLimitedTimedQueue {
  private queue: TimedValue[] = [];
  private seen = new Set<string>();
  private limiter: TokenBucket;

  constructor(qps: number, nowMs: number) {
    this.limiter = new TokenBucket(qps, nowMs);
  }

  get qps(): number {
    return this.limiter.qps;
  }

  /** Queues `value` unless it was added and not removed since. Returns true when added. */
  add(value: string, uid: string, nowMs: number): boolean {
    if (this.seen.has(value)) return false;
    this.seen.add(value);
    this.push({ value, uid, addedAt: nowMs, processAt: nowMs });
    return true;
  }

  /** Forgets `value` so it may be added again. Returns true when it was known. */
  remove(value: string): boolean {
    if (!this.seen.delete(value)) return false;
    this.queue = this.queue.filter((v) => v.value !== value);
    return true;
  }

  /** Items waiting to be processed. */
  len(): number {
    return this.queue.length;
  }

  /**
   * Processes due items while tokens last. `fn` returns `{ done: true }` to finish an item, or
   * `{ done: false, retryMs }` to try it again later.
   */
  try(nowMs: number, fn: (v: TimedValue) => { done: boolean; retryMs?: number }): void {
    for (;;) {
      const head = this.queue[0];
      if (!head) return;
      if (!this.limiter.tryAccept(nowMs)) return;
      if (nowMs < head.processAt) return;
      const r = fn(head);
      this.queue.shift();
      if (r.done) continue;
      this.push({ ...head, processAt: nowMs + (r.retryMs ?? 0) + 1 });
    }
  }

  /** When `try` could next make progress (Infinity: never, until something changes). */
  nextRunAt(nowMs: number): number {
    const head = this.queue[0];
    if (!head) return Infinity;
    return Math.max(head.processAt, this.limiter.nextTokenAt(nowMs));
  }

  /**
   * Replaces the limiter when the rate changes. A drained bucket stays drained, so swapping never
   * grants an extra eviction (the upstream rule for burst 1).
   */
  swapLimiter(qps: number, nowMs: number): void {
    if (this.limiter.qps === qps) return;
    const next = new TokenBucket(qps, nowMs);
    if (qps > 0 && !this.limiter.tryAccept(nowMs)) next.tryAccept(nowMs);
    this.limiter = next;
  }

  private push(v: TimedValue): void {
    // Stable by processAt: equal times keep insertion order.
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.processAt > v.processAt) i--;
    this.queue.splice(i, 0, v);
  }
}
