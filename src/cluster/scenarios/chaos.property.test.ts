/**
 * Chaos, as a property: whatever a person does to a small cluster over two virtual hours — killing and
 * restarting workers, scaling, applying new versions of Deployments, waiting — once every node is back
 * and things settle, the cluster is whole again:
 *
 * - every Deployment (all fit: small cpu requests) is fully Available with its new ReplicaSet;
 * - no pod is Running on a node that is down (checked during the chaos: a worker dead for 7 minutes
 *   has had its pods evicted, while the zone is healthy), and afterwards every Running pod sits on a
 *   Ready node and nothing is left Terminating;
 * - no ReplicaSet owns more live (non-terminating) pods than it wants, at every pause and at the end;
 * - the same seed and the same commands replay to the identical store, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { APPS, IMAGES, runChaos, WORKERS, type Command } from './chaos-run.ts';

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('kill' as const), node: fc.nat(WORKERS.length - 1) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('start' as const), node: fc.nat(WORKERS.length - 1) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('scale' as const), app: fc.nat(APPS.length - 1), replicas: fc.integer({ min: 0, max: 4 }) }), weight: 2 },
  {
    arbitrary: fc.record({ op: fc.constant('apply' as const), app: fc.nat(APPS.length - 1), replicas: fc.integer({ min: 1, max: 4 }), image: fc.nat(IMAGES.length - 1), cpu: fc.integer({ min: 1, max: 3 }) }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 5, max: 900 }) }), weight: 4 },
);

describe('chaos over two virtual hours', () => {
  const runs = fc.tuple(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(command, { minLength: 8, maxLength: 30 }));

  it('heals: every Deployment Available, nothing Running on dead nodes, no ReplicaSet owning too many pods', () => {
    fc.assert(
      fc.property(runs, ([seed, commands]) => {
        expect(runChaos(seed, commands).problems).toEqual([]);
      }),
      { numRuns: 10, endOnFailure: true },
    );
  }, 300_000);

  it('replays: the same seed and commands give the same store, byte for byte', () => {
    fc.assert(
      fc.property(runs, ([seed, commands]) => {
        const first = runChaos(seed, commands);
        const again = runChaos(seed, commands);
        expect(again.dump.length).toBe(first.dump.length);
        expect(again.dump === first.dump).toBe(true);
      }),
      { numRuns: 3, endOnFailure: true },
    );
  }, 300_000);
});
