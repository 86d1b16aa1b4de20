/**
 * Ages as kubectl prints them: k8s.io/apimachinery/pkg/util/duration.HumanDuration, and printers.go's
 * translateTimestampSince (`<unknown>` for a missing timestamp). Precision falls as durations grow:
 * `45s`, `2m5s`, `15m`, `3h20m`, `10h`, `3d4h`, `20d`, `2y30d`, `9y`.
 */
import { parseTime } from '../../sim/clock.ts';

/** Go's HumanDuration of `ms` milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** The age of an RFC 3339 timestamp at `nowMs`; `<unknown>` when it is missing or malformed. */
export function translateTimestampSince(timestamp: string | null | undefined, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  const t = parseTime(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(nowMs - t);
}
