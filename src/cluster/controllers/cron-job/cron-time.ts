/**
 * Schedule times for CronJobs, as robfig/cron's SpecSchedule.Next computes them: the first whole minute
 * strictly after a time whose month, day, hour and minute match, in the CronJob's time zone (UTC when
 * unset). Day-of-month and day-of-week are OR-ed when both are restricted, AND-ed when either is `*`.
 *
 * Time zones come from the JavaScript engine's Intl data (Node and browsers carry the IANA database):
 * a zone Intl does not know is reported as unknown, as Go's time.LoadLocation would.
 */
import type { CronSchedule } from '../../api/strategies/cron-schedule.ts';

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** The error text for a zone Intl cannot load, or undefined when it is known (or unset / UTC). */
export function timeZoneError(zone: string | undefined): string | undefined {
  if (zone === undefined || zone === 'UTC' || zone === 'Etc/UTC') return undefined;
  try {
    formatter(zone);
    return undefined;
  } catch {
    return `unknown time zone ${zone}`;
  }
}

/** The zone's offset from UTC at `utcMs`, in ms (Tokyo: +9 h). */
export function zoneOffsetMs(zone: string | undefined, utcMs: number): number {
  if (zone === undefined || zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.fields[2]!;
  const dow = s.fields[4]!;
  const domMatch = dom.has(d.getUTCDate());
  const dowMatch = dow.has(d.getUTCDay());
  // robfig marks `*` with a star bit; a full range is the closest the parsed sets can tell.
  const domStar = dom.size === 31;
  const dowStar = dow.size === 7;
  return domStar || dowStar ? domMatch && dowMatch : domMatch || dowMatch;
}

/** The first schedule time strictly after `afterMs` (epoch ms), or undefined within five years. */
export function nextScheduleTime(s: CronSchedule, afterMs: number, zone?: string): number | undefined {
  if (s.everyMs !== undefined) return Math.floor(afterMs / 1000) * 1000 + Math.max(1000, s.everyMs);
  let t = Math.floor((afterMs + zoneOffsetMs(zone, afterMs)) / MINUTE) * MINUTE + MINUTE;
  const limit = t + 5 * 366 * 24 * 60 * MINUTE;
  const [minutes, hours, , months] = s.fields as [ReadonlySet<number>, ReadonlySet<number>, ReadonlySet<number>, ReadonlySet<number>];
  while (t < limit) {
    const d = new Date(t);
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth();
    const day = d.getUTCDate();
    const h = d.getUTCHours();
    if (!months.has(mo + 1)) t = Date.UTC(y, mo + 1, 1);
    else if (!dayMatches(s, d)) t = Date.UTC(y, mo, day + 1);
    else if (!hours.has(h)) t = Date.UTC(y, mo, day, h + 1);
    else if (!minutes.has(d.getUTCMinutes())) t += MINUTE;
    else return t - zoneOffsetMs(zone, t - zoneOffsetMs(zone, t));
  }
  return undefined;
}

/**
 * The latest schedule time in (earliestMs, nowMs] and how many there were (mostRecentScheduleTime).
 * Counting stops past `cap`; the latest is still found.
 */
export function mostRecentScheduleTime(s: CronSchedule, earliestMs: number, nowMs: number, zone?: string, cap = 1000): { latest?: number; missed: number } {
  let latest: number | undefined;
  let missed = 0;
  let t = nextScheduleTime(s, earliestMs, zone);
  while (t !== undefined && t <= nowMs) {
    latest = t;
    missed++;
    if (missed > cap) {
      // Jump close to now, then walk the last few: the count is only reported as "more than cap".
      const back = nextScheduleTime(s, nowMs - 2 * 24 * 60 * MINUTE, zone);
      if (back !== undefined && back > t) t = back;
      else t = nextScheduleTime(s, t, zone);
      for (; t !== undefined && t <= nowMs; t = nextScheduleTime(s, t, zone)) latest = t;
      break;
    }
    t = nextScheduleTime(s, t, zone);
  }
  return { latest, missed };
}

/** Go's time.RFC3339 in the zone: `2026-01-01T09:00:00+09:00`, `Z` for UTC. */
export function rfc3339InZone(utcMs: number, zone?: string): string {
  const off = zoneOffsetMs(zone, utcMs);
  const wall = new Date(Math.floor(utcMs / 1000) * 1000 + off).toISOString().replace('.000Z', '');
  if (off === 0) return `${wall}Z`;
  const m = Math.abs(off) / MINUTE;
  return `${wall}${off < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Go's time.RFC1123Z in UTC: `Thu, 01 Jan 2026 00:01:00 +0000`. */
export function rfc1123z(utcMs: number): string {
  return new Date(utcMs).toUTCString().replace('GMT', '+0000');
}
