import { describe, expect, it } from 'vitest';
import { parseCronSchedule } from '../../api/strategies/cron-schedule.ts';
import { mostRecentScheduleTime, nextScheduleTime, rfc1123z, rfc3339InZone, timeZoneError } from './cron-time.ts';

const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('nextScheduleTime', () => {
  it.each([
    ['*/1 * * * *', '2026-01-01T00:00:00Z', undefined, '2026-01-01T00:01:00.000Z'],
    ['*/1 * * * *', '2026-01-01T00:00:30Z', undefined, '2026-01-01T00:01:00.000Z'],
    ['*/15 * * * *', '2026-01-01T00:16:00Z', undefined, '2026-01-01T00:30:00.000Z'],
    ['@hourly', '2026-01-01T05:00:00Z', undefined, '2026-01-01T06:00:00.000Z'],
    ['@daily', '2026-01-01T05:00:00Z', undefined, '2026-01-02T00:00:00.000Z'],
    ['@weekly', '2026-01-01T05:00:00Z', undefined, '2026-01-04T00:00:00.000Z'], // a Sunday
    ['@yearly', '2026-01-01T05:00:00Z', undefined, '2027-01-01T00:00:00.000Z'],
    ['0 9 * * 1-5', '2026-01-02T10:00:00Z', undefined, '2026-01-05T09:00:00.000Z'], // Fri -> Mon
    ['0 0 13 * 5', '2026-01-01T00:00:00Z', undefined, '2026-01-02T00:00:00.000Z'], // dom OR dow: Friday 2nd
    ['0 9 * * *', '2025-12-31T23:00:00Z', 'Asia/Tokyo', '2026-01-01T00:00:00.000Z'], // 09:00 JST
    ['30 2 * * *', '2026-01-01T00:00:00Z', 'America/New_York', '2026-01-01T07:30:00.000Z'],
  ])('%s after %s in %s is %s', (spec, after, zone, want) => {
    expect(iso(nextScheduleTime(parseCronSchedule(spec), at(after), zone))).toBe(want);
  });

  it('counts missed schedules and finds the latest', () => {
    const s = parseCronSchedule('*/1 * * * *');
    expect(mostRecentScheduleTime(s, at('2026-01-01T00:00:00Z'), at('2026-01-01T00:03:30Z'))).toEqual({ latest: at('2026-01-01T00:03:00Z'), missed: 3 });
    expect(mostRecentScheduleTime(s, at('2026-01-01T00:00:00Z'), at('2026-01-01T00:00:59Z'))).toEqual({ latest: undefined, missed: 0 });
    const many = mostRecentScheduleTime(s, at('2026-01-01T00:00:00Z'), at('2026-01-03T00:00:10Z'), undefined, 100);
    expect(many.missed).toBeGreaterThan(100);
    expect(iso(many.latest)).toBe('2026-01-03T00:00:00.000Z');
  });

  it('formats times as Go does and knows which zones exist', () => {
    expect(rfc3339InZone(at('2026-01-01T00:00:00Z'), 'Asia/Tokyo')).toBe('2026-01-01T09:00:00+09:00');
    expect(rfc3339InZone(at('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00Z');
    expect(rfc1123z(at('2026-01-01T00:01:00Z'))).toBe('Thu, 01 Jan 2026 00:01:00 +0000');
    expect(timeZoneError('Europe/Berlin')).toBeUndefined();
    expect(timeZoneError('Mars/Olympus')).toBe('unknown time zone Mars/Olympus');
  });
});
