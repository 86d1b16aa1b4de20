import { describe, expect, it } from 'vitest';
import { decodeErrorMessage, goQuote, strictDecode, strictDecodingError } from './strict-decode.ts';

type Obj = Record<string, unknown>;

function deployment(): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' }, creationTimestamp: '2024-02-29T10:00:00Z' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 0.25, memory: 1e8 } },
            },
          ],
        },
      },
    },
    status: { replicas: 0 },
  };
}

function pod(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      terminationGracePeriodSeconds: 3000000000,
      containers: [
        {
          name: 'c',
          image: 'busybox',
          args: ['sleep', '30'],
          livenessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 },
          readinessProbe: { tcpSocket: { port: 'http' } },
        },
      ],
      volumes: [{ name: 'v', emptyDir: { sizeLimit: '1Gi' } }],
    },
  };
}

/** A copy of `obj` with `value` at a dotted path (numeric segments index arrays). */
function withValue(obj: Obj, path: string, value: unknown): Obj {
  const copy = structuredClone(obj);
  const segments = path.split('.');
  let cur = copy as Record<string, unknown>;
  for (const seg of segments.slice(0, -1)) {
    if (cur[seg] === undefined) cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  }
  cur[segments[segments.length - 1]!] = value;
  return copy;
}

const DEPLOY = 'Deployment in version "v1" cannot be handled as a Deployment: ';
const POD = 'Pod in version "v1" cannot be handled as a Pod: ';
const C = 'spec.template.spec.containers.0';
const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

describe('strictDecode accepts valid objects', () => {
  it.each([
    ['a full Deployment', deployment()],
    ['a Pod with IntOrString ports by number and by name', pod()],
    ['IntOrString as int and as string', withValue(deployment(), 'spec.strategy.rollingUpdate', { maxSurge: 1, maxUnavailable: '0%' })],
    ['Quantity as string and as number', withValue(deployment(), `${C}.resources.limits`, { cpu: 2, memory: '1.5Gi', 'nvidia.com/gpu': '1' })],
    ['Quantity with exponent and sign', withValue(deployment(), `${C}.resources.limits`, { cpu: '1e3', memory: '+12E6' })],
    ['null for a scalar', withValue(deployment(), 'spec.replicas', null)],
    ['null for a struct', withValue(deployment(), 'spec.strategy', null)],
    ['null for a map and a list', withValue(withValue(deployment(), 'metadata.labels', null), 'spec.template.spec.containers', null)],
    ['null inside a list and a map', withValue(withValue(pod(), 'spec.containers.0.args', ['a', null]), 'metadata.annotations', { a: null })],
    ['null for IntOrString, Quantity and Time', withValue(withValue(withValue(deployment(), 'spec.strategy.rollingUpdate.maxSurge', null), `${C}.resources.limits.cpu`, null), 'metadata.creationTimestamp', null)],
    ['an int64 beyond int32', withValue(pod(), 'spec.activeDeadlineSeconds', 9007199254740991)],
    ['a Time with fraction and offset', withValue(deployment(), 'metadata.deletionTimestamp', '2024-01-01T10:00:00.123+02:00')],
    ['status fields', withValue(deployment(), 'status', { replicas: 1, conditions: [{ type: 'Available', status: 'True', lastUpdateTime: '2024-01-01T00:00:00Z' }] })],
  ])('%s', (_name, obj) => {
    expect(strictDecode(obj, String(obj.apiVersion), String(obj.kind))).toEqual({ ok: true });
  });

  it('accepts anything in RawExtension and FieldsV1 fields', () => {
    const revision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'r', managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': { '.': {}, 'f:x': 1 } } }] },
      revision: 2,
      data: { spec: { anything: [1, { goes: true }] } },
    };
    expect(strictDecode(revision, 'apps/v1', 'ControllerRevision')).toEqual({ ok: true });
  });

  it('accepts base64 []byte values, as strings and as byte arrays', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'aGVsbG8=', b: 'aGk=\n', c: [104, 105] } };
    expect(strictDecode(secret, 'v1', 'Secret')).toEqual({ ok: true });
  });

  it('does not check kinds we do not serve', () => {
    expect(strictDecode({ spec: { whatever: 1 } }, 'batch/v1beta1', 'CronJob')).toEqual({ ok: true });
  });

  it('never mutates its input', () => {
    const obj = withValue(deployment(), 'spec.replica', 3);
    const before = structuredClone(obj);
    strictDecode(obj, 'apps/v1', 'Deployment');
    expect(obj).toEqual(before);
  });
});

