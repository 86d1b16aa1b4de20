import { describe, expect, it } from 'vitest';
import { PodInfo } from '../../framework/pod-info.ts';
import { makePod } from '../../testing/wrappers.ts';
import { makeBinding, NAME } from './default-binder.ts';

describe(NAME, () => {
  it('builds the pods/binding body', () => {
    expect(makeBinding(new PodInfo(makePod().name('web-1').namespace('shop').uid('u1').obj()), 'worker-2')).toEqual({
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { namespace: 'shop', name: 'web-1', uid: 'u1' },
      target: { kind: 'Node', name: 'worker-2' },
    });
  });
});
