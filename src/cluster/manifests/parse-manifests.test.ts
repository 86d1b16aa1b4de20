import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENTS } from './limits.ts';
import { parseManifests } from './parse-manifests.ts';

const pod = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;

function objects(text: string): unknown[] {
  return parseManifests(text).map((d) => d.object ?? d.error);
}

describe('parseManifests streams', () => {
  it('returns nothing for empty, blank and comment-only input', () => {
    for (const text of ['', '   \n\n', '# nothing here\n', '---\n---\n', '---\n# a\n...\n']) {
      expect(parseManifests(text)).toEqual([]);
    }
  });

  it('reads a multi-document stream, giving each document its first content line', () => {
    const docs = parseManifests(
      `# leading comment\n${pod('a')}---\n\n# about b\n${pod('b')}...\n---\n${pod('c')}`,
      'pods.yaml',
    );
    expect(docs.map((d) => [d.index, d.line, d.object?.metadata.name, d.source])).toEqual([
      [0, 2, 'a', 'pods.yaml'],
      [1, 9, 'b', 'pods.yaml'],
      [2, 15, 'c', 'pods.yaml'],
    ]);
  });

  it('counts lines through CRLF line ends and ignores a byte-order mark', () => {
    const docs = parseManifests(`\uFEFF${pod('a')}---\n${pod('b')}kind: Pod\n`.replace(/\n/g, '\r\n'));
    expect(docs.map((d) => d.line)).toEqual([1, 6]);
    expect(docs[1]?.error).toEqual({
      message:
        'error converting YAML to JSON: yaml: unmarshal errors:\n  line 5: key "kind" already set in map',
      line: 10,
      column: 1,
    });
  });

  it('reads one JSON object, a JSON stream, and JSON followed by YAML as kubectl does', () => {
    const json = (name: string): string =>
      JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name } }, null, 2);
    expect(objects(json('a'))).toEqual([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }]);
    expect(
      parseManifests(`${json('a')}\n${json('b')} ${json('c')}`).map((d) => [d.line, d.object?.metadata.name]),
    ).toEqual([
      [1, 'a'],
      [8, 'b'],
      [14, 'c'],
    ]);
    expect(
      parseManifests(`${json('a')}\n---\n${pod('b')}`).map((d) => [d.line, d.object?.metadata.name]),
    ).toEqual([
      [1, 'a'],
      [9, 'b'],
    ]);
  });

  it('reads KYAML flow style, with or without a leading ---', () => {
    const kyaml = '{\n  apiVersion: "v1",\n  kind: "Pod", # a comment\n  metadata: { name: "x", },\n}\n';
    expect(objects(kyaml)).toEqual([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }]);
    expect(objects(`---\n${kyaml}`)).toEqual(objects(kyaml));
  });
});

