import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../node-lifecycle/node-types.ts';
import { matchingTolerations, minTolerationMs, toleratesTaint } from './tolerations.ts';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const dedicated: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoExecute' };

describe('toleratesTaint', () => {
  const cases: [string, Toleration, Taint, boolean][] = [
    [
      'Exists on the key',
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      unreachable,
      true,
    ],
    ['empty key with Exists tolerates everything', { operator: 'Exists' }, dedicated, true],
    ['effect mismatch', { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }, dedicated, false],
    ['Equal with the value', { key: 'dedicated', operator: 'Equal', value: 'gpu' }, dedicated, true],
    ['empty operator means Equal', { key: 'dedicated', value: 'gpu' }, dedicated, true],
    ['Equal with another value', { key: 'dedicated', operator: 'Equal', value: 'cpu' }, dedicated, false],
    ['key mismatch', { key: 'other', operator: 'Exists' }, dedicated, false],
    ['unknown operator', { key: 'dedicated', operator: 'Gt', value: 'gpu' }, dedicated, false],
  ];
  it.each(cases)('%s', (_name, t, taint, want) => expect(toleratesTaint(t, taint)).toBe(want));
});

describe('matchingTolerations and minTolerationMs', () => {
  const t300: Toleration = {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  };
  const t30: Toleration = {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 30,
  };
  const forever: Toleration = { operator: 'Exists' };
  const cases: [string, Taint[], Toleration[], boolean, number][] = [
    ['untolerated taint: evict now', [unreachable], [], false, 0],
    ['default 300 s toleration', [unreachable], [t300], true, 300_000],
    ['first matching toleration is the one used', [unreachable], [t30, t300], true, 30_000],
    ['tolerated forever', [unreachable], [forever], true, -1],
    [
      'smallest across taints',
      [unreachable, dedicated],
      [t300, { key: 'dedicated', operator: 'Exists', tolerationSeconds: 60 }],
      true,
      60_000,
    ],
    ['zero seconds means at once', [unreachable], [{ ...t300, tolerationSeconds: 0 }], true, 0],
    ['one taint untolerated among several', [unreachable, dedicated], [t300], false, 0],
  ];
  it.each(cases)('%s', (_name, taints, tolerations, all, ms) => {
    const m = matchingTolerations(taints, tolerations);
    expect(m.allTolerated).toBe(all);
    expect(all ? minTolerationMs(m.used) : 0).toBe(ms);
  });
});
