/**
 * The kube-proxy DaemonSet kubeadm installs (kubeadm's manifests for the kube-proxy addon): one
 * host-network pod per node in kube-system, tolerating every taint, at system-node-critical priority.
 */
import type { KubeObject } from '../../api/types.ts';

export const KUBE_PROXY_IMAGE = 'registry.k8s.io/kube-proxy:v1.32.0';

/** A fresh object on every call (callers may mutate it). */
export function kubeProxyDaemonSet(): KubeObject {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { ...labels } },
    spec: {
      selector: { matchLabels: { ...labels } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          priorityClassName: 'system-node-critical',
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          containers: [
            {
              name: 'kube-proxy',
              image: KUBE_PROXY_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
              securityContext: { privileged: true },
            },
          ],
        },
      },
    },
  };
}
