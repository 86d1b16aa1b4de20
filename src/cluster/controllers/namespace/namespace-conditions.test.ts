import { describe, expect, it } from 'vitest';
import { failingConditions, updatedConditions, type ContentTotals } from './namespace-conditions.ts';

const totals = (r: [string, number][], f: [string, number][], errors: string[] = []): ContentTotals => ({
  remainingByResource: new Map(r),
  remainingByFinalizer: new Map(f),
  errors,
});

describe('namespace conditions', () => {
  it('words remaining content and finalizers sorted, as kubectl describe shows them', () => {
    const c = failingConditions(
      totals(
        [
          ['pods.', 2],
          ['deployments.apps', 1],
        ],
        [
          ['example.com/b', 1],
          ['example.com/a', 3],
        ],
      ),
      'T',
    );
    expect(c.map((x) => `${x.type} ${x.reason}: ${x.message}`)).toEqual([
      'NamespaceContentRemaining SomeResourcesRemain: Some resources are remaining: deployments.apps has 1 resource instances, pods. has 2 resource instances',
      'NamespaceFinalizersRemaining SomeFinalizersRemain: Some content in the namespace has finalizers remaining: example.com/a in 3 resource instances, example.com/b in 1 resource instances',
    ]);
  });

  it('sets all five types, ok ones False, and reports no change the second time', () => {
    const first = updatedConditions([], failingConditions(totals([], []), 'T1'), 'T1')!;
    expect(first.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual([
      'NamespaceDeletionDiscoveryFailure=False ResourcesDiscovered',
      'NamespaceDeletionGroupVersionParsingFailure=False ParsedGroupVersions',
      'NamespaceDeletionContentFailure=False ContentDeleted',
      'NamespaceContentRemaining=False ContentRemoved',
      'NamespaceFinalizersRemaining=False ContentHasNoFinalizers',
    ]);
    expect(updatedConditions(first, [], 'T2')).toBeUndefined();
  });

  it('moves lastTransitionTime only when the status flips', () => {
    const first = updatedConditions([], failingConditions(totals([['pods.', 2]], []), 'T1'), 'T1')!;
    const fewer = updatedConditions(first, failingConditions(totals([['pods.', 1]], []), 'T2'), 'T2')!;
    const remaining = fewer.find((c) => c.type === 'NamespaceContentRemaining')!;
    expect(remaining).toMatchObject({
      status: 'True',
      lastTransitionTime: 'T1',
      message: 'Some resources are remaining: pods. has 1 resource instances',
    });
    const done = updatedConditions(fewer, [], 'T3')!;
    expect(done.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({
      status: 'False',
      lastTransitionTime: 'T3',
      reason: 'ContentRemoved',
    });
  });

  it('reports deletion errors as ContentDeletionFailed', () => {
    const c = failingConditions(
      totals([], [], ['unexpected items still remain in namespace: a for gvr: /v1, Resource=pods']),
      'T',
    );
    expect(c).toEqual([
      {
        type: 'NamespaceDeletionContentFailure',
        status: 'True',
        lastTransitionTime: 'T',
        reason: 'ContentDeletionFailed',
        message:
          'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: a for gvr: /v1, Resource=pods',
      },
    ]);
  });
});
