import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { ApiError } from '../errors.ts';
import { NAMESPACE_PURGE_MESSAGE, namespaceDeletion, namespaceFinalizeStrategy, namespaceStrategy } from './namespace.ts';
import { create, stored, update } from './strategy-harness.ts';

const ns = (name: string, extra: Partial<KubeObject> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, ...extra });
const NOW = Date.UTC(2026, 0, 1, 0, 0, 0);

describe('namespace', () => {
  it('gets its name label, the kubernetes finalizer and phase Active', () => {
    const { obj, errors } = create(namespaceStrategy, ns('dev', { metadata: { name: 'dev', labels: { team: 'a' } } }));
    expect(errors).toEqual([]);
    expect(obj.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'dev' });
    expect(obj.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(obj.status).toEqual({ phase: 'Active' });
  });

  it('restores the name label and spec.finalizers on update', () => {
    const old = stored(namespaceStrategy, ns('dev'));
    const next = ns('dev', { metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'other' } }, spec: { finalizers: [] } });
    const { obj, errors } = update(namespaceStrategy, next, old);
    expect(errors).toEqual([]);
    expect(obj.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' });
    expect(obj.spec).toEqual({ finalizers: ['kubernetes'] });
  });

  it('rejects a finalizer that is neither standard nor qualified', () => {
    expect(create(namespaceStrategy, ns('dev', { spec: { finalizers: ['custom'] } })).errors).toEqual([
      'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  it('lets the finalize subresource change only spec.finalizers', () => {
    const old = stored(namespaceStrategy, ns('dev'));
    const next = structuredClone(old);
    next.spec = { finalizers: [] };
    next.metadata.labels = { x: 'y' };
    namespaceFinalizeStrategy.prepareForUpdate?.(next, old, undefined as never);
    expect(next.spec).toEqual({});
    expect(next.metadata.labels).toEqual(old.metadata.labels);
  });
});

describe('namespace deletion', () => {
  const live = stored(namespaceStrategy, ns('dev'));

  it('first marks it Terminating', () => {
    const d = namespaceDeletion(live, {}, NOW);
    expect(d.kind).toBe('mark');
    if (d.kind !== 'mark') return;
    expect(d.object.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(d.object.status).toEqual({ phase: 'Terminating' });
    expect(live.status).toEqual({ phase: 'Active' });
  });

  it('answers 409 while content is being removed', () => {
    const d = namespaceDeletion(live, {}, NOW);
    if (d.kind !== 'mark') throw new Error('expected mark');
    let caught: unknown;
    try {
      namespaceDeletion(d.object, {}, NOW);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).message).toBe(`Operation cannot be fulfilled on namespaces "dev": ${NAMESPACE_PURGE_MESSAGE}`);
  });

  it('goes once finalized', () => {
    const d = namespaceDeletion(live, {}, NOW);
    if (d.kind !== 'mark') throw new Error('expected mark');
    const finalized = { ...d.object, spec: {} };
    expect(namespaceDeletion(finalized, {}, NOW).kind).toBe('now');
  });
});
