/**
 * Pod back-off (PriorityQueue.calculateBackoffDuration): podInitialBackoffSeconds (1 s) doubled per
 * earlier attempt, capped at podMaxBackoffSeconds (10 s): attempts 1, 2, 3, 4, 5+ wait 1, 2, 4, 8, 10 s.
 */
export const DEFAULT_INITIAL_BACKOFF_MS = 1000;
export const DEFAULT_MAX_BACKOFF_MS = 10_000;

export function backoffDuration(attempts: number, initialMs = DEFAULT_INITIAL_BACKOFF_MS, maxMs = DEFAULT_MAX_BACKOFF_MS): number {
  let d = initialMs;
  for (let i = 1; i < attempts; i++) {
    if (d > maxMs - d) return maxMs;
    d += d;
  }
  return Math.min(d, maxMs);
}