describe('strictDecode rejects bad objects with kube-apiserver messages', () => {
  it.each([
    // Unknown fields: strict errors, JSON names with [i] indices.
    ['unknown top-level field', withValue(deployment(), 'foo', 1), `${DEPLOY}strict decoding error: unknown field "foo"`],
    ['unknown nested field', withValue(deployment(), 'spec.replica', 3), `${DEPLOY}strict decoding error: unknown field "spec.replica"`],
    ['unknown field in a list item', withValue(deployment(), `${C}.imagePullPolicyy`, 'Always'), `${DEPLOY}strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"`],
    ['unknown field two lists deep', withValue(deployment(), `${C}.ports.0.containerPortZ`, 8080), `${DEPLOY}strict decoding error: unknown field "spec.template.spec.containers[0].ports[0].containerPortZ"`],
    ['unknown field in metadata', withValue(deployment(), 'metadata.labelz', {}), `${DEPLOY}strict decoding error: unknown field "metadata.labelz"`],
    ['unknown field in status', withValue(deployment(), 'status.foo', 1), `${DEPLOY}strict decoding error: unknown field "status.foo"`],
    ['several unknown fields, in order', withValue(withValue(deployment(), 'spec.a', 1), 'spec.b', 2), `${DEPLOY}strict decoding error: unknown field "spec.a", unknown field "spec.b"`],
    ['names match case-sensitively', withValue(deployment(), 'spec.Replicas', 3), `${DEPLOY}strict decoding error: unknown field "spec.Replicas"`],
    ['a quote in a field name', withValue(deployment(), 'spec.a"b', 1), `${DEPLOY}strict decoding error: unknown field "spec.a\\"b"`],
    // Type mismatches: Go's UnmarshalTypeError, struct fields only in the path.
    ['string for int32', withValue(deployment(), 'spec.replicas', '3'), `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['bool for int32', withValue(deployment(), 'spec.replicas', true), `${DEPLOY}json: cannot unmarshal bool into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['fraction for int32', withValue(deployment(), 'spec.replicas', 1.5), `${DEPLOY}json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['int32 overflow', withValue(deployment(), 'spec.replicas', 3000000000), `${DEPLOY}json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['number for string in a list item', withValue(deployment(), `${C}.image`, 5), `${DEPLOY}json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string`],
    ['number in a list of strings', withValue(pod(), 'spec.containers.0.args', ['sleep', 30]), `${POD}json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string`],
    ['string for bool', withValue(deployment(), 'spec.paused', 'yes'), `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool`],
    ['object for a list', withValue(deployment(), `${C}.ports`, { containerPort: 80 }), `${DEPLOY}json: cannot unmarshal object into Go struct field Container.spec.template.spec.containers.ports of type []v1.ContainerPort`],
    ['string in a list of structs', withValue(deployment(), `${C}.ports`, ['80']), `${DEPLOY}json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.ports of type v1.ContainerPort`],
    ['list for a struct', withValue(deployment(), `${C}.livenessProbe`, []), `${DEPLOY}json: cannot unmarshal array into Go struct field Container.spec.template.spec.containers.livenessProbe of type v1.Probe`],
    ['list for a top-level struct', withValue(deployment(), 'spec.strategy', []), `${DEPLOY}json: cannot unmarshal array into Go struct field DeploymentSpec.spec.strategy of type v1.DeploymentStrategy`],
    ['string for spec', withValue(deployment(), 'spec', 'x'), `${DEPLOY}json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec`],
    ['number as a label value', withValue(deployment(), 'metadata.labels.version', 1), `${DEPLOY}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`],
    ['bool as a template label value', withValue(deployment(), 'spec.template.metadata.labels.canary', true), `${DEPLOY}json: cannot unmarshal bool into Go struct field ObjectMeta.spec.template.metadata.labels of type string`],
    ['list for annotations', withValue(deployment(), 'metadata.annotations', ['a']), `${DEPLOY}json: cannot unmarshal array into Go struct field ObjectMeta.metadata.annotations of type map[string]string`],
    ['Go named string type', withValue(deployment(), `${C}.imagePullPolicy`, 1), `${DEPLOY}json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.imagePullPolicy of type v1.PullPolicy`],
    ['Go named map type', withValue(deployment(), `${C}.resources.limits`, []), `${DEPLOY}json: cannot unmarshal array into Go struct field ResourceRequirements.spec.template.spec.containers.resources.limits of type v1.ResourceList`],
    ['embedded struct in the Go path', withValue(pod(), 'spec.containers.0.livenessProbe.httpGet', 'x'), `${POD}json: cannot unmarshal string into Go struct field Probe.spec.containers.livenessProbe.ProbeHandler.httpGet of type v1.HTTPGetAction`],
    ['embedded VolumeSource', withValue(pod(), 'spec.volumes.0.hostPath', '/data'), `${POD}json: cannot unmarshal string into Go struct field Volume.spec.volumes.VolumeSource.hostPath of type v1.HostPathVolumeSource`],
    ['status checked like spec', withValue(deployment(), 'status.replicas', 'x'), `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentStatus.status.replicas of type int32`],
    // Types with their own UnmarshalJSON.
    ['IntOrString given a bool', withValue(deployment(), 'spec.strategy.rollingUpdate.maxSurge', true), `${DEPLOY}json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32`],
    ['IntOrString given a fraction', withValue(deployment(), 'spec.strategy.rollingUpdate.maxSurge', 1.5), `${DEPLOY}json: cannot unmarshal number 1.5 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32`],
    ['IntOrString given an object, under an embedded struct', withValue(pod(), 'spec.containers.0.livenessProbe.httpGet.port', {}), `${POD}json: cannot unmarshal object into Go struct field HTTPGetAction.spec.containers.livenessProbe.ProbeHandler.httpGet.port of type int32`],
    ['Quantity given a bool', withValue(deployment(), `${C}.resources.limits.cpu`, true), `${DEPLOY}${QUANTITY_ERROR}`],
    ['Quantity given an object', withValue(deployment(), `${C}.resources.requests.memory`, { Mi: 1 }), `${DEPLOY}${QUANTITY_ERROR}`],
    ['Quantity with a bad unit', withValue(deployment(), `${C}.resources.limits.memory`, '1Gb'), `${DEPLOY}${QUANTITY_ERROR}`],
    ['Quantity with letters after an exponent', withValue(deployment(), `${C}.resources.limits.cpu`, '1e3m'), `${DEPLOY}${QUANTITY_ERROR}`],
    ['Quantity with an unknown suffix', withValue(deployment(), `${C}.resources.limits.cpu`, '2mm'), `${DEPLOY}unable to parse quantity's suffix`],
    ['empty Quantity', withValue(pod(), 'spec.volumes.0.emptyDir.sizeLimit', ''), `${POD}${QUANTITY_ERROR}`],
    ['Time given a number', withValue(deployment(), 'metadata.creationTimestamp', 123), `${DEPLOY}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string`],
    ['Time that does not parse', withValue(deployment(), 'metadata.creationTimestamp', 'yesterday'), `${DEPLOY}parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`],
    ['Time out of range', withValue(deployment(), 'metadata.creationTimestamp', '2023-02-29T00:00:00Z'), `${DEPLOY}parsing time "2023-02-29T00:00:00Z": day out of range`],
  ])('%s', (_name, obj, message) => {
    const result = strictDecode(obj, String(obj.apiVersion), String(obj.kind));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(message);
  });

  it('rejects bad base64 in Secret data with Go\'s offset', () => {
    const secret = (data: unknown): Obj => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });
    const message = (data: unknown): string | undefined => {
      const r = strictDecode(secret(data), 'v1', 'Secret');
      return r.ok ? undefined : r.message;
    };
    expect(message({ a: 'abc' })).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0');
    expect(message({ a: 'a!bc' })).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 1');
    expect(message({ a: 5 })).toBe('Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8');
    expect(message({ a: [1, 300] })).toBe('Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number 300 into Go struct field Secret.data of type uint8');
  });

  it('lists unknown fields, type errors and strict errors separately', () => {
    const obj = withValue(withValue(deployment(), 'spec.replica', 3), `${C}.image`, 5);
    const result = strictDecode(obj, 'apps/v1', 'Deployment');
    expect(result).toEqual({
      ok: false,
      message: `${DEPLOY}json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string`,
      unknownFields: ['spec.replica'],
      typeErrors: ['json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string'],
      strictErrors: ['unknown field "spec.replica"'],
    });
  });

  it('reports the first type error, but a fatal one from a custom unmarshaler wins', () => {
    const first = withValue(withValue(deployment(), 'spec.replicas', '3'), 'spec.paused', 'no');
    const r1 = strictDecode(first, 'apps/v1', 'Deployment');
    expect(!r1.ok && r1.message).toBe(`${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`);
    expect(!r1.ok && r1.typeErrors).toHaveLength(2);

    const fatal = withValue(withValue(deployment(), 'spec.replicas', '3'), 'spec.strategy.rollingUpdate.maxSurge', true);
    const r2 = strictDecode(fatal, 'apps/v1', 'Deployment');
    expect(!r2.ok && r2.message).toBe(`${DEPLOY}json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32`);
  });

  it('adds duplicate fields found by the parser after the unknown ones', () => {
    const result = strictDecode(withValue(deployment(), 'spec.unknownField', 1), 'apps/v1', 'Deployment', { duplicateFields: ['spec.replicas'] });
    expect(!result.ok && result.message).toBe(`${DEPLOY}strict decoding error: unknown field "spec.unknownField", duplicate field "spec.replicas"`);
    expect(!result.ok && result.unknownFields).toEqual(['spec.unknownField']);
  });

  it('keeps at most 100 strict errors, like sigs.k8s.io/json', () => {
    const spec: Obj = {};
    for (let i = 0; i < 150; i++) spec[`x${i}`] = i;
    const result = strictDecode({ apiVersion: 'v1', kind: 'ConfigMap', spec }, 'v1', 'ConfigMap');
    expect(!result.ok && result.message).toBe(`ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "spec"`);
    const many = strictDecode({ apiVersion: 'v1', kind: 'ConfigMap', metadata: spec }, 'v1', 'ConfigMap');
    expect(!many.ok && many.strictErrors).toHaveLength(100);
  });

  it('names a non-object body as a Go value', () => {
    const result = strictDecode('x', 'v1', 'Pod');
    expect(!result.ok && result.message).toBe(`${POD}json: cannot unmarshal string into Go value of type v1.Pod`);
  });
});

describe('message builders', () => {
  it.each([
    [['Deployment', 'apps/v1', 'boom'], 'Deployment in version "v1" cannot be handled as a Deployment: boom'],
    [['Pod', 'v1', 'boom'], 'Pod in version "v1" cannot be handled as a Pod: boom'],
    [['HorizontalPodAutoscaler', 'autoscaling/v2', 'x', 'Scale'], 'HorizontalPodAutoscaler in version "v2" cannot be handled as a Scale: x'],
  ] as const)('decodeErrorMessage(%j)', (args, expected) => {
    expect(decodeErrorMessage(...(args as unknown as [string, string, string, string?]))).toBe(expected);
  });

  it('joins strict errors as runtime.NewStrictDecodingError does', () => {
    expect(strictDecodingError(['unknown field "a"', 'duplicate field "b"'])).toBe('strict decoding error: unknown field "a", duplicate field "b"');
  });

  it.each([
    ['spec.replicas', '"spec.replicas"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\there\n', '"tab\\there\\n"'],
    ['\x01', '"\\x01"'],
  ])('goQuote(%j) = %s', (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });
});
