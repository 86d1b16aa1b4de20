/**
 * Model-based property test: random sequences of puts, deletes, transactions, compactions, watches and
 * cancels run against the store and against a reference model (a plain Map per revision plus the list
 * of all changes). Afterwards every retained revision must read as the model says, and every watcher
 * must have received exactly the model's changes for its keys from its start revision, one call per
 * revision. One watcher writes from inside its callback, so re-entrant delivery is always exercised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MvccStore } from './mvcc-store.ts';
import { CompactedError, type Compare, type KeyValue, type Op, type StoreEvent } from './types.ts';

const KEYS = ['a', 'a/1', 'a/2', 'ab', 'b', 'b/1', 'e'] as const;
const WATCH_PREFIXES = ['', 'a', 'a/', 'b'] as const;
/** The echo watcher answers each PUT of this key by writing ECHO_KEY = the PUT's revision. */
const ECHO_TRIGGER = 'a';
const ECHO_KEY = 'e';

type ModelKv = KeyValue;
interface ModelEvent {
  type: 'PUT' | 'DELETE';
  kv: ModelKv;
  prevKv: ModelKv | undefined;
  created: boolean;
}
interface Change {
  revision: number;
  events: ModelEvent[];
}

class Model {
  revision = 1;
  compacted = 0;
  state = new Map<string, ModelKv>();
  /** State after each revision, from 1 on. */
  states = new Map<number, Map<string, ModelKv>>([[1, new Map()]]);
  changes: Change[] = [];

  /** Applies a branch at one revision; returns the change, or undefined when nothing changed. */
  apply(ops: readonly Op[]): Change | undefined {
    const revision = this.revision + 1;
    const events: ModelEvent[] = [];
    for (const op of ops) {
      const prev = this.state.get(op.key);
      if (op.type === 'put') {
        const kv = {
          key: op.key,
          value: op.value,
          createRevision: prev?.createRevision ?? revision,
          modRevision: revision,
          version: (prev?.version ?? 0) + 1,
        };
        this.state.set(op.key, kv);
        events.push({ type: 'PUT', kv, prevKv: prev, created: prev === undefined });
      } else if (prev !== undefined) {
        this.state.delete(op.key);
        const kv = { key: op.key, value: prev.value, createRevision: prev.createRevision, modRevision: revision, version: 0 };
        events.push({ type: 'DELETE', kv, prevKv: prev, created: false });
      }
    }
    if (events.length === 0) return undefined;
    this.revision = revision;
    this.states.set(revision, new Map(this.state));
    const change = { revision, events };
    this.changes.push(change);
    // The echo watcher's write lands at the next revision, after this one has been delivered.
    if (events.some((e) => e.type === 'PUT' && e.kv.key === ECHO_TRIGGER)) {
      this.apply([{ type: 'put', key: ECHO_KEY, value: revision }]);
    }
    return change;
  }

  holds(compares: readonly Compare[]): boolean {
    return compares.every((c) => {
      const kv = this.state.get(c.key);
      return c.target === 'modRevision' ? (kv?.modRevision ?? 0) === c.equals : (kv !== undefined) === c.equals;
    });
  }
}

type Command =
  | { kind: 'put'; key: string; value: unknown }
  | { kind: 'delete'; key: string }
  | { kind: 'txn'; compares: Compare[]; success: Op[]; failure: Op[] }
  | { kind: 'compact'; fraction: number }
  | { kind: 'watch'; key: string; prefix: boolean; from: number | undefined }
  | { kind: 'cancel'; index: number };

const key = fc.constantFrom(...KEYS);
const value = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.record({ name: fc.stringMatching(/^[a-z]{0,6}$/), n: fc.nat(99), tags: fc.array(fc.constantFrom('x', 'y'), { maxLength: 3 }) }),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('put' as const), key, value }),
  fc.record({ type: fc.constant('delete' as const), key }),
);
const branch = fc.uniqueArray(op, { selector: (o) => o.key, maxLength: 4 });
const compare: fc.Arbitrary<Compare> = fc.oneof(
  fc.record({ key, target: fc.constant('modRevision' as const), equals: fc.nat(40) }),
  fc.record({ key, target: fc.constant('exists' as const), equals: fc.boolean() }),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('put' as const), key, value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('txn' as const),
      compares: fc.array(compare, { maxLength: 2 }),
      success: branch,
      failure: branch,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('watch' as const),
      key: fc.oneof(fc.constantFrom(...WATCH_PREFIXES), key),
      prefix: fc.boolean(),
      // Offset back from the current revision; undefined = live only.
      from: fc.option(fc.integer({ min: -3, max: 12 }), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), index: fc.nat(20) }) },
);

interface WatchRecord {
  key: string;
  prefix: boolean;
  start: number;
  /** Revision of the cancel (events from it on are not expected), or Infinity. */
  end: number;
  calls: { revision: number; events: readonly StoreEvent[] }[];
  cancel: () => void;
}

