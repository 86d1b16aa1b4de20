import { describe, expect, it } from 'vitest';
import { parseApiPath } from './api-path.ts';
import { negotiate } from './content-negotiation.ts';
import { deleteOptions, dryRun, fieldValidation, isWatch, listOptions, watchOptions, watchTimeoutMs } from './query-options.ts';
import { apiGroupList, apiResourceList, groupVersions } from './discovery.ts';
import { parseServeArgs } from './serve-options.ts';

describe('parseApiPath', () => {
  it.each([
    ['/api/v1', { kind: 'groupVersion', group: '', version: 'v1' }],
    ['/apis/apps/v1', { kind: 'groupVersion', group: 'apps', version: 'v1' }],
    ['/api/v1/pods', { kind: 'resource', group: '', version: 'v1', resource: 'pods' }],
    ['/api/v1/namespaces/default/pods', { kind: 'resource', group: '', version: 'v1', resource: 'pods', namespace: 'default' }],
    ['/api/v1/namespaces/default/pods/web/log', { kind: 'resource', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web', subresource: 'log' }],
    ['/apis/apps/v1/namespaces/ns1/deployments/web/scale', { kind: 'resource', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'ns1', name: 'web', subresource: 'scale' }],
    ['/api/v1/namespaces', { kind: 'resource', group: '', version: 'v1', resource: 'namespaces' }],
    ['/api/v1/namespaces/foo', { kind: 'resource', group: '', version: 'v1', resource: 'namespaces', name: 'foo' }],
    ['/api/v1/namespaces/foo/finalize', { kind: 'resource', group: '', version: 'v1', resource: 'namespaces', name: 'foo', subresource: 'finalize' }],
    ['/api/v1/namespaces/foo/status', { kind: 'resource', group: '', version: 'v1', resource: 'namespaces', name: 'foo', subresource: 'status' }],
    ['/api/v1/nodes/worker-1/status', { kind: 'resource', group: '', version: 'v1', resource: 'nodes', name: 'worker-1', subresource: 'status' }],
    ['/api/v1/namespaces/a/pods/b/c/d', { kind: 'unknown' }],
    ['/api', { kind: 'unknown' }],
    ['/apis/apps', { kind: 'unknown' }],
    ['/foo/v1', { kind: 'unknown' }],
    ['/api/v1/namespaces/default/configmaps/%E0%A4%A', { kind: 'unknown' }],
  ])('%s', (path, want) => {
    expect(parseApiPath(path)).toEqual(want);
  });
});

describe('negotiate', () => {
  it.each([
    ['application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json', true],
    ['application/json;as=Table;g=meta.k8s.io;v=v1', true],
    ['application/json', false],
    ['application/vnd.kubernetes.protobuf,application/json', false],
    ['application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io', false],
    [undefined, false],
  ])('%s -> table %s', (accept, table) => {
    expect(negotiate(accept).table).toBe(table);
  });
});

describe('query options', () => {
  const q = (s: string) => new URLSearchParams(s);
  it('reads list and watch options', () => {
    expect(listOptions(q('labelSelector=app%3Dweb&fieldSelector=metadata.name%3Dx&limit=500&continue=abc&resourceVersion=7&resourceVersionMatch=Exact'))).toEqual({
      labelSelector: 'app=web',
      fieldSelector: 'metadata.name=x',
      limit: 500,
      continue: 'abc',
      resourceVersion: '7',
      resourceVersionMatch: 'Exact',
    });
    expect(listOptions(q('limit=0'))).toEqual({});
    expect(watchOptions(q('watch=1&resourceVersion=12&allowWatchBookmarks=true&labelSelector=a'))).toEqual({ resourceVersion: '12', allowWatchBookmarks: true, labelSelector: 'a' });
    expect([isWatch(q('watch=1')), isWatch(q('watch=true')), isWatch(q('watch=false')), isWatch(q(''))]).toEqual([true, true, false, false]);
    expect([watchTimeoutMs(q('timeoutSeconds=5')), watchTimeoutMs(q(''))]).toEqual([5000, undefined]);
  });

  it('reads write options and refuses bad values with kube-apiserver messages', () => {
    expect(dryRun(q('dryRun=All'))).toBe(true);
    expect(dryRun(q(''))).toBe(false);
    expect(() => dryRun(q('dryRun=Some'))).toThrow('Invalid dry run value: dryRun: Unsupported value: "Some": supported values: "All"');
    expect(fieldValidation(q('fieldValidation=Strict'))).toBe('Strict');
    expect(fieldValidation(q(''))).toBeUndefined();
    expect(() => fieldValidation(q('fieldValidation=Loud'))).toThrow('fieldValidation must be one of "Ignore", "Warn", or "Strict", got "Loud"');
  });

  it('reads DeleteOptions from the query and lets the body win', () => {
    expect(deleteOptions(q('propagationPolicy=Foreground&gracePeriodSeconds=0'), undefined)).toEqual({ propagationPolicy: 'Foreground', gracePeriodSeconds: 0 });
    expect(deleteOptions(q('propagationPolicy=Foreground'), { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Orphan', preconditions: { uid: 'u1' } })).toEqual({ propagationPolicy: 'Orphan', preconditions: { uid: 'u1' } });
    expect(() => deleteOptions(q('propagationPolicy=Sideways'), undefined)).toThrow('Unsupported value: "Sideways"');
  });
});

describe('discovery', () => {
  it('lists every group with its preferred version, core left out of /apis', () => {
    const list = apiGroupList();
    expect(list.kind).toBe('APIGroupList');
    const names = list.groups.map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(['apps', 'batch', 'autoscaling', 'policy', 'rbac.authorization.k8s.io', 'events.k8s.io']));
    expect(names).not.toContain('');
    expect(list.groups.find((g) => g.name === 'apps')!.preferredVersion).toEqual({ groupVersion: 'apps/v1', version: 'v1' });
    expect(groupVersions()[0]).toEqual({ group: '', version: 'v1' });
  });

  it('lists resources with subresources as kube-apiserver does', () => {
    const core = apiResourceList({ group: '', version: 'v1' });
    const byName = new Map(core.resources.map((r) => [r.name, r]));
    expect(byName.get('pods')).toEqual({ name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['po'], categories: ['all'] });
    expect(byName.get('pods/status')).toEqual({ name: 'pods/status', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get', 'patch', 'update'] });
    expect(byName.get('pods/log')).toMatchObject({ kind: 'Pod', verbs: ['get'] });
    expect(byName.get('pods/binding')).toMatchObject({ kind: 'Binding', verbs: ['create'] });
    expect(byName.get('namespaces/finalize')).toMatchObject({ kind: 'Namespace', verbs: ['update'] });
    const apps = apiResourceList({ group: 'apps', version: 'v1' });
    expect(apps.groupVersion).toBe('apps/v1');
    expect(apps.resources.find((r) => r.name === 'deployments/scale')).toEqual({ name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
  });
});

describe('parseServeArgs', () => {
  it('defaults to port 6443, speed 1, loopback, state under .sandbox', () => {
    expect(parseServeArgs([], '/w')).toEqual({ port: 6443, host: '127.0.0.1', seed: 1, speed: 1, manualClock: false, kubeconfig: '/w/.sandbox/kubeconfig', stateDir: '/w/.sandbox' });
  });
  it('reads every flag, both spellings', () => {
    expect(parseServeArgs(['--port=0', '--seed', '7', '--manual-clock', '--kubeconfig', '/tmp/k', '--nodes', '3'], '/w')).toMatchObject({ port: 0, seed: 7, manualClock: true, kubeconfig: '/tmp/k', nodes: 3 });
    expect(parseServeArgs(['--speed', '2.5'], '/w').speed).toBe(2.5);
  });
  it.each([[['--port', 'x']], [['--port', '70000']], [['--speed', '-1']], [['--speed', '2', '--manual-clock']], [['--bind', '0.0.0.0']], [['--port']]])('refuses %j', (argv) => {
    expect(() => parseServeArgs(argv, '/w')).toThrow(/usage: npm run serve/);
  });
});
