// At least thirty things a person might drop that are not a clean manifest. Each must give its own
// clear error, with the line and column where it is, and leave its good neighbours parsing.
// An expected entry is [documentLine, kind] for an object or [documentLine, message, line, column].
import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse-manifests.ts';

type Expected = [number, string] | [number, string, number, number];

const OK = (kind: string): string =>
  `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${kind.toLowerCase()}\n`;
const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map(
    (c, i) =>
      `${c}: &${c} [${Array<string>(9)
        .fill(`*${'abcdefghi'[i] ?? ''}`)
        .join(',')}]`,
  ),
].join('\n');

const CASES: Array<[string, string, Expected[]]> = [
  [
    'mapping value in a plain scalar (doc 3)',
    OK('A') + '---\n' + OK('B') + '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a: b\n---\n' + OK('D'),
    [
      [1, 'A'],
      [6, 'B'],
      [
        11,
        'error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
        14,
        9,
      ],
      [16, 'D'],
    ],
  ],
  [
    'tab as indentation',
    'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n---\n' + OK('Ok'),
    [
      [1, 'error converting YAML to JSON: yaml: line 4: found character that cannot start any token', 4, 1],
      [6, 'Ok'],
    ],
  ],
  [
    'unclosed double quote',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "abc\n---\n' + OK('Ok'),
    [
      [1, 'error converting YAML to JSON: yaml: line 4: found unexpected end of stream', 4, 12],
      [6, 'Ok'],
    ],
  ],
  [
    'unclosed single quote',
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'abc\n---\n" + OK('Ok'),
    [
      [1, 'error converting YAML to JSON: yaml: line 4: found unexpected end of stream', 4, 12],
      [6, 'Ok'],
    ],
  ],
  [
    'unclosed flow sequence',
    'apiVersion: v1\nkind: Pod\nspec:\n  args: [a, b\n---\n' + OK('Ok'),
    [
      [1, "error converting YAML to JSON: yaml: line 4: did not find expected ',' or ']'", 4, 13],
      [6, 'Ok'],
    ],
  ],
  [
    'unclosed flow mapping',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n---\n' + OK('Ok'),
    [
      [1, "error converting YAML to JSON: yaml: line 3: did not find expected ',' or '}'", 3, 18],
      [5, 'Ok'],
    ],
  ],
  [
    'bad indentation',
    'apiVersion: v1\nkind: Pod\nmetadata:\n    name: x\n  labels: {}\n---\n' + OK('Ok'),
    [
      [1, 'error converting YAML to JSON: yaml: line 5: did not find expected key', 5, 1],
      [7, 'Ok'],
    ],
  ],
  [
    'multi-line implicit key',
    'apiVersion: v1\nkind: Pod\nmetadata\n  name: x\n---\n' + OK('Ok'),
    [
      [1, "error converting YAML to JSON: yaml: line 3: could not find expected ':'", 3, 1],
      [6, 'Ok'],
    ],
  ],
  [
    'document that is a list',
    '- a\n- b\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: invalid object to validate', 1, 1],
      [4, 'Ok'],
    ],
  ],
  [
    'document that is a scalar',
    'hello world\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: invalid object to validate', 1, 1],
      [3, 'Ok'],
    ],
  ],
  [
    'document that is a number',
    '42\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: invalid object to validate', 1, 1],
      [3, 'Ok'],
    ],
  ],
  [
    'missing kind',
    'apiVersion: v1\nmetadata:\n  name: x\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: kind not set', 1, 1],
      [5, 'Ok'],
    ],
  ],
  [
    'missing apiVersion',
    'kind: Pod\nmetadata:\n  name: x\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: apiVersion not set', 1, 1],
      [5, 'Ok'],
    ],
  ],
  [
    'missing both',
    'metadata:\n  name: x\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: [apiVersion not set, kind not set]', 1, 1],
      [4, 'Ok'],
    ],
  ],
  [
    'apiVersion not a string',
    'apiVersion: 1\nkind: Pod\n---\n' + OK('Ok'),
    [
      [1, "error validating data: apiVersion isn't string type", 1, 1],
      [4, 'Ok'],
    ],
  ],
  [
    'kind not a string',
    'apiVersion: v1\nkind: [Pod]\n---\n' + OK('Ok'),
    [
      [1, "error validating data: kind isn't string type", 1, 1],
      [4, 'Ok'],
    ],
  ],
  [
    'empty apiVersion',
    'apiVersion: ""\nkind: Pod\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: apiVersion not set', 1, 1],
      [4, 'Ok'],
    ],
  ],
  [
    'empty kind',
    'apiVersion: v1\nkind: ""\n---\n' + OK('Ok'),
    [
      [1, 'Object \'Kind\' is missing in \'{"apiVersion":"v1","kind":""}\'', 1, 1],
      [4, 'Ok'],
    ],
  ],
  [
    'apiVersion with two slashes',
    'apiVersion: a/b/c\nkind: Pod\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: unexpected GroupVersion string: a/b/c', 1, 1],
      [4, 'Ok'],
    ],
  ],
  [
    'metadata is a string',
    'apiVersion: v1\nkind: Pod\nmetadata: x\n---\n' + OK('Ok'),
    [
      [
        1,
        'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Pod.metadata of type v1.ObjectMeta',
        1,
        1,
      ],
      [5, 'Ok'],
    ],
  ],
  [
    'metadata is a list',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n- name: x\n---\n' + OK('Ok'),
    [
      [
        1,
        'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal array into Go struct field Deployment.metadata of type v1.ObjectMeta',
        1,
        1,
      ],
      [6, 'Ok'],
    ],
  ],
  [
    'null and empty documents are skipped',
    '---\nnull\n---\n~\n---\n# just a comment\n---\n\n---\n' + OK('Ok'),
    [[10, 'Ok']],
  ],
  [
    'duplicate key',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: unmarshal errors:\n  line 5: key "name" already set in map',
        5,
        3,
      ],
      [7, 'Ok'],
    ],
  ],
  [
    'two duplicate keys',
    'apiVersion: v1\nkind: Pod\nkind: Pod\nmetadata:\n  labels: {a: "1", a: "2"}\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: unmarshal errors:\n  line 3: key "kind" already set in map\n  line 5: key "a" already set in map',
        3,
        1,
      ],
      [7, 'Ok'],
    ],
  ],
  [
    'duplicate boolean key',
    'apiVersion: v1\nkind: Pod\ndata:\n  yes: a\n  on: b\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: unmarshal errors:\n  line 5: key true already set in map',
        5,
        3,
      ],
      [7, 'Ok'],
    ],
  ],
  [
    'huge integer',
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 123456789012345678901\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: line 4: integer 123456789012345678901 is too large: integers beyond 2^53 (9007199254740991) cannot be represented exactly; quote it if it is meant as a string',
        4,
        13,
      ],
      [6, 'Ok'],
    ],
  ],
  [
    'huge negative integer',
    'apiVersion: v1\nkind: Pod\nspec:\n  n: -9007199254740993\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: line 4: integer -9007199254740993 is too large: integers beyond 2^53 (9007199254740991) cannot be represented exactly; quote it if it is meant as a string',
        4,
        6,
      ],
      [6, 'Ok'],
    ],
  ],
  [
    'infinity',
    'apiVersion: v1\nkind: Pod\nspec:\n  n: .inf\n---\n' + OK('Ok'),
    [
      [1, 'error converting YAML to JSON: json: unsupported value: +Inf', 4, 6],
      [6, 'Ok'],
    ],
  ],
  [
    'alias bomb',
    BOMB + '\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: document contains excessive aliasing (more than 100000 nodes from aliases)',
        1,
        26,
      ],
      [11, 'Ok'],
    ],
  ],
  [
    'self-referencing alias',
    'apiVersion: v1\nkind: Pod\nspec: &s\n  x: *s\n---\n' + OK('Ok'),
    [
      [1, "error converting YAML to JSON: yaml: anchor 's' value contains itself", 4, 6],
      [6, 'Ok'],
    ],
  ],
  [
    'unknown alias',
    'apiVersion: v1\nkind: Pod\nspec: *nothing\n---\n' + OK('Ok'),
    [
      [1, "error converting YAML to JSON: yaml: line 3: unknown anchor 'nothing' referenced", 3, 7],
      [5, 'Ok'],
    ],
  ],
  [
    'deep flow nesting',
    'apiVersion: v1\nkind: Pod\nspec: ' + '['.repeat(50000) + ']'.repeat(50000) + '\n---\n' + OK('Ok'),
    [
      [1, 'error converting YAML to JSON: yaml: line 3: exceeded max depth of 200', 3, 207],
      [5, 'Ok'],
    ],
  ],
  [
    'deep block nesting',
    'apiVersion: v1\nkind: Pod\nspec:\n' +
      Array.from({ length: 260 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') +
      '\n---\n' +
      OK('Ok'),
    [
      [1, 'error converting YAML to JSON: yaml: line 203: exceeded max depth of 200', 203, 201],
      [265, 'Ok'],
    ],
  ],
  [
    'deep compact sequences',
    'apiVersion: v1\nkind: Pod\nspec: \n  ' + '- '.repeat(100000) + 'x\n---\n' + OK('Ok'),
    [
      [1, 'error converting YAML to JSON: yaml: line 4: exceeded max depth of 200', 4, 403],
      [6, 'Ok'],
    ],
  ],
  [
    'NUL byte',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\u0000b\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: control characters are not allowed: the text holds a NUL byte (U+0000); this looks like binary data, not a YAML or JSON manifest',
        4,
        10,
      ],
      [6, 'Ok'],
    ],
  ],
  [
    'invalid UTF-8 decoded as U+FFFD',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  x: caf\uFFFD\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: invalid UTF-8: the text holds U+FFFD, the replacement for bytes that were not valid UTF-8; save the file as UTF-8 text',
        4,
        9,
      ],
      [6, 'Ok'],
    ],
  ],
  [
    'binary garbage',
    '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000',
    [
      [
        1,
        'error converting YAML to JSON: yaml: control characters are not allowed: the text holds U+0089; this looks like binary data, not a YAML or JSON manifest',
        1,
        1,
      ],
    ],
  ],
  [
    'control character',
    'apiVersion: v1\nkind: Pod\nx: "\u0007"\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: control characters are not allowed: the text holds U+0007; this looks like binary data, not a YAML or JSON manifest',
        3,
        5,
      ],
      [5, 'Ok'],
    ],
  ],
  [
    'lone surrogate',
    'apiVersion: v1\nkind: Pod\nx: \uD800\n---\n' + OK('Ok'),
    [
      [
        1,
        'error converting YAML to JSON: yaml: invalid UTF-8: a lone surrogate; save the file as UTF-8 text',
        3,
        4,
      ],
      [5, 'Ok'],
    ],
  ],
  [
    'List with a bad item among good ones',
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- kind: Secret\n  metadata: {name: b}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: c}\n',
    [
      [4, 'ConfigMap'],
      [7, 'error validating data: apiVersion not set', 7, 3],
      [9, 'Service'],
    ],
  ],
  [
    'List whose items are not a list',
    'apiVersion: v1\nkind: List\nitems: {a: 1}\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: invalid object to validate', 1, 1],
      [5, 'Ok'],
    ],
  ],
  [
    'List without apiVersion',
    'kind: List\nitems: []\n---\n' + OK('Ok'),
    [
      [1, 'error validating data: apiVersion not set', 1, 1],
      [4, 'Ok'],
    ],
  ],
  [
    'JSON with trailing garbage after two objects',
    '{"apiVersion": "v1", "kind": "A"}\n{"apiVersion": "v1", "kind": "B"}\nxyz',
    [
      [1, 'A'],
      [2, 'B'],
      [3, "invalid character 'x' looking for beginning of value", 3, 1],
    ],
  ],
  [
    'JSON with trailing garbage after one object',
    '{"apiVersion": "v1", "kind": "A"}\nxyz',
    [
      [1, 'A'],
      [2, 'error validating data: invalid object to validate', 2, 1],
    ],
  ],
  [
    'JSON missing a comma',
    '{\n  "apiVersion": "v1"\n  "kind": "Pod"\n}',
    [[1, 'error converting YAML to JSON: yaml: line 3: missing , between flow map items', 3, 3]],
  ],
  [
    'unterminated JSON',
    '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}',
    [[1, "error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'", 1, 61]],
  ],
  [
    'JSON duplicate key',
    '{"apiVersion": "v1", "kind": "Pod", "kind": "Pod"}',
    [
      [
        1,
        'error converting YAML to JSON: yaml: unmarshal errors:\n  line 1: key "kind" already set in map',
        1,
        37,
      ],
    ],
  ],
  [
    'JSON huge integer',
    '{"apiVersion": "v1", "kind": "Pod", "spec": {"n": 99999999999999999999}}',
    [
      [
        1,
        'error converting YAML to JSON: yaml: line 1: integer 99999999999999999999 is too large: integers beyond 2^53 (9007199254740991) cannot be represented exactly; quote it if it is meant as a string',
        1,
        51,
      ],
    ],
  ],
  [
    'invalid document separator',
    OK('A') + '--- foo: bar\nkind: X\n---\n' + OK('C'),
    [
      [1, 'A'],
      [5, 'invalid Yaml document separator: foo: bar', 5, 1],
      [8, 'C'],
    ],
  ],
  [
    'document after a broken one in the same file',
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx\n   ports: []\n---\n' +
      OK('Ok'),
    [
      [1, 'error converting YAML to JSON: yaml: line 7: sequence item without - indicator', 7, 1],
      [9, 'Ok'],
    ],
  ],
  [
    'collection as a map key',
    'apiVersion: v1\nkind: Pod\n? [a, b]\n: c\n---\n' + OK('Ok'),
    [
      [1, 'error converting YAML to JSON: unsupported map key of type: sequence', 3, 3],
      [6, 'Ok'],
    ],
  ],
];

function outcome(doc: ReturnType<typeof parseManifests>[number]): Expected {
  if (doc.object) return [doc.line, doc.object.kind];
  return [doc.line, doc.error?.message ?? '(no message)', doc.error?.line ?? -1, doc.error?.column ?? -1];
}

describe('parseManifests on bad input', () => {
  it('has at least thirty bad inputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s', (_name, text, expected) => {
    const docs = parseManifests(text, 'bad.yaml');
    expect(docs.map(outcome)).toEqual(expected);
    docs.forEach((doc, i) => {
      expect(doc.index).toBe(i);
      expect(doc.source).toBe('bad.yaml');
      expect(Boolean(doc.object) !== Boolean(doc.error)).toBe(true);
    });
  });
});
