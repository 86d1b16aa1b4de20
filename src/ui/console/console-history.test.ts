import { describe, expect, it } from 'vitest';
import { pushHistory, walkHistory } from './console-history.ts';

describe('console history', () => {
  it.each([
    [[], 'get po', ['get po']],
    [['get po'], 'get po', ['get po']],
    [['get po'], '   ', ['get po']],
    [['a'], 'b', ['a', 'b']],
  ])('push %j + %j', (h, line, out) => {
    expect(pushHistory(h, line)).toEqual(out);
  });

  it('walks older and back to the draft', () => {
    const h = ['one', 'two'];
    let s = walkHistory(h, 2, -1, 'dra');
    expect(s).toEqual({ index: 1, text: 'two' });
    s = walkHistory(h, s.index, -1, 'dra');
    expect(s).toEqual({ index: 0, text: 'one' });
    expect(walkHistory(h, 0, -1, 'dra')).toEqual({ index: 0, text: 'one' });
    expect(walkHistory(h, 1, 1, 'dra')).toEqual({ index: 2, text: 'dra' });
  });
});
