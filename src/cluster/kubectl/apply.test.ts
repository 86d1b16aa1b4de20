import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster.ts';
import { applyManifests, LAST_APPLIED_ANNOTATION } from './apply.ts';
import { TEST_USER } from '../testing/api-fixture.ts';

const deployment = (replicas: number, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured — in kubectl words', () => {
    const c = new Cluster();
    expect(applyManifests(c.api, deployment(2), 'web.yaml').map((o) => o.message)).toEqual(['deployment.apps/web created']);
    expect(applyManifests(c.api, deployment(2), 'web.yaml').map((o) => o.message)).toEqual(['deployment.apps/web unchanged']);
    expect(applyManifests(c.api, deployment(3), 'web.yaml').map((o) => o.message)).toEqual(['deployment.apps/web configured']);
    const live = c.api.get({ group: 'apps', resource: 'deployments', namespace: 'default' }, 'web', TEST_USER);
    expect((live.spec as { replicas: number }).replicas).toBe(3);
    expect(live.metadata.generation).toBe(2);
  });

  it('records the last applied configuration as kubectl does (sorted JSON, namespace filled, newline)', () => {
    const c = new Cluster();
    applyManifests(c.api, deployment(1), 'web.yaml');
    const live = c.api.get({ group: 'apps', resource: 'deployments', namespace: 'default' }, 'web', TEST_USER);
    const text = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION] ?? '';
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":')).toBe(true);
  });

  it('removes a field that was applied before and is no longer in the manifest, keeping fields others set', () => {
    const c = new Cluster();
    const withLabel = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  labels:
    team: a
data:
  x: "1"
`;
    applyManifests(c.api, withLabel, 'cfg.yaml');
    // Someone else adds an annotation with kubectl annotate.
    c.api.patch({ group: '', resource: 'configmaps', namespace: 'default' }, 'cfg', 'merge', { metadata: { annotations: { note: 'kept' } } }, { actor: TEST_USER });
    const out = applyManifests(c.api, withLabel.replace('  labels:\n    team: a\n', ''), 'cfg.yaml');
    expect(out[0]!.message).toBe('configmap/cfg configured');
    const live = c.api.get({ group: '', resource: 'configmaps', namespace: 'default' }, 'cfg', TEST_USER);
    expect(live.metadata.labels).toBeUndefined();
    expect(live.metadata.annotations?.note).toBe('kept');
  });

  it('applies every good document even when others fail', () => {
    const c = new Cluster();
    const text = ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n', 'apiVersion: v1\nkind: Nope\nmetadata:\n  name: x\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n'].join('---\n');
    const out = applyManifests(c.api, text, 'mixed.yaml');
    expect(out.map((o) => o.message ?? 'ERROR')).toEqual(['configmap/one created', 'ERROR', 'configmap/two created']);
    expect(out[1]!.line).toBe(6);
    expect(out[1]!.error).toContain('no matches for kind "Nope" in version "v1"');
  });
});