describe('parseManifests Lists', () => {
  it('flattens kind: List into its items, each with its own line and index', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- ${pod('a').replace(/\n(?=.)/g, '\n  ')}- ${pod('b').replace(/\n(?=.)/g, '\n  ')}---\n${pod('c')}`;
    const docs = parseManifests(text);
    expect(docs.map((d) => [d.index, d.line, d.object?.metadata.name])).toEqual([
      [0, 4, 'a'],
      [1, 8, 'b'],
      [2, 13, 'c'],
    ]);
  });

  it('fills kind and apiVersion of typed list items that have neither, as the decoder does', () => {
    const text =
      'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: a}\n- kind: Pod\n  apiVersion: v1\n  metadata: {name: b}\n';
    expect(
      parseManifests(text).map((d) => [
        d.line,
        d.object?.apiVersion,
        d.object?.kind,
        d.object?.metadata.name,
      ]),
    ).toEqual([
      [4, 'apps/v1', 'Deployment', 'a'],
      [5, 'v1', 'Pod', 'b'],
    ]);
  });

  it('flattens a List inside a List, and reads an empty List as nothing', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - {apiVersion: v1, kind: Pod, metadata: {name: deep}}\n';
    expect(parseManifests(text).map((d) => [d.line, d.object?.metadata.name])).toEqual([[7, 'deep']]);
    expect(parseManifests('apiVersion: v1\nkind: List\nitems: []\n')).toEqual([]);
  });

  it('keeps a *List kind without items as one object (the API server will not know it)', () => {
    expect(objects('apiVersion: v1\nkind: PodList\n')).toEqual([
      { apiVersion: 'v1', kind: 'PodList', metadata: {} },
    ]);
  });
});

describe('parseManifests values (sigs.k8s.io/yaml, YAML 1.1 resolution)', () => {
  const data = (yaml: string): unknown =>
    (parseManifests(`apiVersion: v1\nkind: ConfigMap\ndata:\n${yaml}`)[0]?.object as { data?: unknown })
      ?.data;

  it.each([
    ['yes', true],
    ['Yes', true],
    ['on', true],
    ['y', true],
    ['no', false],
    ['off', false],
    ['N', false],
    ['"yes"', 'yes'],
    ['0644', 420],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['-12', -12],
    ['1.5', 1.5],
    ['1e3', 1000],
    ['9007199254740991', 9007199254740991],
    ['2024-01-02', '2024-01-02'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['1:20', '1:20'],
    ['~', null],
    ['null', null],
    ['', null],
    ['<b>not markup</b>', '<b>not markup</b>'],
  ])('%s', (scalar, expected) => {
    expect(data(`  v: ${scalar}\n`)).toEqual({ v: expected });
  });

  it('turns boolean and number keys into strings as YAMLToJSON does', () => {
    expect(data('  yes: a\n  1: b\n  null: c\n')).toEqual({ true: 'a', '1': 'b', null: 'c' });
  });

  it('expands merge keys, explicit keys winning', () => {
    expect(data('  base: &b {a: "1", b: "2"}\n  merged:\n    c: "3"\n    <<: *b\n    b: "9"\n')).toEqual({
      base: { a: '1', b: '2' },
      merged: { a: '1', b: '9', c: '3' },
    });
  });

  it('expands aliases into fresh objects, never shared references', () => {
    const value = data('  a: &x {k: v}\n  b: *x\n') as { a: object; b: object };
    expect(value.a).toEqual(value.b);
    expect(value.a).not.toBe(value.b);
  });

  it('keeps a __proto__ key as a plain key', () => {
    const value = data('  __proto__: {polluted: true}\n') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives every object a metadata mapping', () => {
    expect(objects('apiVersion: v1\nkind: Namespace\n')).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: {} },
    ]);
    expect(objects('apiVersion: v1\nkind: Namespace\nmetadata:\n')).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: {} },
    ]);
  });
});

describe('parseManifests bounds', () => {
  it('refuses more than 3 MiB without parsing, naming the limit', () => {
    const tenMiB = `apiVersion: v1\nkind: ConfigMap\ndata:\n  x: "${'a'.repeat(10 * 1024 * 1024)}"\n`;
    expect(parseManifests(tenMiB, 'big.yaml')).toEqual([
      {
        index: 0,
        line: 1,
        source: 'big.yaml',
        error: {
          message:
            'the manifest is too large (10.0 MiB): the limit is 3 MiB (3145728 bytes); split it into several files',
          line: 1,
          column: 1,
        },
      },
    ]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const euros = '€'.repeat(1_100_000); // 1.1 M characters, 3.3 MB of UTF-8
    expect(parseManifests(`x: ${euros}`)[0]?.error?.message).toMatch(
      /^the manifest is too large \(3\.1 MiB\): the limit is 3 MiB/,
    );
    expect(
      parseManifests(`apiVersion: v1\nkind: ConfigMap\ndata:\n  x: ${'€'.repeat(1_000_000)}\n`)[0]?.object
        ?.kind,
    ).toBe('ConfigMap');
  });

  it(`stops after ${MAX_DOCUMENTS} documents with an error saying so`, () => {
    const text = Array.from({ length: MAX_DOCUMENTS + 5 }, (_, i) => pod(`p${i}`)).join('---\n');
    const docs = parseManifests(text);
    expect(docs).toHaveLength(MAX_DOCUMENTS + 1);
    expect(docs.filter((d) => d.object)).toHaveLength(MAX_DOCUMENTS);
    expect(docs.at(-1)).toEqual({
      index: MAX_DOCUMENTS,
      line: 5 * MAX_DOCUMENTS + 1,
      error: {
        message:
          'too many documents: a manifest may hold at most 1000 objects (List items count one each); the rest were not read',
        line: 5 * MAX_DOCUMENTS + 1,
        column: 1,
      },
    });
  });
});
