import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.ts';
import { tokenize } from './tokenize.ts';
import { tabwrite, GET_TABS, DESCRIBE_TABS } from './tabwriter.ts';
import { jsonpath } from './jsonpath.ts';
import { complete, commonPrefix } from './complete.ts';
import { parseDurationMs } from './sandbox-command.ts';

describe('parseCommand', () => {
  it.each([
    ['kubectl get pods', 'get', ['pods'], {}],
    ['k get po -n kube-system', 'get', ['po'], { namespace: ['kube-system'] }],
    ['get po -nkube-system -owide', 'get', ['po'], { namespace: ['kube-system'], output: ['wide'] }],
    ['get po -A --show-labels', 'get', ['po'], { 'all-namespaces': ['true'], 'show-labels': ['true'] }],
    ['get svc web -o jsonpath=\'{.spec.ports[0].port}\'', 'get', ['svc', 'web'], { output: ['jsonpath={.spec.ports[0].port}'] }],
    ['delete deploy web --cascade=orphan --grace-period 0', 'delete', ['deploy', 'web'], { cascade: ['orphan'], 'grace-period': ['0'] }],
    ['label po a x=1 --overwrite', 'label', ['po', 'a', 'x=1'], { overwrite: ['true'] }],
    ['get po -l "app in (a, b)"', 'get', ['po'], { selector: ['app in (a, b)'] }],
  ])('%s', (line, verb, args, flags) => {
    const r = parseCommand(line);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.command.verb).toBe(verb);
    expect(r.command.args).toEqual(args);
    expect(Object.fromEntries(r.command.flags)).toEqual(flags);
  });

  it('keeps the lines after the command as stdin', () => {
    const r = parseCommand('apply -f -\nkind: ConfigMap\n');
    expect(r.ok && r.command.stdin).toBe('kind: ConfigMap\n');
  });

  it.each([
    ['get po -n', 'error: flag needs an argument: \'n\' in -n'],
    ['get po -Z', "error: unknown shorthand flag: 'Z' in -Z"],
    ['get "po', 'error: unterminated double quote'],
  ])('%s -> %s', (line, error) => {
    expect(parseCommand(line)).toEqual({ ok: false, error });
  });

  it('tokenizes quotes and escapes', () => {
    expect(tokenize(`a 'b c' "d \\"e\\"" f\\ g`)).toEqual({ words: ['a', 'b c', 'd "e"', 'f g'] });
  });
});

describe('tabwrite (Go text/tabwriter)', () => {
  it.each([
    ['NAME\tDATA\tAGE\nweb-config\t2\t0s\n', GET_TABS, 'NAME         DATA   AGE\nweb-config   2      0s\n'],
    ['A\tB\nx\ty\n', GET_TABS, 'A     B\nx     y\n'],
    ['Name:\ta\nAnnotations:\tb\n\nData\n', DESCRIBE_TABS, 'Name:         a\nAnnotations:  b\n\nData\n'],
    ['a:\tb\n  c\td\te\n', DESCRIBE_TABS, 'a:   b\n  c  d  e\n'],
  ])('%j', (input, opts, out) => {
    expect(tabwrite(input, opts)).toBe(out);
  });
});

describe('jsonpath', () => {
  const data = { items: [{ metadata: { name: 'a' }, n: 1 }, { metadata: { name: 'b' }, n: 2 }], spec: { ports: [{ port: 80 }] } };
  it.each([
    ['{.spec.ports[0].port}', '80'],
    ['{.items[*].metadata.name}', 'a b'],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', 'a\nb\n'],
    ['name={.items[1].metadata.name}', 'name=b'],
    ['{.missing}', ''],
    ['{.spec.ports}', '[{"port":80}]'],
  ])('%s', (t, out) => {
    expect(jsonpath(t, data)).toBe(out);
  });
});

describe('complete', () => {
  const names = (r: string) => (r === 'nodes' ? ['control-plane', 'worker-1', 'worker-2'] : r === 'pods' ? ['web-1'] : []);
  it.each([
    ['kubectl ge', ['get']],
    ['get po', ['po', 'poddisruptionbudgets', 'pods']],
    ['get no', ['no', 'nodes']],
    ['describe nodes work', ['worker-1', 'worker-2']],
    ['cordon w', ['worker-1', 'worker-2']],
    ['get pods,s', ['pods,sa', 'pods,sc', 'pods,secrets', 'pods,serviceaccounts', 'pods,services', 'pods,statefulsets', 'pods,storageclasses', 'pods,sts', 'pods,svc']],
    ['sandbox kill node c', ['control-plane']],
  ])('%s', (line, out) => {
    expect(complete(line, names)).toEqual(out);
  });
  it('common prefix', () => {
    expect(commonPrefix(['worker-1', 'worker-2'])).toBe('worker-');
  });
});

describe('parseDurationMs', () => {
  it.each([
    ['5m', 300_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['45', 45_000],
    ['x', undefined],
  ])('%s', (t, ms) => {
    expect(parseDurationMs(t)).toBe(ms);
  });
});
