import { describe, expect, it } from 'vitest';
import { FieldSelector, escapeFieldValue, parseFieldSelector, unescapeFieldValue } from './field-selector.ts';
import { SelectorError } from './requirement.ts';

const POD: Record<string, string> = {
  'metadata.name': 'web-1',
  'metadata.namespace': 'default',
  'spec.nodeName': 'node-1',
  'status.phase': 'Running',
};
const get = (f: string): string | undefined => POD[f];

describe('parseFieldSelector (k8s fields.ParseSelector)', () => {
  const table: [string, string, { field: string; operator: '=' | '!='; value: string }[]][] = [
    ['', '', []],
    ['a=b', 'a=b', [{ field: 'a', operator: '=', value: 'b' }]],
    ['a==b', 'a=b', [{ field: 'a', operator: '=', value: 'b' }]],
    ['a!=b', 'a!=b', [{ field: 'a', operator: '!=', value: 'b' }]],
    ['a=', 'a=', [{ field: 'a', operator: '=', value: '' }]],
    [
      'spec.nodeName=node-1,status.phase!=Failed',
      'spec.nodeName=node-1,status.phase!=Failed',
      [
        { field: 'spec.nodeName', operator: '=', value: 'node-1' },
        { field: 'status.phase', operator: '!=', value: 'Failed' },
      ],
    ],
    [
      'z=1,a=2',
      'a=2,z=1',
      [
        { field: 'a', operator: '=', value: '2' },
        { field: 'z', operator: '=', value: '1' },
      ],
    ],
    [',a=b,,', 'a=b', [{ field: 'a', operator: '=', value: 'b' }]],
    ['a=b\\,c', 'a=b\\,c', [{ field: 'a', operator: '=', value: 'b,c' }]],
    ['a=b\\=c', 'a=b\\=c', [{ field: 'a', operator: '=', value: 'b=c' }]],
    ['a=b\\\\c', 'a=b\\\\c', [{ field: 'a', operator: '=', value: 'b\\c' }]],
    ['x!=', 'x!=', [{ field: 'x', operator: '!=', value: '' }]],
    ['=b', '=b', [{ field: '', operator: '=', value: 'b' }]],
    [' a = b ', ' a = b ', [{ field: ' a ', operator: '=', value: ' b ' }]],
  ];
  it.each(table)('%j -> %j', (input, text, requirements) => {
    const s = parseFieldSelector(input);
    expect(s.toString()).toBe(text);
    expect(s.requirements).toEqual(requirements);
    expect(s.isEmpty()).toBe(requirements.length === 0);
  });

  const bad: [string, string][] = [
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    ['a=b,foo', "invalid selector: 'a=b,foo'; can't understand 'foo'"],
    ['a<b', "invalid selector: 'a<b'; can't understand 'a<b'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a==b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
    [
      'status.phase in (Running)',
      "invalid selector: 'status.phase in (Running)'; can't understand 'status.phase in (Running)'",
    ],
  ];
  it.each(bad)('%j throws %s', (input, message) => {
    expect(() => parseFieldSelector(input)).toThrow(new SelectorError(message));
  });
});

describe('FieldSelector.matches', () => {
  const table: [string, boolean][] = [
    ['', true],
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name=web-2', false],
    ['metadata.name!=web-2', true],
    ['spec.nodeName=node-1,status.phase=Running', true],
    ['spec.nodeName=node-1,status.phase!=Running', false],
    ['spec.nodeName=', false],
    ['status.reason=', true],
    ['status.reason!=', false],
    ['status.reason!=x', true],
  ];
  it.each(table)('%j: %s', (input, expected) => {
    expect(parseFieldSelector(input).matches(get)).toBe(expected);
  });

  it('finds exact-match fields and round-trips escapes', () => {
    const s = parseFieldSelector('metadata.name=a\\,b,spec.nodeName!=n');
    expect(s.requiresExactMatch('metadata.name')).toBe('a,b');
    expect(s.requiresExactMatch('spec.nodeName')).toBeUndefined();
    expect(parseFieldSelector(s.toString()).requirements).toEqual(s.requirements);
    expect(FieldSelector.everything().matches(() => undefined)).toBe(true);
    expect(escapeFieldValue('a\\b,c=d')).toBe('a\\\\b\\,c\\=d');
    expect(unescapeFieldValue(escapeFieldValue('a\\b,c=d'))).toBe('a\\b,c=d');
    expect(Object.isFrozen(s.requirements[0])).toBe(true);
  });
});
