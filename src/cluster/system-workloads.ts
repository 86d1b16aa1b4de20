/**
 * What kubeadm leaves running in kube-system, so `kubectl get pods -A` looks like a real cluster's:
 * the control plane's static pods on the head node (shown through their mirror pods, named
 * `<component>-<node>`), and CoreDNS as a 2-replica Deployment that tolerates the control-plane taint.
 */
import type { KubeObject } from './api/types.ts';

const CONTROL_PLANE_COMPONENTS: readonly { name: string; image: string; cpu: string; memory?: string }[] = [
  { name: 'etcd', image: 'registry.k8s.io/etcd:3.5.16-0', cpu: '100m', memory: '100Mi' },
  { name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.32.0', cpu: '250m' },
  { name: 'kube-controller-manager', image: 'registry.k8s.io/kube-controller-manager:v1.32.0', cpu: '200m' },
  { name: 'kube-scheduler', image: 'registry.k8s.io/kube-scheduler:v1.32.0', cpu: '100m' },
];

/** The mirror pods of the head node's static pods, bound to it (the kubelet runs them). */
export function controlPlaneMirrorPods(node: { name: string; uid: string }): KubeObject[] {
  return CONTROL_PLANE_COMPONENTS.map((c) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${c.name}-${node.name}`,
      namespace: 'kube-system',
      labels: { component: c.name, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.mirror': `${c.name}-static`,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }],
    },
    spec: {
      nodeName: node.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      containers: [{ name: c.name, image: c.image, resources: { requests: { cpu: c.cpu, ...(c.memory ? { memory: c.memory } : {}) } } }],
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  }));
}

/** CoreDNS as kubeadm deploys it (trimmed to what the sandbox models). */
export function coreDnsDeployment(): KubeObject {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          priorityClassName: 'system-cluster-critical',
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            },
          ],
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' } },
              ],
            },
          },
        },
      },
    },
  };
}

/** The kube-dns Service in front of CoreDNS, at kubeadm's fixed 10.96.0.10. */
export function kubeDnsService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
    spec: {
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  };
}
