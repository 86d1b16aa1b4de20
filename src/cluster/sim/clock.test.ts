import { describe, expect, it } from 'vitest';
import { VirtualClock, rfc3339, microTime } from './clock.ts';

describe('VirtualClock', () => {
  it('fires timers in due order, same-time timers in scheduling order', () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 20);
    clock.setTimeout(() => fired.push('a'), 10);
    clock.setTimeout(() => fired.push('c'), 20);
    expect(clock.nextEventAt()).toBe(10);
    clock.advance(15);
    expect(fired).toEqual(['a']);
    expect(clock.now()).toBe(15);
    clock.advance(5);
    expect(fired).toEqual(['a', 'b', 'c']);
  });

  it('runs timers scheduled while firing when they fall inside the window', () => {
    const clock = new VirtualClock(0);
    const at: number[] = [];
    const tick = () => {
      at.push(clock.now());
      if (at.length < 5) clock.setTimeout(tick, 10);
    };
    clock.setTimeout(tick, 10);
    clock.advance(35);
    expect(at).toEqual([10, 20, 30]);
    clock.runUntilIdle();
    expect(at).toEqual([10, 20, 30, 40, 50]);
    expect(clock.nextEventAt()).toBeUndefined();
  });

  it('cancels timers', () => {
    const clock = new VirtualClock(0);
    let n = 0;
    const h = clock.setTimeout(() => n++, 5);
    clock.setTimeout(() => n += 10, 6);
    clock.cancel(h);
    expect(clock.nextEventAt()).toBe(6);
    clock.advance(10);
    expect(n).toBe(10);
  });

  it('step jumps to the next event', () => {
    const clock = new VirtualClock(1000);
    clock.setTimeout(() => undefined, 250);
    expect(clock.step()).toBe(1250);
    expect(clock.step()).toBe(1250);
  });

  it('formats timestamps as Kubernetes does', () => {
    expect(rfc3339(Date.UTC(2026, 0, 1, 0, 0, 5, 999))).toBe('2026-01-01T00:00:05Z');
    expect(microTime(Date.UTC(2026, 0, 1, 0, 0, 5, 123))).toBe('2026-01-01T00:00:05.123000Z');
  });

  it.each([0, 7, 999, 1000, 59_999, 86_400_000 - 1, 366 * 86_400_000 + 5])('formats +%i ms exactly as Date does, whatever was formatted before', (offset) => {
    const ms = Date.UTC(2026, 0, 1) + offset;
    // Interleave other seconds so the one-second memo must switch.
    rfc3339(ms + 5000);
    expect(rfc3339(ms)).toBe(new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
    microTime(ms - 3000);
    expect(microTime(ms)).toBe(new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z'));
  });
});
