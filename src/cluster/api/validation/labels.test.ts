import { describe, expect, it } from 'vitest';
import { formatFieldError } from './field-error.ts';
import {
  TOTAL_ANNOTATION_SIZE_LIMIT_B,
  annotationsSize,
  isQualifiedName,
  isValidLabelValue,
  validateAnnotations,
  validateLabels,
} from './labels.ts';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const PREFIX_SUBDOMAIN =
  "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QUALIFIED =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('isQualifiedName (k8s TestIsQualifiedName)', () => {
  const good = [
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/simple',
    'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    'a'.repeat(63),
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
    'app.kubernetes.io/name',
    'node-role.kubernetes.io/control-plane',
  ];
  it.each(good)('%s is valid', (v) => expect(isQualifiedName(v)).toEqual([]));

  const bad: [string, string[]][] = [
    ['nospecialchars%^=@', [NAME_PART]],
    ['cantendwithadash-', [NAME_PART]],
    ['-cantstartwithadash-', [NAME_PART]],
    ['only/one/slash', [QUALIFIED]],
    ['Example.com/abc', [PREFIX_SUBDOMAIN]],
    ['example_com/abc', [PREFIX_SUBDOMAIN]],
    ['example.com/', ['name part must be non-empty', NAME_PART]],
    ['/simple', ['prefix part must be non-empty']],
    ['', ['name part must be non-empty', NAME_PART]],
    ['a'.repeat(64), ['name part must be no more than 63 characters']],
    [`${'a'.repeat(254)}/abc`, ['prefix part must be no more than 253 characters']],
    ['ab cd', [NAME_PART]],
  ];
  it.each(bad)('%s -> %j', (v, errs) => expect(isQualifiedName(v)).toEqual(errs));
});

describe('isValidLabelValue (k8s TestIsValidLabelValue)', () => {
  const good = [
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    'end-with-num-1',
    '1234',
    '',
    'a'.repeat(63),
    'Upper_Case.1',
  ];
  it.each(good)('%j is valid', (v) => expect(isValidLabelValue(v)).toEqual([]));

  const bad: [string, string[]][] = [
    ['nospecialchars%^=@', [LABEL_VALUE]],
    ['Tama-nui-te-rā.is.Māori.sun', [LABEL_VALUE]],
    ['\\backslashes\\are\\bad', [LABEL_VALUE]],
    ['-starts-with-dash', [LABEL_VALUE]],
    ['ends-with-dash-', [LABEL_VALUE]],
    ['.starts.with.dot', [LABEL_VALUE]],
    ['ends.with.dot.', [LABEL_VALUE]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
    [`-${'a'.repeat(63)}`, ['must be no more than 63 characters', LABEL_VALUE]],
  ];
  it.each(bad)('%j -> %j', (v, errs) => expect(isValidLabelValue(v)).toEqual(errs));
});

describe('validateLabels', () => {
  const table: [Record<string, string> | undefined, string[]][] = [
    [undefined, []],
    [{}, []],
    [{ app: 'web', 'app.kubernetes.io/name': 'x', empty: '' }, []],
    [{ 'app!': 'x' }, [`metadata.labels: Invalid value: "app!": ${NAME_PART}`]],
    [{ app: 'web app' }, [`metadata.labels: Invalid value: "web app": ${LABEL_VALUE}`]],
    [
      { 'b/c/d': 'ok', a: '-x' },
      [
        `metadata.labels: Invalid value: "-x": ${LABEL_VALUE}`,
        `metadata.labels: Invalid value: "b/c/d": ${QUALIFIED}`,
      ],
    ],
    [
      { v: 'a'.repeat(64) },
      [`metadata.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
    ],
  ];
  it.each(table)('%j', (labels, expected) => {
    expect(validateLabels(labels, 'metadata.labels').map(formatFieldError)).toEqual(expected);
  });
});

describe('validateAnnotations', () => {
  it('checks keys case-insensitively and reports the original key', () => {
    expect(validateAnnotations({ 'Example.com/Some-Key': 'v' }, 'metadata.annotations')).toEqual([]);
    expect(
      validateAnnotations(
        { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
        'metadata.annotations',
      ),
    ).toEqual([]);
    expect(validateAnnotations({ 'Bad Key': 'v' }, 'metadata.annotations').map(formatFieldError)).toEqual([
      `metadata.annotations: Invalid value: "Bad Key": ${NAME_PART}`,
    ]);
    expect(validateAnnotations(undefined, 'metadata.annotations')).toEqual([]);
  });

  it('limits the total size to 256 KiB of keys and values', () => {
    const atLimit = { a: 'x'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B - 1) };
    expect(annotationsSize(atLimit)).toBe(262144);
    expect(validateAnnotations(atLimit, 'metadata.annotations')).toEqual([]);
    const over = { a: 'x'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B) };
    expect(validateAnnotations(over, 'metadata.annotations').map(formatFieldError)).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
    const multiByte = { a: 'é'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B / 2) };
    expect(validateAnnotations(multiByte, 'metadata.annotations')).toHaveLength(1);
  });
});
