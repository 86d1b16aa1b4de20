import { describe, expect, it } from 'vitest';
import { formatFieldError } from './field-error.ts';
import {
  byteLength,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidPathSegmentName,
  nameIsDNSSubdomain,
  validateObjectMetaName,
} from './names.ts';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('isDNS1123Subdomain', () => {
  const good = [
    'a',
    'ab',
    'abc',
    'a1',
    'a-1',
    'a--1--2--b',
    '0',
    '01',
    '1.a',
    'a.b.c',
    'example.com',
    'a'.repeat(253),
    `${'a'.repeat(63)}.${'b'.repeat(63)}`,
  ];
  it.each(good)('%s is valid', (v) => expect(isDNS1123Subdomain(v)).toEqual([]));

  const bad: [string, string[]][] = [
    ['', [SUBDOMAIN]],
    ['A', [SUBDOMAIN]],
    ['ABC', [SUBDOMAIN]],
    ['aBc', [SUBDOMAIN]],
    ['a_b', [SUBDOMAIN]],
    ['-a', [SUBDOMAIN]],
    ['a-', [SUBDOMAIN]],
    ['a..b', [SUBDOMAIN]],
    ['.a', [SUBDOMAIN]],
    ['a.', [SUBDOMAIN]],
    ['a b', [SUBDOMAIN]],
    ['a@b', [SUBDOMAIN]],
    ['ü', [SUBDOMAIN]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
    [`-${'a'.repeat(253)}`, ['must be no more than 253 characters', SUBDOMAIN]],
  ];
  it.each(bad)('%s -> %j', (v, errs) => expect(isDNS1123Subdomain(v)).toEqual(errs));
});

describe('isDNS1123Label', () => {
  const good = ['a', 'ab', 'a1', 'a-1', '1-1', '0', 'a'.repeat(63)];
  it.each(good)('%s is valid', (v) => expect(isDNS1123Label(v)).toEqual([]));

  const bad: [string, string[]][] = [
    ['', [LABEL]],
    ['A', [LABEL]],
    ['-a', [LABEL]],
    ['a-', [LABEL]],
    ['a_b', [LABEL]],
    ['a.b', ['must not contain dots']],
    ['kube.system', ['must not contain dots']],
    ['a'.repeat(64), ['must be no more than 63 characters']],
    [`${'a'.repeat(60)}.bcd`, ['must be no more than 63 characters', 'must not contain dots']],
  ];
  it.each(bad)('%s -> %j', (v, errs) => expect(isDNS1123Label(v)).toEqual(errs));
});

describe('isDNS1035Label', () => {
  const good = ['a', 'ab', 'a1', 'a-1', 'my-service', 'a'.repeat(63)];
  it.each(good)('%s is valid', (v) => expect(isDNS1035Label(v)).toEqual([]));

  const bad: [string, string[]][] = [
    ['', [DNS1035]],
    ['1a', [DNS1035]],
    ['0', [DNS1035]],
    ['-a', [DNS1035]],
    ['a-', [DNS1035]],
    ['a.b', [DNS1035]],
    ['My-Service', [DNS1035]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ];
  it.each(bad)('%s -> %j', (v, errs) => expect(isDNS1035Label(v)).toEqual(errs));
});

describe('isValidPathSegmentName', () => {
  const table: [string, boolean, string[]][] = [
    ['ok', false, []],
    ['.', false, ["may not be '.'"]],
    ['..', false, ["may not be '..'"]],
    ['a/b', false, ["may not contain '/'"]],
    ['a%b', false, ["may not contain '%'"]],
    ['a/%', false, ["may not contain '/'", "may not contain '%'"]],
    ['..', true, []],
    ['a/', true, ["may not contain '/'"]],
  ];
  it.each(table)('%s (prefix %s) -> %j', (v, prefix, errs) =>
    expect(isValidPathSegmentName(v, prefix)).toEqual(errs),
  );
});

describe('validateObjectMetaName', () => {
  const table: [
    Parameters<typeof validateObjectMetaName>[0],
    Parameters<typeof validateObjectMetaName>[1],
    string[],
  ][] = [
    ['web', 'DNS1123Subdomain', []],
    ['', 'DNS1123Subdomain', ['metadata.name: Required value: name or generateName is required']],
    [{}, 'DNS1123Subdomain', ['metadata.name: Required value: name or generateName is required']],
    ['Web', 'DNS1123Subdomain', [`metadata.name: Invalid value: "Web": ${SUBDOMAIN}`]],
    ['web_1', 'DNS1123Label', [`metadata.name: Invalid value: "web_1": ${LABEL}`]],
    ['kube.system', 'DNS1123Label', ['metadata.name: Invalid value: "kube.system": must not contain dots']],
    ['1web', 'DNS1035Label', [`metadata.name: Invalid value: "1web": ${DNS1035}`]],
    ['a/b', 'PathSegment', ['metadata.name: Invalid value: "a/b": may not contain \'/\'']],
    [{ generateName: 'web-', name: 'web-x7k2p' }, 'DNS1123Subdomain', []],
    [{ generateName: 'a-', name: 'a-x7k2p' }, 'DNS1123Subdomain', []],
    [
      { generateName: 'Web-', name: 'Web-x7k2p' },
      'DNS1123Subdomain',
      [
        `metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}`,
        `metadata.name: Invalid value: "Web-x7k2p": ${SUBDOMAIN}`,
      ],
    ],
    [{ generateName: 'web--', name: 'web--x7k2p' }, 'DNS1123Subdomain', []],
    [
      { generateName: 'web.-', name: 'web.-x7k2p' },
      'DNS1123Subdomain',
      [`metadata.name: Invalid value: "web.-x7k2p": ${SUBDOMAIN}`],
    ],
    [
      { generateName: '-' },
      'DNS1123Subdomain',
      [
        `metadata.generateName: Invalid value: "-": ${SUBDOMAIN}`,
        'metadata.name: Required value: name or generateName is required',
      ],
    ],
  ];
  it.each(table)('%j (%s)', (meta, rule, expected) => {
    expect(validateObjectMetaName(meta, rule).map(formatFieldError)).toEqual(expected);
  });

  it('takes a custom rule and field path', () => {
    const errs = validateObjectMetaName(
      'x',
      (name) => (name === 'x' ? ['is x'] : []),
      'spec.template.metadata',
    );
    expect(errs.map(formatFieldError)).toEqual(['spec.template.metadata.name: Invalid value: "x": is x']);
    expect(nameIsDNSSubdomain('ab-', true)).toEqual([]);
  });

  it('counts bytes like Go', () => {
    expect(byteLength('abc')).toBe(3);
    expect(byteLength('é')).toBe(2);
    expect(byteLength('世')).toBe(3);
    expect(byteLength('\u{1F600}')).toBe(4);
  });
});
