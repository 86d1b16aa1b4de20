import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../../testing/wrappers.ts';
import { nodeInfoOf, runFilter } from '../../testing/plugin-harness.ts';
import { ERR_REASON, NAME, NodeName } from './node-name.ts';

describe(NAME, () => {
  const node = nodeInfoOf(makeNode().name('node-a').obj());
  it.each([
    { name: 'no spec.nodeName', pod: makePod().name('p').obj(), want: null },
    { name: 'same node', pod: makePod().name('p').node('node-a').obj(), want: null },
    { name: 'other node', pod: makePod().name('p').node('node-b').obj(), want: ERR_REASON },
  ])('$name', ({ pod, want }) => {
    const { results } = runFilter(new NodeName(), pod, [node]);
    expect(results[0]?.reasons[0] ?? null).toBe(want);
  });
  it('uses the upstream wording', () => {
    expect(ERR_REASON).toBe("node(s) didn't match the requested node name");
  });
});
