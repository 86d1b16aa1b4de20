import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, runScore } from '../../testing/plugin-harness.ts';
import { ImageLocality, imageLocalityPriority, MAX_CONTAINER_THRESHOLD, MIN_THRESHOLD, NAME } from './image-locality.ts';

const MB = 1024 * 1024;

describe(NAME, () => {
  it.each([
    { sum: 0, containers: 1, want: 0 },
    { sum: MIN_THRESHOLD, containers: 1, want: 0 },
    { sum: MAX_CONTAINER_THRESHOLD, containers: 1, want: 100 },
    { sum: 2000 * MB, containers: 1, want: 100 },
    // (500Mi - 23Mi) * 100 / (1000Mi - 23Mi) = 48.8 -> 48
    { sum: 500 * MB, containers: 1, want: 48 },
    { sum: 500 * MB, containers: 2, want: 24 },
  ])('priority(sum=$sum, containers=$containers) = $want', ({ sum, containers, want }) => {
    expect(imageLocalityPriority(sum, containers)).toBe(want);
  });

  it('weighs image size by how many nodes have it; untagged images are :latest', () => {
    const nodes = [
      nodeInfoOf(makeNode().name('a').image(['nginx:latest', 'docker.io/library/nginx:latest'], 500 * MB).obj()),
      nodeInfoOf(makeNode().name('b').obj()),
    ];
    const pod = makePod().name('p').req({}, 'nginx').obj();
    const { raw } = runScore(new ImageLocality(), pod, nodes);
    // spread 1/2 -> 250Mi -> (250-23)*100/(1000-23) = 23.2 -> 23
    expect(raw).toEqual([23, 0]);
  });
});
