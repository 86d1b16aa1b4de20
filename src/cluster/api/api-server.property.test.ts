/**
 * Model-based test of the API server: random creates, updates (fresh and stale), patches and deletes of
 * ConfigMaps across namespaces, checked against a plain map. After every step the server's lists
 * equal the model, a watcher started at the beginning has seen exactly the model's changes in order,
 * and a failed request left the store untouched.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apiFixture, storeDump } from '../testing/api-fixture.ts';
import { ApiError } from './errors.ts';
import type { KubeObject } from './types.ts';
import type { ApiWatchEvent } from './watch-stream.ts';

type Cmd =
  | { op: 'create'; ns: string; name: string; v: string }
  | { op: 'update'; ns: string; name: string; v: string; stale: boolean }
  | { op: 'patch'; ns: string; name: string; v: string }
  | { op: 'delete'; ns: string; name: string };

const ns = fc.constantFrom('default', 'kube-system', 'nowhere');
const name = fc.constantFrom('a', 'b', 'c', 'Bad!');
const v = fc.string({ maxLength: 3 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), ns, name, v }),
  fc.record({ op: fc.constant('update' as const), ns, name, v, stale: fc.boolean() }),
  fc.record({ op: fc.constant('patch' as const), ns, name, v }),
  fc.record({ op: fc.constant('delete' as const), ns, name }),
);

describe('API server against a reference model', () => {
  it('lists, watches and errors agree with a plain map', () => {
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 40 }), (cmds) => {
        const fx = apiFixture();
        const model = new Map<string, string>(); // `ns/name` -> data value
        const expectedEvents: string[] = [];
        const seen: string[] = [];
        const history = new Map<string, KubeObject[]>();
        fx.api.watch({ group: '', resource: 'configmaps' }, { resourceVersion: String(fx.store.revision()) }, { name: 't', component: 'user' }, (e) => {
          const ev = e as ApiWatchEvent;
          seen.push(`${ev.type} ${ev.object.metadata.namespace}/${ev.object.metadata.name} ${(ev.object.data as { v?: string } | undefined)?.v ?? ''}`);
        });
        for (const c of cmds) {
          const key = `${c.ns}/${c.name}`;
          const valid = c.ns !== 'nowhere' && c.name !== 'Bad!';
          // What the model says should have happened.
          const exists = model.has(key);
          const current = model.get(key);
          let shouldFail: boolean;
          if (c.op === 'create') shouldFail = !valid || exists;
          else if (c.op === 'delete') shouldFail = !exists;
          else if (c.op === 'update') {
            const versions = history.get(key);
            const stale = c.stale && versions !== undefined && versions[0]!.metadata.resourceVersion !== versions[versions.length - 1]!.metadata.resourceVersion;
            shouldFail = !exists || stale;
          } else shouldFail = !exists;
          const before = storeDump(fx.cluster);
          let failed = false;
          try {
            if (c.op === 'create') {
              const o = fx.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: c.name }, data: { v: c.v } }, { namespace: c.ns });
              history.set(key, [o]);
            } else if (c.op === 'update') {
              const versions = history.get(key);
              const base = versions ? (c.stale ? versions[0]! : versions[versions.length - 1]!) : { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: c.name, namespace: c.ns } };
              const o = fx.update('configmaps', { ...base, data: { v: c.v } } as KubeObject);
              history.get(key)?.push(o);
            } else if (c.op === 'patch') {
              const o = fx.patch('configmaps', c.name, 'merge', { data: { v: c.v } }, { namespace: c.ns });
              history.get(key)?.push(o);
            } else {
              fx.del('configmaps', c.name, {}, c.ns);
              history.delete(key);
            }
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            failed = true;
          }
          expect(failed).toBe(shouldFail);
          if (failed) {
            expect(storeDump(fx.cluster)).toBe(before);
            continue;
          }
          if (c.op === 'delete') {
            model.delete(key);
            expectedEvents.push(`DELETED ${key} ${current}`);
          } else if (c.op === 'create') {
            model.set(key, c.v);
            expectedEvents.push(`ADDED ${key} ${c.v}`);
          } else if (current !== c.v) {
            model.set(key, c.v);
            expectedEvents.push(`MODIFIED ${key} ${c.v}`);
          }
          const listed = fx.api.list({ group: '', resource: 'configmaps' }, {}, { name: 't', component: 'user' }).items.map((o) => `${o.metadata.namespace}/${o.metadata.name}=${(o.data as { v: string }).v}`);
          expect(listed).toEqual([...model].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, val]) => `${k}=${val}`));
        }
        expect(seen).toEqual(expectedEvents);
      }),
      { numRuns: 150 },
    );
  });
});
