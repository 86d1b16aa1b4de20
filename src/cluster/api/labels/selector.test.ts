import { describe, expect, it } from 'vitest';
import {
  Selector,
  SelectorError,
  newRequirement,
  parseSelector,
  selectorFromLabelSelector,
  selectorFromSet,
  tryParseSelector,
} from './selector.ts';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const OPERATORS = 'in, notin, =, ==, !=, gt, lt';

describe('parseSelector: canonical string (k8s TestSelectorParse, TestSetSelectorParser)', () => {
  const table: [string, string][] = [
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
    ['', ''],
    ['   ', ''],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['x=', 'x='],
    ['x= ', 'x='],
    ['x=,z= ', 'x=,z='],
    ['!x', '!x'],
    ['x>1', 'x>1'],
    ['x>1,z<5', 'x>1,z<5'],
    ['x=a,a=x', 'a=x,x=a'],
    ['a==b', 'a==b'],
    ['\rx', 'x'],
    ['this-is-a-dns.domain.com/key-with-dash', 'this-is-a-dns.domain.com/key-with-dash'],
    [
      '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)',
      '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)',
    ],
    ['foo  in\t (abc)', 'foo in (abc)'],
    ['x notin\n (abc)', 'x notin (abc)'],
    ['x in (def,abc)', 'x in (abc,def)'],
    ['x in (abc,)', 'x in (,abc)'],
    ['x in (,abc)', 'x in (,abc)'],
    ['x in (a,,b)', 'x in (,a,b)'],
    ['x in ()', 'x in ()'],
    ['x in (b,a,b)', 'x in (a,b)'],
    ['x notin (abc,def),bar,z in (),w', 'bar,w,x notin (abc,def),z in ()'],
    ['x,y in (a)', 'x,y in (a)'],
    ['in in (in,notin)', 'in in (in,notin)'],
    ['notin=in', 'notin=in'],
    ['a=b,c!=d,e in (x,y),f notin (z),g,!h', 'a=b,c!=d,e in (x,y),f notin (z),g,!h'],
    ['app=web \0garbage', 'app=web'],
  ];
  it.each(table)('%j -> %j', (input, expected) => {
    const s = parseSelector(input);
    expect(s.toString()).toBe(expected);
    expect(parseSelector(s.toString()).toString()).toBe(expected);
  });

  it('gives everything() for an empty string', () => {
    expect(parseSelector('').isEmpty()).toBe(true);
    expect(parseSelector('').matches({ a: 'b' })).toBe(true);
  });

  it('exposes sorted requirements with the values as parsed', () => {
    expect(parseSelector('z=1,a in (y,x),!m').requirements).toEqual([
      { key: 'a', operator: 'In', values: ['x', 'y'] },
      { key: 'm', operator: 'DoesNotExist', values: [] },
      { key: 'z', operator: '=', values: ['1'] },
    ]);
  });
});

describe('parseSelector: errors carry Kubernetes messages', () => {
  const table: [string, string][] = [
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${LABEL_VALUE}`],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    [
      'x<a',
      `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    [
      'x>1.5',
      `unable to parse requirement: values[0]: Invalid value: "1.5": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    ['a b', `unable to parse requirement: found 'b', expected: ${OPERATORS}`],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!=a', "found '!=', expected: !, identifier, or 'end of string'"],
    ['x in', "unable to parse requirement: found '' expected: '('"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['x in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['x in (a,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['x=(a)', "unable to parse requirement: found '(', expected: identifier"],
    ['x=!a', "unable to parse requirement: found '!', expected: identifier"],
    ['x<=1', "unable to parse requirement: found '=', expected: identifier"],
    ['app@=x', `unable to parse requirement: <nil>: Invalid value: "app@": ${NAME_PART}`],
    ['-app', `unable to parse requirement: <nil>: Invalid value: "-app": ${NAME_PART}`],
    [
      `${'a'.repeat(64)}`,
      `unable to parse requirement: <nil>: Invalid value: "${'a'.repeat(64)}": name part must be no more than 63 characters`,
    ],
    ['/a', 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
    [
      'a/b/c',
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    [
      'a/',
      'unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; ' + NAME_PART,
    ],
    ['app=-web', `unable to parse requirement: values[0][app]: Invalid value: "-web": ${LABEL_VALUE}`],
    [
      `app=${'v'.repeat(64)}`,
      `unable to parse requirement: values[0][app]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
    ],
    ['x in (a,b@)', `unable to parse requirement: values[1][x]: Invalid value: "b@": ${LABEL_VALUE}`],
  ];
  it.each(table)('%j', (input, message) => {
    expect(() => parseSelector(input)).toThrow(new SelectorError(message));
    expect(tryParseSelector(input)).toBeUndefined();
  });
});

