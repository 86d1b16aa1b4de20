import { describe, expect, test } from 'vitest';
import { controlPlaneNode, internalIPFor, nodeAllocatable, nodeLabels, nodeObject, podCIDRFor, workerNode } from './node-config.ts';
import { IpAllocator } from './ip-allocator.ts';
import { parseImage, pullError, imageSize } from './image-catalog.ts';
import { Backoff } from './backoff.ts';

describe('node shapes', () => {
  test('the control plane: role labels and the NoSchedule taint', () => {
    const cp = controlPlaneNode();
    const node = nodeObject(cp, 0);
    expect(node.metadata.labels).toMatchObject({ 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '', 'kubernetes.io/hostname': 'control-plane' });
    expect((node.spec as { taints: unknown[] }).taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(internalIPFor(cp)).toBe('172.18.0.2');
    expect(podCIDRFor(cp)).toBe('10.244.0.0/24');
  });

  test.each([
    ['worker-1', '172.18.0.3', '10.244.1.0/24'],
    ['worker-3', '172.18.0.5', '10.244.3.0/24'],
    ['worker-300', '172.18.1.48', '10.244.44.0/24'],
  ])('%s gets %s and %s', (name, ip, cidr) => {
    expect(internalIPFor(workerNode(name))).toBe(ip);
    expect(podCIDRFor(workerNode(name))).toBe(cidr);
  });

  test('zone label only when a zone is set', () => {
    expect(nodeLabels(workerNode('w', { zone: 'zone-a' }))['topology.kubernetes.io/zone']).toBe('zone-a');
    expect(nodeLabels(workerNode('w'))['topology.kubernetes.io/zone']).toBeUndefined();
  });

  test.each([
    ['8Gi', '100Gi', '8092Mi', '90Gi'],
    ['16Gi', '50Gi', '16284Mi', '45Gi'],
    ['2G', '100G', '1895142400', '90G'],
  ])('allocatable of %s memory / %s disk: %s / %s', (memory, disk, mem, eph) => {
    const a = nodeAllocatable(workerNode('w', { memory, ephemeralStorage: disk }));
    expect(a.memory).toBe(mem);
    expect(a['ephemeral-storage']).toBe(eph);
  });
});

describe('pod addresses', () => {
  test('from .2 upward, the lowest free first', () => {
    const ips = new IpAllocator('10.244.1.0/24');
    expect([ips.allocate(), ips.allocate(), ips.allocate()]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    ips.release('10.244.1.3');
    expect(ips.allocate()).toBe('10.244.1.3');
  });
});

describe('images', () => {
  test.each([
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['nginx', 'docker.io/library/nginx:latest'],
    ['bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('%s normalises to %s', (image, full) => {
    const ref = parseImage(image);
    expect('error' in ref ? ref.error : ref.full).toBe(full);
  });

  test.each([['Nginx'], ['nginx:'], ['nginx :1'], ['']])('%j does not parse', (image) => {
    expect('error' in parseImage(image)).toBe(true);
  });

  test.each([
    ['nginx:1.27', undefined],
    ['doesnotexist/app:1', 'pull access denied'],
    ['nginx:nonexistent', 'code = NotFound'],
    ['registry.invalid/app:1', 'no such host'],
  ])('pulling %s', (image, fragment) => {
    const ref = parseImage(image);
    if ('error' in ref) throw new Error(ref.error);
    const err = pullError(ref);
    if (fragment === undefined) expect(err).toBeUndefined();
    else expect(err).toContain(fragment);
  });

  test('sizes are stable and realistic', () => {
    const nginx = parseImage('nginx:1.27');
    const busybox = parseImage('busybox:1.36');
    if ('error' in nginx || 'error' in busybox) throw new Error('parse');
    expect(imageSize(nginx)).toBe(imageSize(nginx));
    expect(imageSize(nginx)).toBeGreaterThan(60e6);
    expect(imageSize(busybox)).toBeLessThan(3e6);
  });
});

describe('back-off', () => {
  test('10 s doubling to 300 s, reset after 10 min untouched', () => {
    const b = new Backoff();
    const seen: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      b.next('k', t);
      seen.push(b.get('k'));
      t += b.get('k');
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    b.next('k', t + 600_001);
    expect(b.get('k')).toBe(10_000);
    expect(b.isInBackOffSince('k', t + 600_001, t + 600_001 + 9_999)).toBe(true);
    expect(b.isInBackOffSince('k', t + 600_001, t + 600_001 + 10_000)).toBe(false);
  });
});
