/**
 * ImageLocality: prefers nodes that already have the pod's images, weighted by image size and by how
 * widely the image is spread (to avoid piling pods on the one node that has it):
 *   sum = sum over containers of int(size * nodesWithImage / totalNodes)
 *   clamp sum to [23 MiB, 1000 MiB * containers]; score = 100 * (sum - 23Mi) / (max - 23Mi)
 */
import type { CycleState } from '../../framework/cycle-state.ts';
import type { ScorePlugin } from '../../framework/interfaces.ts';
import { MAX_NODE_SCORE } from '../../framework/interfaces.ts';
import type { NodeInfo } from '../../framework/node-info.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import * as names from '../../names.ts';

export const NAME = names.ImageLocality;

const MB = 1024 * 1024;
export const MIN_THRESHOLD = 23 * MB;
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** calculatePriority: maps the summed image score to 0..100. */
export function imageLocalityPriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  let s = sumScores;
  if (s < MIN_THRESHOLD) s = MIN_THRESHOLD;
  else if (s > maxThreshold) s = maxThreshold;
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export class ImageLocality implements ScorePlugin {
  readonly name = NAME;

  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    const spec = pod.pod.spec;
    const numContainers = (spec?.initContainers?.length ?? 0) + (spec?.containers?.length ?? 0);
    if (numContainers === 0) return 0;
    let sum = 0;
    if (nodeInfo.imageSizes.size > 0) {
      const snapshot = state.snapshot;
      const total = snapshot.numNodes || 1;
      for (const img of pod.images) {
        const size = nodeInfo.imageSizes.get(img);
        if (size === undefined) continue;
        const spread = (snapshot.imageNumNodes.get(img) ?? 1) / total;
        sum += Math.trunc(size * spread);
      }
    }
    return imageLocalityPriority(sum, numContainers);
  }
}

new ImageLocality() satisfies ScorePlugin;
