import { describe, expect, it } from 'vitest';
import { ClusterHost } from './cluster-host.ts';

describe('ClusterHost.kubectl', () => {
  it.each([
    ['kubectl get cm -o name', 0, 'configmap/a\n'],
    ['get pod x', 1, 'Error from server (NotFound): pods "x" not found\n'],
  ])('%s', (line, exitCode, output) => {
    const h = new ClusterHost({ seed: 1, nodes: [] }, false);
    expect(h.kubectl('apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n')).toEqual({ output: 'configmap/a created\n', exitCode: 0 });
    const r = h.kubectl(line);
    expect(structuredClone(r)).toEqual({ output, exitCode });
    h.dispose();
  });
});

describe('ClusterHost.kubectlComplete', () => {
  it('completes verbs and live object names', () => {
    const h = new ClusterHost({ seed: 1, nodes: [] }, false);
    h.kubectl('apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alpha\n');
    expect(h.kubectlComplete('kubectl desc')).toEqual(['describe']);
    expect(h.kubectlComplete('get cm al')).toEqual(['alpha']);
    h.dispose();
  });
});
