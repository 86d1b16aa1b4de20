import { describe, expect, it } from 'vitest';
import {
  FieldError,
  aggregateFieldErrors,
  aggregateMessages,
  duplicate,
  errorBody,
  forbidden,
  formatBadValue,
  formatFieldError,
  internalError,
  invalid,
  invalidMessage,
  notFound,
  notSupported,
  required,
  toStatusCauses,
  tooLong,
  tooMany,
  typeInvalid,
} from './field-error.ts';
import { child, index, key } from './field-path.ts';
import { goFormatFloat, goQuote, goStringSlice } from './go-format.ts';
import { validateNonnegativeField, isInRange } from './numbers.ts';

describe('formatFieldError: Kubernetes wording per error type', () => {
  const table: [FieldError, string][] = [
    [
      invalid('spec.replicas', -1, 'must be greater than or equal to 0'),
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [required('spec.template.spec.containers'), 'spec.template.spec.containers: Required value'],
    [
      required('metadata.name', 'name or generateName is required'),
      'metadata.name: Required value: name or generateName is required',
    ],
    [
      notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'Never', 'OnFailure']),
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
    ],
    [notSupported('spec.x', 'y', []), 'spec.x: Unsupported value: "y"'],
    [
      forbidden('metadata.namespace', 'not allowed on this type'),
      'metadata.namespace: Forbidden: not allowed on this type',
    ],
    [duplicate('spec.containers[1].name', 'web'), 'spec.containers[1].name: Duplicate value: "web"'],
    [notFound('spec.volumes[0]', 'data'), 'spec.volumes[0]: Not found: "data"'],
    [
      tooLong('metadata.annotations', '', 262144),
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ],
    [tooLong('x', 'ab', 1), 'x: Too long: may not be more than 1 byte'],
    [tooLong('x', 'ab', -1), 'x: Too long: value is too long'],
    [tooMany('spec.containers', 5, 3), 'spec.containers: Too many: 5: must have at most 3 items'],
    [tooMany('spec.containers', -1, 3), 'spec.containers: Too many: must have at most 3 items'],
    [tooMany('spec.containers', 5, -1), 'spec.containers: Too many: 5: has too many items'],
    [internalError('metadata.name', 'boom'), 'metadata.name: Internal error: boom'],
    [
      typeInvalid('spec.replicas', 'three', 'must be an integer'),
      'spec.replicas: Invalid value: "three": must be an integer',
    ],
    [invalid('spec.x', null, 'must be set'), 'spec.x: Invalid value: null: must be set'],
    [invalid('spec.x', undefined, 'must be set'), 'spec.x: Invalid value: null: must be set'],
    [invalid('spec.x', true, 'must be false'), 'spec.x: Invalid value: true: must be false'],
    [invalid('spec.x', 0.5, 'd'), 'spec.x: Invalid value: 0.5: d'],
    [invalid('spec.x', 12345678901234567890n, 'd'), 'spec.x: Invalid value: 12345678901234567890: d'],
    [invalid('spec.x', ['a', 'b'], 'd'), 'spec.x: Invalid value: []string{"a", "b"}: d'],
    [invalid('spec.x', [], 'd'), 'spec.x: Invalid value: []string(nil): d'],
    [invalid('spec.x', { goLiteral: 'v1.Foo{A:1}' }, 'd'), 'spec.x: Invalid value: v1.Foo{A:1}: d'],
    [invalid('spec.x', 'with "quotes"\n', 'd'), 'spec.x: Invalid value: "with \\"quotes\\"\\n": d'],
    [invalid('spec.x', 'x', ''), 'spec.x: Invalid value: "x"'],
    [FieldError.invalid('a', 1, 'b'), 'a: Invalid value: 1: b'],
  ];
  it.each(table.map(([e, text]) => [text, e] as const))('%s', (text, e) => {
    expect(formatFieldError(e)).toBe(text);
    expect(errorBody(e)).toBe(text.slice(e.field.length + 2));
    expect(Object.isFrozen(e)).toBe(true);
  });
});

