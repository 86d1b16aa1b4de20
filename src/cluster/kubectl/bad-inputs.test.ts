/**
 * Everything a person might drop that is wrong: each gets a clear error in Kubernetes' words, and the
 * cluster keeps every object it had, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster.ts';
import { applyManifests } from './apply.ts';
import { storeDump } from '../testing/api-fixture.ts';

const pod = (spec: string, meta = '  name: p\n') => `apiVersion: v1\nkind: Pod\nmetadata:\n${meta}spec:\n${spec}`;
const deploy = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;
const goodTemplate = `  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`;

/** [what, manifest, a fragment the error must contain] */
const CASES: [string, string, string | RegExp][] = [
  ['mapping values in the wrong place', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a: b\n', 'mapping values are not allowed in this context'],
  ['a tab for indentation', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n', /yaml: line \d+/],
  ['an unclosed quote', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a\n', /yaml: line \d+/],
  ['an unclosed flow sequence', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: [1, 2\n', /yaml: line \d+/],
  ['an unknown kind', 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: a\n', 'no matches for kind "Foo" in version "v1"'],
  ['a wrong apiVersion', 'apiVersion: apps/v2\nkind: Deployment\nmetadata:\n  name: a\n', 'no matches for kind "Deployment" in version "apps/v2"'],
  ['an old removed apiVersion', 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: a\n', 'no matches for kind "Deployment" in version "extensions/v1beta1"'],
  ['a missing apiVersion', 'kind: ConfigMap\nmetadata:\n  name: a\n', 'apiVersion not set'],
  ['a missing kind', 'apiVersion: v1\nmetadata:\n  name: a\n', 'kind not set'],
  ['an uppercase name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Web\n', 'metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain'],
  ['a name too long', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${'a'.repeat(254)}\n`, 'must be no more than 253 characters'],
  ['a Service name starting with a digit', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports:\n  - port: 80\n', 'a DNS-1035 label must consist of lower case alphanumeric characters'],
  ['a namespace that does not exist', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: nowhere\n', 'namespaces "nowhere" not found'],
  ['an invalid namespace name', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: Team.A\n', 'a lowercase RFC 1123 label must consist of'],
  ['an invalid label value', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    app: "-bad-"\n', 'metadata.labels: Invalid value: "-bad-"'],
  ['an invalid label key', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    "a/b/c": x\n', 'metadata.labels: Invalid value: "a/b/c"'],
  ['an unknown field', deploy(`  replica: 3\n${goodTemplate}`), 'strict decoding error: unknown field "spec.replica"'],
  ['a string where an integer belongs', deploy(`  replicas: three\n${goodTemplate}`), 'cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
  ['an invalid quantity', pod('  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: lots\n'), 'quantities must match the regular expression'],
  ['a pod without containers', pod('  restartPolicy: Always\n'), 'spec.containers: Required value'],
  ['a container without image', pod('  containers:\n  - name: c\n'), 'spec.containers[0].image: Required value'],
  ['duplicate container names', pod('  containers:\n  - name: c\n    image: a\n  - name: c\n    image: b\n'), 'spec.containers[1].name: Duplicate value: "c"'],
  ['a selector that does not match the template', deploy(`  selector:\n    matchLabels:\n      app: other\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`), '`selector` does not match template `labels`'],
  ['negative replicas', deploy(`  replicas: -1\n${goodTemplate}`), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
  ['a Deployment whose pods may not restart', deploy(goodTemplate + '      restartPolicy: Never\n'), 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
  ['a port out of range', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 70000\n', 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
  ['a document that is a list', '- a\n- b\n', /error validating|cannot unmarshal|Object 'Kind' is missing/],
  ['a document that is a scalar', 'just some words\n', /error validating|cannot unmarshal|Object 'Kind' is missing/],
  ['duplicate keys', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n', /already (defined|set)|duplicate/],
  ['JSON cut short', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}', "did not find expected ',' or '}'"],
  ['an alias bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n', /alias/i],
  ['a 10 MiB file', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: "${'y'.repeat(10 * 1024 * 1024)}"\n`, /MiB|too large|limit/i],
  ['binary garbage', '\u0000\u0001\u0002PNG\u0000\u00ff\u00fe garbage \u0000', /binary|NUL|not text|control/i],
  ['invalid UTF-8 (replacement characters)', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "\ufffd\ufffd\ufffd"\n', /UTF-8|binary|text/i],
  ['an integer too large', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 123456789012345678901234567890\n', /.+/],
  ['a stale resourceVersion', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: existing\n  resourceVersion: "1"\ndata:\n  x: "2"\n', 'the object has been modified; please apply your changes to the latest version and try again'],
  ['a Job whose pods restart Always', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: busybox\n      restartPolicy: Always\n', 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
  ['a CronJob with a bad schedule', 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: cj\nspec:\n  schedule: "every minute"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: c\n            image: busybox\n          restartPolicy: OnFailure\n', 'spec.schedule: Invalid value: "every minute"'],
];

describe('bad input never changes the cluster', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s', (_what, manifest, expected) => {
    const c = new Cluster();
    applyManifests(c.api, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: existing\ndata:\n  x: "1"\n', 'setup.yaml');
    const before = storeDump(c);
    const out = applyManifests(c.api, manifest, 'bad.yaml');
    const errors = out.filter((o) => o.error);
    expect(errors.length).toBeGreaterThan(0);
    const text = errors.map((o) => o.error).join('\n');
    if (typeof expected === 'string') expect(text).toContain(expected);
    else expect(text).toMatch(expected);
    for (const e of errors) expect(e.errorLine ?? e.line).toBeGreaterThan(0);
    expect(storeDump(c)).toBe(before);
  });

  it('JSON with trailing garbage: the object applies, the garbage gets its own error with its column', () => {
    const c = new Cluster();
    const out = applyManifests(c.api, '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}} }}', 'x.json');
    expect(out[0]!.message).toBe('configmap/a created');
    expect(out[1]!.error).toContain('unexpected flow-map-end token');
    expect(out[1]!.errorColumn).toBe(64);
  });

  it('a duplicate create is refused with AlreadyExists and changes nothing', () => {
    const c = new Cluster();
    const req = { group: '', resource: 'configmaps', namespace: 'default' };
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } };
    c.api.create(req, cm, { actor: { name: 'user', component: 'user' } });
    const before = storeDump(c);
    expect(() => c.api.create(req, cm, { actor: { name: 'user', component: 'user' } })).toThrow('configmaps "a" already exists');
    expect(storeDump(c)).toBe(before);
  });
});