describe('Selector.matches (k8s TestSelectorMatches, TestRequirementSelectorMatching)', () => {
  const table: [string, Record<string, string> | undefined, boolean][] = [
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x<1', { x: '-5' }, true],
    ['x=z', {}, false],
    ['x=z', undefined, false],
    ['!x', undefined, true],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x>1', { x: '1' }, false],
    ['x<1', { x: '2' }, false],
    ['x>1', { x: 'v2' }, false],
    ['x>1', {}, false],
    ['x notin (a)', {}, true],
    ['x notin (a)', { x: 'a' }, false],
    ['x notin (a)', { x: 'b' }, true],
    ['x in (a,b)', { x: 'b' }, true],
    ['x in (a,b)', { x: 'c' }, false],
    ['x in ()', { x: '' }, true],
    ['x in ()', { y: 'baz' }, false],
    ['x=', { x: '' }, true],
    ['x!=a', {}, true],
    ['x,y in (a)', { x: '1', y: 'b' }, false],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
    ['constructor', {}, false],
  ];
  it.each(table)('%j matches %j: %s', (sel, labels, expected) => {
    expect(parseSelector(sel).matches(labels)).toBe(expected);
  });
});

describe('Selector.everything / nothing / add / requiresExactMatch', () => {
  it('everything matches all and is empty; nothing matches none and is not empty', () => {
    expect(Selector.everything().matches({ a: 'b' })).toBe(true);
    expect(Selector.everything().matches(undefined)).toBe(true);
    expect(Selector.everything().isEmpty()).toBe(true);
    expect(Selector.nothing().matches({})).toBe(false);
    expect(Selector.nothing().isEmpty()).toBe(false);
    expect(Selector.nothing().isNothing()).toBe(true);
    expect(Selector.nothing().toString()).toBe('');
    expect(
      Selector.nothing()
        .add(newRequirement('a', 'Exists', []))
        .matches({ a: '' }),
    ).toBe(false);
  });

  it('adds requirements in key order without touching the receiver', () => {
    const base = parseSelector('b=1');
    const more = base.add(newRequirement('a', 'In', ['y', 'x']));
    expect(more.toString()).toBe('a in (x,y),b=1');
    expect(more.requirements[0]?.values).toEqual(['y', 'x']);
    expect(base.toString()).toBe('b=1');
  });

  const exact: [string, string, string | undefined][] = [
    ['app=web', 'app', 'web'],
    ['app==web', 'app', 'web'],
    ['app in (web)', 'app', 'web'],
    ['app in (a,b)', 'app', undefined],
    ['app!=web', 'app', undefined],
    ['tier=x', 'app', undefined],
  ];
  it.each(exact)('%s requires %s = %s', (sel, label, value) => {
    expect(parseSelector(sel).requiresExactMatch(label)).toBe(value);
  });
});