function expectedCalls(model: Model, w: WatchRecord) {
  const matches = (k: string) => (w.prefix ? k.startsWith(w.key) : k === w.key);
  return model.changes
    .filter((c) => c.revision >= w.start && c.revision <= w.end)
    .map((c) => ({ revision: c.revision, events: c.events.filter((e) => matches(e.kv.key)) }))
    .filter((c) => c.events.length > 0);
}

const strip = (e: StoreEvent) => ({ type: e.type, kv: e.kv, prevKv: e.prevKv, created: e.created });

function run(commands: Command[]): void {
  const store = new MvccStore();
  const model = new Model();
  const watchers: WatchRecord[] = [];
  store.watch(ECHO_TRIGGER, {}, (events) => {
    const put = events.find((e) => e.type === 'PUT');
    if (put !== undefined) store.put(ECHO_KEY, put.kv.modRevision);
  });

  for (const c of commands) {
    switch (c.kind) {
      case 'put':
        expect(store.put(c.key, c.value)).toEqual(model.apply([{ type: 'put', key: c.key, value: c.value }])?.events[0]?.kv);
        break;
      case 'delete': {
        const change = model.apply([{ type: 'delete', key: c.key }]);
        expect(store.delete(c.key)).toEqual(change?.events[0]?.kv);
        break;
      }
      case 'txn': {
        const succeeded = model.holds(c.compares);
        model.apply(succeeded ? c.success : c.failure);
        const res = store.txn(c.compares, c.success, c.failure);
        expect(res.succeeded).toBe(succeeded);
        break;
      }
      case 'compact': {
        const target = model.compacted + Math.round(c.fraction * (model.revision - model.compacted));
        store.compact(target);
        model.compacted = target;
        break;
      }
      case 'watch': {
        const from = c.from === undefined ? undefined : model.revision - c.from;
        if (from !== undefined && from > 0 && from < model.compacted) {
          expect(() => store.watch(c.key, { prefix: c.prefix, fromRevision: from }, () => undefined)).toThrow(CompactedError);
          break;
        }
        const record: WatchRecord = {
          key: c.key,
          prefix: c.prefix,
          start: from === undefined || from <= 0 ? model.revision + 1 : from,
          end: Infinity,
          calls: [],
          cancel: () => undefined,
        };
        const w = store.watch(c.key, { prefix: c.prefix, ...(from !== undefined ? { fromRevision: from } : {}) }, (events) => {
          record.calls.push({ revision: events[0]?.kv.modRevision ?? -1, events });
        });
        record.cancel = () => w.cancel();
        watchers.push(record);
        break;
      }
      case 'cancel': {
        const record = watchers[c.index];
        if (record === undefined) break;
        record.cancel();
        record.end = Math.min(record.end, model.revision);
        break;
      }
    }
    expect(store.revision()).toBe(model.revision);
  }

  // Every retained revision reads as the model's state then: whole store, a prefix, paging, exact keys.
  for (let r = Math.max(model.compacted, 1); r <= model.revision; r++) {
    const state = model.states.get(r) as Map<string, ModelKv>;
    const sorted = [...state.values()].sort((x, y) => (x.key < y.key ? -1 : 1));
    expect(store.range('', { prefix: true, revision: r }).kvs).toEqual(sorted);
    expect(store.range('a/', { prefix: true, revision: r }).kvs).toEqual(sorted.filter((kv) => kv.key.startsWith('a/')));
    const paged: KeyValue[] = [];
    let after: string | undefined;
    for (;;) {
      const page = store.range('', { prefix: true, revision: r, limit: 2, ...(after !== undefined ? { after } : {}) });
      paged.push(...page.kvs);
      if (!page.more) break;
      after = page.kvs[page.kvs.length - 1]?.key;
    }
    expect(paged).toEqual(sorted);
    for (const k of KEYS) expect(store.get(k, { revision: r })).toEqual(state.get(k));
  }
  if (model.compacted > 1) {
    expect(() => store.range('', { prefix: true, revision: model.compacted - 1 })).toThrow(CompactedError);
  }

  // Every watcher got exactly the model's changes for its keys from its start, one call per revision.
  for (const w of watchers) {
    const got = w.calls.map((call) => {
      expect(call.events.every((e) => e.kv.modRevision === call.revision)).toBe(true);
      return { revision: call.revision, events: call.events.map(strip) };
    });
    expect(got).toEqual(expectedCalls(model, w));
  }

  const liveBytes = [...model.state.values()].reduce((n, kv) => n + JSON.stringify(kv.value).length, 0);
  expect(store.stats()).toMatchObject({
    keys: model.state.size,
    revision: model.revision,
    compacted: model.compacted,
    approxBytes: liveBytes,
  });
}

describe('MvccStore against a reference model', () => {
  it('reads every retained revision and delivers every watch exactly as the model', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => run(commands)),
      { numRuns: 300 },
    );
  });

  it('stays consistent over long histories with frequent compaction', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 150, maxLength: 250 }), (commands) => run(commands)),
      { numRuns: 25 },
    );
  });
});