describe('invalidMessage: the 422 Status message of NewInvalid', () => {
  const one = invalid('spec.replicas', -1, 'must be greater than or equal to 0');
  const two = required('spec.template.spec.containers');
  const table: [Parameters<typeof invalidMessage>[0], string, FieldError[], string][] = [
    [
      'Deployment.apps',
      'web',
      [one],
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      { group: 'apps', kind: 'Deployment' },
      'web',
      [one, two],
      'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers: Required value]',
    ],
    [
      { group: '', kind: 'Pod' },
      'p',
      [two, two],
      'Pod "p" is invalid: spec.template.spec.containers: Required value',
    ],
    ['Pod', 'p', [], 'Pod "p" is invalid'],
    ['Pod', 'Bad"Name', [two], 'Pod "Bad\\"Name" is invalid: spec.template.spec.containers: Required value'],
  ];
  it.each(table)('%j %s', (kind, name, errors, message) => {
    expect(invalidMessage(kind, name, errors)).toBe(message);
  });

  it('aggregates like utilerrors', () => {
    expect(aggregateMessages([])).toBe('');
    expect(aggregateMessages(['a'])).toBe('a');
    expect(aggregateMessages(['a', 'a'])).toBe('a');
    expect(aggregateMessages(['a', 'b', 'a'])).toBe('[a, b]');
    expect(aggregateFieldErrors([one, two])).toBe(`[${formatFieldError(one)}, ${formatFieldError(two)}]`);
  });

  it('gives Status causes with type, body and field', () => {
    expect(toStatusCauses([one, two])).toEqual([
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: -1: must be greater than or equal to 0',
        field: 'spec.replicas',
      },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers' },
    ]);
  });
});

describe('Go formatting', () => {
  const quotes: [string, string][] = [
    ['abc', '"abc"'],
    ['', '""'],
    ['a"b', '"a\\"b"'],
    ['a\\b', '"a\\\\b"'],
    ['tab\tnl\n', '"tab\\tnl\\n"'],
    ['\x00\x7f', '"\\x00\\x7f"'],
    ['héllo 世界', '"héllo 世界"'],
    ['\u00a0', '"\\u00a0"'],
    ['\u{1F600}', '"\u{1F600}"'],
    ['\u{E0001}', '"\\U000e0001"'],
  ];
  it.each(quotes)('goQuote(%j) = %s', (s, q) => expect(goQuote(s)).toBe(q));

  const floats: [number, string][] = [
    [0.5, '0.5'],
    [1.25, '1.25'],
    [123456.5, '123456.5'],
    [1234567.5, '1.2345675e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1e21, '1e+21'],
    [Number.NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ];
  it.each(floats)('goFormatFloat(%d) = %s', (f, s) => expect(goFormatFloat(f)).toBe(s));

  it('formats slices and bad values', () => {
    expect(goStringSlice(['a'])).toBe('[]string{"a"}');
    expect(goStringSlice(null)).toBe('[]string(nil)');
    expect(formatBadValue(-0)).toBe('0');
    expect(formatBadValue(3)).toBe('3');
  });
});

describe('field paths', () => {
  it('joins like field.Path.String()', () => {
    expect(child('', 'metadata')).toBe('metadata');
    expect(child('metadata', 'name')).toBe('metadata.name');
    expect(child('spec', 'template', 'spec')).toBe('spec.template.spec');
    expect(child(index(child('spec', 'containers'), 0), 'image')).toBe('spec.containers[0].image');
    expect(key('metadata.labels', 'app')).toBe('metadata.labels[app]');
  });
});

describe('numbers', () => {
  it('rejects negatives with the k8s message', () => {
    expect(validateNonnegativeField(-1, 'spec.replicas').map(formatFieldError)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(validateNonnegativeField(0, 'spec.replicas')).toEqual([]);
    expect(isInRange(0, 1, 65535)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isInRange(80, 1, 65535)).toEqual([]);
  });
});
