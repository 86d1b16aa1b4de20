/**
 * Every kind's strategy, keyed by `group/Kind` ('' for the core group). Kinds without an entry get the
 * generic behaviour (no defaults beyond metadata, no extra validation).
 */
import type { Strategy } from '../strategy.ts';

export const STRATEGIES: Readonly<Record<string, Strategy>> = {};

export function strategyFor(group: string, kind: string): Strategy {
  return STRATEGIES[`${group}/${kind}`] ?? {};
}
