import { describe, expect, it } from 'vitest';
import { RateLimitedTimedQueue, TokenBucket } from './rate-limited-queue.ts';

describe('TokenBucket (burst 1)', () => {
  it('starts full, then refills at qps', () => {
    const b = new TokenBucket(0.1, 0);
    expect(b.tryAccept(0)).toBe(true);
    expect(b.tryAccept(5_000)).toBe(false);
    expect(b.nextTokenAt(5_000)).toBe(10_000);
    expect(b.tryAccept(10_000)).toBe(true);
    // Burst 1: a long quiet spell still gives one token, not many.
    expect(b.tryAccept(100_000)).toBe(true);
    expect(b.tryAccept(100_000)).toBe(false);
  });
  it('never accepts at qps 0', () => {
    const b = new TokenBucket(0, 0);
    expect(b.tryAccept(1e9)).toBe(false);
    expect(b.nextTokenAt(0)).toBe(Infinity);
  });
});

describe('RateLimitedTimedQueue', () => {
  const drain = (q: RateLimitedTimedQueue, now: number) => {
    const done: string[] = [];
    q.try(now, (v) => {
      done.push(v.value);
      return { done: true };
    });
    return done;
  };

  it('processes one item per token, in order added', () => {
    const q = new RateLimitedTimedQueue(0.1, 0);
    q.add('a', 'u1', 0);
    q.add('b', 'u2', 0);
    expect(drain(q, 0)).toEqual(['a']);
    expect(q.nextRunAt(0)).toBe(10_000);
    expect(drain(q, 9_999)).toEqual([]);
    expect(drain(q, 10_000)).toEqual(['b']);
  });

  it('adds a value once until it is removed, even after it was processed', () => {
    const q = new RateLimitedTimedQueue(1, 0);
    expect(q.add('a', 'u', 0)).toBe(true);
    expect(drain(q, 0)).toEqual(['a']);
    expect(q.add('a', 'u', 5_000)).toBe(false);
    expect(q.remove('a')).toBe(true);
    expect(q.add('a', 'u', 5_000)).toBe(true);
  });

  it('retries an item that asks for it after its wait', () => {
    const q = new RateLimitedTimedQueue(1000, 0);
    q.add('a', 'u', 0);
    let calls = 0;
    q.try(0, () => ({ done: ++calls > 1, retryMs: 50 }));
    expect(q.len()).toBe(1);
    q.try(51, () => ({ done: ++calls > 1 }));
    expect(q.len()).toBe(0);
  });

  it('swapping to 0 stops it; swapping back starts drained', () => {
    const q = new RateLimitedTimedQueue(0.1, 0);
    q.add('a', 'u', 0);
    q.add('b', 'u', 0);
    q.add('c', 'u', 0);
    expect(drain(q, 0)).toEqual(['a']);
    q.swapLimiter(0, 1_000);
    expect(drain(q, 50_000)).toEqual([]);
    expect(q.nextRunAt(50_000)).toBe(Infinity);
    // Leaving a never-limiter starts drained: the first token comes a full period later.
    q.swapLimiter(0.01, 50_000);
    expect(drain(q, 50_000)).toEqual([]);
    expect(q.nextRunAt(50_000)).toBe(150_000);
    expect(drain(q, 150_000)).toEqual(['b']);
  });
});
