import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { ApiError } from '../errors.ts';
import { base64ErrorOffset, encodeBase64 } from './base64.ts';
import { configMapStrategy, secretStrategy } from './config-map.ts';
import { create, stored, update } from './strategy-harness.ts';

const cm = (extra: Partial<KubeObject>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, ...extra });
const secret = (extra: Partial<KubeObject>): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, ...extra });

describe('base64 as Go reads it', () => {
  it.each<[string, number | undefined]>([
    ['YWRtaW4=', undefined],
    ['MWYyZDFlMmU2N2Rm', undefined],
    ['', undefined],
    ['YWRt\naW4=', undefined],
    ['admin', 4],
    ['YW=', 3],
    ['YQ==x', 4],
    ['Y!==', 1],
    ['=', 0],
  ])('%j fails at %s', (text, offset) => {
    expect(base64ErrorOffset(text)).toBe(offset);
  });
  it('encodes UTF-8', () => {
    expect(encodeBase64('admin')).toBe('YWRtaW4=');
    expect(encodeBase64('héllo')).toBe('aMOpbGxv');
  });
});

describe('configmap', () => {
  it.each<[string, Partial<KubeObject>, string[]]>([
    ['valid keys', { data: { 'game.properties': 'x', UI_COLOR: 'red' } }, []],
    ['bad key', { data: { 'a b': 'x' } }, [`data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`]],
    ['key in both', { data: { k: 'x' }, binaryData: { k: 'eA==' } }, ['data[k]: Invalid value: "k": duplicate of key present in binaryData', 'binaryData[k]: Invalid value: "k": duplicate of key present in data']],
  ])('%s', (_n, extra, expected) => {
    expect(create(configMapStrategy, cm(extra)).errors).toEqual(expected);
  });
  it('freezes data once immutable', () => {
    const old = stored(configMapStrategy, cm({ data: { a: '1' }, immutable: true }));
    expect(update(configMapStrategy, cm({ data: { a: '2' }, immutable: true }), old).errors).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(update(configMapStrategy, cm({ data: { a: '1' } }), old).errors).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set']);
  });
});

describe('secret', () => {
  it('defaults type Opaque and merges stringData into data', () => {
    const { obj, errors } = create(secretStrategy, secret({ data: { user: 'YWRtaW4=' }, stringData: { password: 's3cr3t', user: 'root' } }));
    expect(errors).toEqual([]);
    expect(obj.type).toBe('Opaque');
    expect(obj.data).toEqual({ user: 'cm9vdA==', password: 'czNjcjN0' });
    expect(obj.stringData).toBeUndefined();
  });
  it('rejects data that is not base64 while decoding', () => {
    let caught: unknown;
    try {
      create(secretStrategy, secret({ data: { password: 'admin' } }));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe(400);
    expect((caught as ApiError).message).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4');
  });
  it.each<[string, Partial<KubeObject>, string[]]>([
    ['tls without key', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }, ['data[tls.key]: Required value']],
    ['basic-auth empty', { type: 'kubernetes.io/basic-auth', data: {} }, ['data[username]: Required value', 'data[password]: Required value']],
    ['service account token', { type: 'kubernetes.io/service-account-token' }, ['metadata.annotations[kubernetes.io/service-account.name]: Required value']],
  ])('%s', (_n, extra, expected) => {
    expect(create(secretStrategy, secret(extra)).errors).toEqual(expected);
  });
  it('keeps type and immutable data fixed', () => {
    const old = stored(secretStrategy, secret({ data: { a: 'eA==' }, immutable: true }));
    expect(update(secretStrategy, secret({ type: 'kubernetes.io/tls', data: { a: 'eQ==', 'tls.crt': 'eA==', 'tls.key': 'eA==' }, immutable: true }), old).errors).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});
