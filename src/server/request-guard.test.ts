import { describe, expect, it } from 'vitest';
import { forbiddenHost, hostAllowed, tokenAllowed, UNAUTHORIZED } from './request-guard.ts';
import { podLog, simulatedLines } from './pod-log.ts';
import type { KubeObject } from '../cluster/api/types.ts';

describe('hostAllowed (DNS rebinding guard)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.1:6443', true],
    ['localhost:6443', true],
    ['LOCALHOST', true],
    ['[::1]:6443', true],
    ['evil.example.com', false],
    ['evil.example.com:6443', false],
    ['127.0.0.1.nip.io:6443', false],
    ['localhost.evil.com', false],
    ['10.0.0.1:6443', false],
    ['', false],
    [undefined, false],
  ])('%s -> %s', (host, ok) => {
    expect(hostAllowed(host)).toBe(ok);
  });
});

describe('tokenAllowed', () => {
  it.each([
    ['Bearer abc123', true],
    ['bearer abc123', true],
    ['Bearer abc1234', false],
    ['Bearer ', false],
    ['Basic abc123', false],
    [undefined, false],
  ])('%s -> %s', (header, ok) => {
    expect(tokenAllowed(header, 'abc123')).toBe(ok);
  });

  it('answers as kube-apiserver does', () => {
    expect(UNAUTHORIZED).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    expect(forbiddenHost('evil.com').code).toBe(403);
  });
});

describe('pod logs (simulated)', () => {
  const pod = (status: unknown, containers: unknown[] = [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hello; echo "two words"; sleep 3600'] }]): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers },
    status,
  });

  it('prints what the command echoes', () => {
    expect(podLog(pod({ containerStatuses: [{ name: 'c', state: { running: {} } }] }), null)).toBe('hello\ntwo words\n');
    expect(podLog(pod({ containerStatuses: [{ name: 'c', state: { running: {} } }] }), 'c', { tailLines: 1 })).toBe('two words\n');
  });

  it('says so when there is nothing to echo', () => {
    expect(simulatedLines({ name: 'web', image: 'nginx:1.27' })).toEqual(['[kube-sandbox] container web (nginx:1.27) is running the nginx:1.27 entrypoint; output is simulated']);
  });

  it('answers the kubelet errors kubectl prints', () => {
    expect(() => podLog(pod({}), null)).toThrow('container "c" in pod "p" is waiting to start: ContainerCreating');
    expect(() => podLog(pod({ containerStatuses: [{ name: 'c', state: { waiting: { reason: 'ImagePullBackOff' } } }] }), null)).toThrow('container "c" in pod "p" is waiting to start: ImagePullBackOff');
    expect(() => podLog(pod({}, [{ name: 'a' }, { name: 'b' }]), null)).toThrow('a container name must be specified for pod p, choose one of: [a b]');
    expect(() => podLog(pod({}), 'nope')).toThrow('container nope is not valid for pod p');
  });
});
