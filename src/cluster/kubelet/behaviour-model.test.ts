import { describe, expect, test } from 'vitest';
import { containerBehaviour, type ContainerInput } from './behaviour-model.ts';
import { runScript } from './shell-script.ts';
import { goDuration, parseDuration } from './go-duration.ts';

const c = (image: string, command?: string[], args?: string[], extra: Partial<ContainerInput> = {}): ContainerInput => ({
  name: 'app',
  image,
  ...(command ? { command } : {}),
  ...(args ? { args } : {}),
  ...extra,
});

describe('containerBehaviour', () => {
  // [what, input, annotations, expected exit (undefined = runs until stopped)]
  const cases: [string, ContainerInput, Record<string, string>, { afterMs: number; exitCode: number; reason: string } | undefined][] = [
    ['sleep 30 as argv', c('busybox', ['sleep', '30']), {}, { afterMs: 30_000, exitCode: 0, reason: 'Completed' }],
    ['sleep in sh -c', c('busybox', ['sh', '-c', 'sleep 30']), {}, { afterMs: 30_000, exitCode: 0, reason: 'Completed' }],
    ['sleep 3600 as args of busybox', c('busybox', undefined, ['sleep', '3600']), {}, { afterMs: 3_600_000, exitCode: 0, reason: 'Completed' }],
    ['sleep infinity', c('alpine', ['sleep', 'infinity']), {}, undefined],
    ['exit 3', c('busybox', ['sh', '-c', 'exit 3']), {}, { afterMs: 0, exitCode: 3, reason: 'Error' }],
    ['false', c('busybox', ['false']), {}, { afterMs: 0, exitCode: 1, reason: 'Error' }],
    ['exit 1 after sleeping', c('busybox', ['/bin/sh', '-c', 'echo start; sleep 5; exit 1']), {}, { afterMs: 5000, exitCode: 1, reason: 'Error' }],
    ['echo hi', c('busybox', ['echo', 'hi']), {}, { afterMs: 0, exitCode: 0, reason: 'Completed' }],
    ['while true loop', c('busybox', ['sh', '-c', 'while true; do echo hello; sleep 10; done']), {}, undefined],
    ['until loop on a file nobody writes', c('busybox', ['sh', '-c', 'until [ -f /tmp/ready ]; do sleep 1; done']), {}, undefined],
    ['for loop over seq', c('busybox', ['sh', '-c', 'for i in $(seq 1 5); do echo $i; sleep 2; done']), {}, { afterMs: 10_000, exitCode: 0, reason: 'Completed' }],
    ['nginx runs', c('nginx:1.27'), {}, undefined],
    ['redis runs', c('redis:7'), {}, undefined],
    ['pause runs', c('registry.k8s.io/pause:3.10'), {}, undefined],
    ['hpa-example runs', c('registry.k8s.io/hpa-example'), {}, undefined],
    ['an unknown app image runs', c('ghcr.io/acme/shop:1.2.3'), {}, undefined],
    ['plain busybox exits 0', c('busybox'), {}, { afterMs: 0, exitCode: 0, reason: 'Completed' }],
    ['plain ubuntu exits 0', c('ubuntu:24.04'), {}, { afterMs: 0, exitCode: 0, reason: 'Completed' }],
    ['busybox with stdin waits', c('busybox', undefined, undefined, { stdin: true }), {}, undefined],
    ['tail -f runs', c('busybox', ['tail', '-f', '/dev/null']), {}, undefined],
    ['perl pi job', c('perl:5.34.0', ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)']), {}, { afterMs: 3000, exitCode: 0, reason: 'Completed' }],
    ['set -e stops at false', c('busybox', ['sh', '-ec', 'false; sleep 10']), {}, { afterMs: 0, exitCode: 1, reason: 'Error' }],
    ['|| true keeps going', c('busybox', ['sh', '-c', 'false || true']), {}, { afterMs: 0, exitCode: 0, reason: 'Completed' }],
    ['exit-after annotation', c('nginx'), { 'sandbox.kube/exit-after': '30s', 'sandbox.kube/exit-code': '1' }, { afterMs: 30_000, exitCode: 1, reason: 'Error' }],
    ['per-container exit-code', c('nginx'), { 'sandbox.kube/exit-code.app': '2', 'sandbox.kube/exit-code.other': '9' }, { afterMs: 0, exitCode: 2, reason: 'Error' }],
    ['memory over the limit is OOM-killed', c('nginx', undefined, undefined, { memoryLimit: '100Mi' }), { 'sandbox.kube/memory-usage': '300Mi' }, { afterMs: 2000, exitCode: 137, reason: 'OOMKilled' }],
    ['memory under the limit is fine', c('nginx', undefined, undefined, { memoryLimit: '512Mi' }), { 'sandbox.kube/memory-usage.app': '300Mi' }, undefined],
    ['stress over the limit (docs example)', c('polinux/stress', ['stress'], ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], { memoryLimit: '100Mi' }), {}, { afterMs: 2000, exitCode: 137, reason: 'OOMKilled' }],
  ];
  test.each(cases)('%s', (_what, input, annotations, exit) => {
    expect(containerBehaviour(input, annotations).exit).toEqual(exit);
  });

  test.each([
    ['sleep as PID 1 ignores SIGTERM', c('busybox', ['sleep', '3600']), true],
    ['a shell script ignores SIGTERM', c('busybox', ['sh', '-c', 'while true; do sleep 1; done']), true],
    ['a trap handles it', c('busybox', ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"]), false],
    ['nginx handles it', c('nginx'), false],
  ] as const)('%s', (_what, input, ignores) => {
    expect(containerBehaviour(input).ignoresSigterm).toBe(ignores);
  });

  test('nginx exits 0 on SIGTERM, an unknown app 143', () => {
    expect(containerBehaviour(c('nginx')).sigtermExitCode).toBe(0);
    expect(containerBehaviour(c('example.org/app', ['/app'])).sigtermExitCode).toBe(143);
  });
});

describe('runScript', () => {
  test('tracks files for exec probes (the liveness docs example)', () => {
    const out = runScript('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');
    expect(out.files).toEqual([{ path: '/tmp/healthy', from: 0, to: 30_000 }]);
    expect(out.exit).toEqual({ afterMs: 630_000, exitCode: 0 });
  });
  test('redirections create files', () => {
    expect(runScript('echo ok > /tmp/ready && sleep 5').files).toEqual([{ path: '/tmp/ready', from: 0 }]);
  });
  test('if/else picks a branch', () => {
    expect(runScript('if [ -f /nope ]; then exit 1; else exit 4; fi').exit).toEqual({ afterMs: 0, exitCode: 4 });
  });
});

describe('go durations', () => {
  test.each([
    [0, '0s'],
    [612, '612ms'],
    [3200, '3.2s'],
    [3213, '3.213s'],
    [10_000, '10s'],
    [80_000, '1m20s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
  ])('%i ms -> %s', (ms, text) => expect(goDuration(ms)).toBe(text));
  test.each([
    ['30', 30_000],
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['x', undefined],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
});