describe('newRequirement (k8s TestRequirementConstructor)', () => {
  const bad: [string, Parameters<typeof newRequirement>[1], string[], string][] = [
    [
      'x',
      'In',
      [],
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      'x',
      'NotIn',
      [],
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      'x',
      '=',
      ['a', 'b'],
      'values: Invalid value: []string{"a", "b"}: exact-match compatibility requires one single value',
    ],
    [
      'x',
      'Exists',
      ['a'],
      'values: Invalid value: []string{"a"}: values set must be empty for exists and does not exist',
    ],
    [
      'foo',
      'Gt',
      ['bar'],
      `values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    [
      'foo',
      'Lt',
      ['1', '2'],
      `values: Invalid value: []string{"1", "2"}: for 'Gt', 'Lt' operators, exactly one value is required`,
    ],
    [
      'a'.repeat(254),
      'Exists',
      [],
      `key: Invalid value: "${'a'.repeat(254)}": name part must be no more than 63 characters`,
    ],
    [
      'bad key',
      'In',
      [],
      `[key: Invalid value: "bad key": ${NAME_PART}, values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty]`,
    ],
    [
      'x',
      'Foo' as never,
      [],
      'operator: Unsupported value: "Foo": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    ],
  ];
  it.each(bad)('%s %s %j', (key, op, values, message) => {
    expect(() => newRequirement(key, op, values)).toThrow(new SelectorError(message));
  });

  const good: [string, Parameters<typeof newRequirement>[1], string[]][] = [
    ['x', 'In', ['foo']],
    ['x', 'NotIn', ['foo']],
    ['x', 'Exists', []],
    ['x', 'DoesNotExist', []],
    ['1foo', 'In', ['bar']],
    ['1234', 'In', ['bar']],
    ['y', 'Gt', ['1']],
    ['z', 'Lt', ['6']],
    ['example.com/x', '=', ['']],
  ];
  it.each(good)('%s %s %j is valid', (key, op, values) => {
    const r = newRequirement(key, op, values);
    expect(r).toEqual({ key, operator: op, values });
    expect(Object.isFrozen(r)).toBe(true);
  });

  it('prefixes field names with the given path', () => {
    expect(() => newRequirement('x', 'In', [], 'spec.selector')).toThrow(
      "spec.selector.values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    );
  });
});

describe('selectorFromLabelSelector (k8s LabelSelectorAsSelector)', () => {
  const table: [Parameters<typeof selectorFromLabelSelector>[0], string, boolean][] = [
    [{ matchLabels: { app: 'web', tier: 'fe' } }, 'app=web,tier=fe', false],
    [
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }],
      },
      'app=web,env in (dev,prod)',
      false,
    ],
    [{ matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, '!canary', false],
    [{ matchExpressions: [{ key: 'gpu', operator: 'Exists', values: [] }] }, 'gpu', false],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, 'env notin (prod)', false],
    [{}, '', true],
    [{ matchLabels: {}, matchExpressions: [] }, '', true],
    [{ matchLabels: null, matchExpressions: null }, '', true],
  ];
  it.each(table)('%j -> %j', (ls, text, empty) => {
    const s = selectorFromLabelSelector(ls);
    expect(s.toString()).toBe(text);
    expect(s.isEmpty()).toBe(empty);
  });

  it('null and undefined select nothing', () => {
    expect(selectorFromLabelSelector(null).isNothing()).toBe(true);
    expect(selectorFromLabelSelector(undefined).matches({ a: 'b' })).toBe(false);
    expect(selectorFromLabelSelector({}).matches({ a: 'b' })).toBe(true);
  });

  it('matches like the parsed form', () => {
    const s = selectorFromLabelSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }],
    });
    expect(s.matches({ app: 'web' })).toBe(true);
    expect(s.matches({ app: 'web', env: 'prod' })).toBe(false);
    expect(s.matches({ app: 'api' })).toBe(false);
  });

  const bad: [Parameters<typeof selectorFromLabelSelector>[0], string][] = [
    [{ matchExpressions: [{ key: 'a', operator: 'Foo' }] }, '"Foo" is not a valid label selector operator'],
    [
      { matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] },
      '"in" is not a valid label selector operator',
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] },
      '"Gt" is not a valid label selector operator',
    ],
    [{ matchExpressions: [{ key: 'a', operator: '' }] }, '"" is not a valid label selector operator'],
    [
      { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'NotIn' }] },
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: ['x', 'y'] }] },
      'values: Invalid value: []string{"x", "y"}: values set must be empty for exists and does not exist',
    ],
    [{ matchLabels: { 'a b': 'c' } }, `key: Invalid value: "a b": ${NAME_PART}`],
    [{ matchLabels: { app: 'we b' } }, `values[0][app]: Invalid value: "we b": ${LABEL_VALUE}`],
  ];
  it.each(bad)('%j throws %s', (ls, message) => {
    expect(() => selectorFromLabelSelector(ls)).toThrow(new SelectorError(message));
  });
});

describe('selectorFromSet', () => {
  it('matches exactly the set, and everything when empty', () => {
    expect(selectorFromSet({ b: '2', a: '1' }).toString()).toBe('a=1,b=2');
    expect(selectorFromSet({ a: '1' }).matches({ a: '1', b: '2' })).toBe(true);
    expect(selectorFromSet({ a: '1' }).matches({ a: '2' })).toBe(false);
    expect(selectorFromSet({}).isEmpty()).toBe(true);
    expect(selectorFromSet(undefined).matches({})).toBe(true);
  });
});
