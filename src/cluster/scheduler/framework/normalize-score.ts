/**
 * helper.DefaultNormalizeScore: scales scores so the highest becomes MaxNodeScore (integer division,
 * as upstream); with `reverse` the best raw score (the lowest) gets the most. All zero: every node 0,
 * or MaxNodeScore when reversed.
 */
import { MAX_NODE_SCORE } from './interfaces.ts';

export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: Float64Array): void {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > max) max = scores[i]!;
  if (max === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * scores[i]!) / max);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}

export { MAX_NODE_SCORE };
