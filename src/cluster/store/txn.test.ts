import { describe, expect, it } from 'vitest';
import { DUPLICATE_KEY_MESSAGE, EMPTY_KEY_MESSAGE, checkOps, comparesHold } from './txn.ts';
import type { Compare, KeyValue } from './types.ts';

const live: Record<string, KeyValue> = {
  a: { key: 'a', value: 1, createRevision: 2, modRevision: 5, version: 3 },
};
const lookup = (key: string) => live[key];

describe('comparesHold', () => {
  it.each<[string, Compare[], boolean]>([
    ['no comparisons', [], true],
    ['modRevision matches', [{ key: 'a', target: 'modRevision', equals: 5 }], true],
    ['modRevision differs', [{ key: 'a', target: 'modRevision', equals: 4 }], false],
    ['missing key has modRevision 0', [{ key: 'b', target: 'modRevision', equals: 0 }], true],
    ['existing key is not 0', [{ key: 'a', target: 'modRevision', equals: 0 }], false],
    ['exists true', [{ key: 'a', target: 'exists', equals: true }], true],
    ['exists false on missing', [{ key: 'b', target: 'exists', equals: false }], true],
    ['exists false on existing', [{ key: 'a', target: 'exists', equals: false }], false],
    [
      'all must hold',
      [
        { key: 'a', target: 'exists', equals: true },
        { key: 'b', target: 'exists', equals: true },
      ],
      false,
    ],
  ])('%s', (_name, compares, expected) => {
    expect(comparesHold(compares, lookup)).toBe(expected);
  });
});

describe('checkOps', () => {
  it('accepts distinct keys', () => {
    expect(() =>
      checkOps([
        { type: 'put', key: 'a', value: 1 },
        { type: 'delete', key: 'b' },
      ]),
    ).not.toThrow();
  });
  it.each([
    ['a put and a delete of one key', [{ type: 'put', key: 'a', value: 1 }, { type: 'delete', key: 'a' }], DUPLICATE_KEY_MESSAGE],
    ['two puts of one key', [{ type: 'put', key: 'a', value: 1 }, { type: 'put', key: 'a', value: 2 }], DUPLICATE_KEY_MESSAGE],
    ['an empty key', [{ type: 'delete', key: '' }], EMPTY_KEY_MESSAGE],
    ['an empty key among others', [{ type: 'delete', key: 'a' }, { type: 'delete', key: '' }], EMPTY_KEY_MESSAGE],
  ] as const)('rejects %s', (_name, ops, message) => {
    expect(() => checkOps(ops)).toThrow(message);
  });
});
