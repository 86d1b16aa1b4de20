import { describe, expect, it } from 'vitest';
import {
  addSourceToErr,
  errorWhenCreating,
  errorWhenPatching,
  errorWhenRetrieving,
  goQuote,
  infoString,
  kubectlErrorLine,
  manifestErrorText,
  objectRef,
  outcomeLine,
  resourceRef,
} from './outcome.ts';
import type { ResourceLookup } from './outcome.ts';

const lookup: ResourceLookup = (kind) =>
  ({
    Deployment: { resource: 'deployments', group: 'apps' },
    Pod: { resource: 'pods', group: '' },
    Service: { resource: 'services', group: '' },
    Namespace: { resource: 'namespaces', group: '' },
  })[kind];

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx-deploy', namespace: 'default' },
};

describe('resourceRef and outcomeLine (kubectl name printer)', () => {
  it.each([
    ['Deployment', 'apps', 'web', 'deployment.apps/web'],
    ['Pod', '', 'x', 'pod/x'],
    ['Service', '', 'web', 'service/web'],
    ['HorizontalPodAutoscaler', 'autoscaling', 'h', 'horizontalpodautoscaler.autoscaling/h'],
    ['ClusterRole', 'rbac.authorization.k8s.io', 'r', 'clusterrole.rbac.authorization.k8s.io/r'],
  ])('%s in %j named %s -> %s', (kind, group, name, expected) => {
    expect(resourceRef(kind, group, name)).toBe(expected);
  });

  it('takes the group from the lookup, else from apiVersion', () => {
    expect(objectRef(deployment, lookup)).toBe('deployment.apps/nginx-deploy');
    expect(objectRef({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } })).toBe('pod/p');
    expect(objectRef({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, lookup)).toBe(
      'widget.example.com/w',
    );
  });

  it.each([
    ['deployment.apps/web', 'created', {}, 'deployment.apps/web created'],
    ['deployment.apps/web', 'configured', {}, 'deployment.apps/web configured'],
    ['service/web', 'unchanged', {}, 'service/web unchanged'],
    ['deployment.apps/web', 'deleted', {}, 'deployment.apps "web" deleted'],
    ['pod/x', 'deleted', {}, 'pod "x" deleted'],
    ['pod/x', 'pruned', {}, 'pod/x pruned'],
    ['pod/x', 'serverside-applied', {}, 'pod/x serverside-applied'],
    ['pod/x', 'created', { dryRun: 'client' }, 'pod/x created (dry run)'],
    ['pod/x', 'created', { dryRun: 'server' }, 'pod/x created (server dry run)'],
  ] as const)('%s %s %j', (ref, outcome, options, expected) => {
    expect(outcomeLine(ref, outcome, options)).toBe(expected);
  });
});

describe('kubectl error wording', () => {
  it('prefixes the source as AddSourceToErr does', () => {
    expect(errorWhenCreating('web.yaml', 'pods "x" already exists')).toBe(
      'error when creating "web.yaml": pods "x" already exists',
    );
    expect(errorWhenCreating(undefined, 'boom')).toBe('boom');
    expect(addSourceToErr('deleting', 'a "b".yaml', 'x')).toBe('error when deleting "a \\"b\\".yaml": x');
  });

  it('prints Info.String with Go-style group/version for the core group', () => {
    expect(infoString({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns1' } }, lookup)).toBe(
      'Resource: "/v1, Resource=namespaces", GroupVersionKind: "/v1, Kind=Namespace"\nName: "ns1", Namespace: ""',
    );
    expect(infoString({ apiVersion: 'x/v1', kind: 'Unknown', metadata: { name: 'u' } }, lookup)).toBe(
      'Name: "u", Namespace: ""',
    );
  });

  it('words a failed retrieval of current configuration exactly as kubectl apply', () => {
    expect(
      errorWhenRetrieving(
        deployment,
        'deploy.yaml',
        'deployments.apps "nginx-deploy" is forbidden: User "krishna" cannot get resource "deployments" in API group "apps" in the namespace "default"',
        lookup,
      ),
    ).toBe(
      'error when retrieving current configuration of:\n' +
        'Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\n' +
        'Name: "nginx-deploy", Namespace: "default"\n' +
        'from server for: "deploy.yaml": deployments.apps "nginx-deploy" is forbidden: User "krishna" cannot get resource "deployments" in API group "apps" in the namespace "default"',
    );
  });

  it('words a failed patch', () => {
    expect(
      errorWhenPatching(
        '{"spec":{}}',
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' } },
        'p.yaml',
        'nope',
        lookup,
      ),
    ).toBe(
      'error when applying patch:\n{"spec":{}}\nto:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "p", Namespace: "default"\nfor: "p.yaml": nope',
    );
  });

  it('words parse and validation failures as the resource builder does', () => {
    expect(manifestErrorText('x.yaml', 'error validating data: kind not set')).toBe(
      'error validating "x.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(
      manifestErrorText(
        'x.yaml',
        'error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context',
      ),
    ).toBe(
      'error parsing x.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context',
    );
    expect(manifestErrorText(undefined, 'x')).toBe('error parsing STDIN: x');
  });

  it('prints the final error line as kubectl CheckErr does', () => {
    expect(
      kubectlErrorLine('error when creating "a.yaml": pods "a" already exists', { reason: 'AlreadyExists' }),
    ).toBe('Error from server (AlreadyExists): error when creating "a.yaml": pods "a" already exists');
    expect(kubectlErrorLine('etcdserver: request timed out', {})).toBe(
      'Error from server: etcdserver: request timed out',
    );
    expect(kubectlErrorLine('error parsing x.yaml: boom')).toBe('error: error parsing x.yaml: boom');
  });

  it.each([
    ['plain', '"plain"'],
    ['tab\there', '"tab\\there"'],
    ['nul\u0000', '"nul\\x00"'],
    ['back\\slash', '"back\\\\slash"'],
    ['ünï', '"ünï"'],
  ])('goQuote(%j) = %s', (text, expected) => {
    expect(goQuote(text)).toBe(expected);
  });
});
