/**
 * The console's command history, as a shell keeps it: newest last, no blank lines, no immediate
 * repeats, capped. Walking it with Up/Down starts past the newest entry, where the draft being typed
 * lives. Pure: every function returns new values.
 */

export const HISTORY_LIMIT = 200;

/** Adds `line` to `history` (not if blank or equal to the newest). */
export function pushHistory(history: readonly string[], line: string): string[] {
  const t = line.trim();
  if (t === '' || history[history.length - 1] === line) return [...history];
  return [...history, line].slice(-HISTORY_LIMIT);
}

/**
 * One step through history from `index` (history.length means "the draft"): -1 goes older, +1 newer.
 * Returns the new index and the text to show (the draft at the end).
 */
export function walkHistory(history: readonly string[], index: number, step: -1 | 1, draft: string): { index: number; text: string } {
  const next = Math.max(0, Math.min(history.length, index + step));
  return { index: next, text: next === history.length ? draft : history[next]! };
}
