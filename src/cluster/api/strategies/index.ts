/**
 * Every kind's strategy, keyed by `group/Kind` ('' for the core group). Kinds without an entry get the
 * generic behaviour (no defaults beyond metadata, no extra validation).
 */
import type { Strategy } from '../strategy.ts';
import { configMapStrategy, secretStrategy } from './config-map.ts';
import { cronJobStrategy } from './cron-job.ts';
import { daemonSetStrategy } from './daemon-set.ts';
import { deploymentStrategy } from './deployment.ts';
import { jobStrategy } from './job.ts';
import { limitRangeStrategy, resourceQuotaStrategy } from './limit-range.ts';
import { ingressStrategy, networkPolicyStrategy } from './networking.ts';
import { nodeStrategy } from './node.ts';
import { horizontalPodAutoscalerStrategy, podDisruptionBudgetStrategy } from './policy-kinds.ts';
import { priorityClassStrategy } from './priority-class.ts';
import { clusterRoleBindingStrategy, clusterRoleStrategy, roleBindingStrategy, roleStrategy } from './rbac.ts';
import { namespaceFinalizeStrategy, namespaceStrategy } from './namespace.ts';
import { podStrategy } from './pod.ts';
import { replicaSetStrategy, replicationControllerStrategy } from './replica-set.ts';
import { serviceStrategy } from './service.ts';
import { statefulSetStrategy } from './stateful-set.ts';
import { persistentVolumeClaimStrategy, persistentVolumeStrategy } from './storage.ts';

export const STRATEGIES: Readonly<Record<string, Strategy>> = {
  '/Pod': podStrategy,
  '/Service': serviceStrategy,
  '/Namespace': namespaceStrategy,
  '/Namespace/finalize': namespaceFinalizeStrategy,
  '/ConfigMap': configMapStrategy,
  '/Secret': secretStrategy,
  '/ReplicationController': replicationControllerStrategy,
  '/PersistentVolumeClaim': persistentVolumeClaimStrategy,
  '/PersistentVolume': persistentVolumeStrategy,
  '/Node': nodeStrategy,
  '/LimitRange': limitRangeStrategy,
  '/ResourceQuota': resourceQuotaStrategy,
  'apps/Deployment': deploymentStrategy,
  'apps/ReplicaSet': replicaSetStrategy,
  'apps/StatefulSet': statefulSetStrategy,
  'apps/DaemonSet': daemonSetStrategy,
  'batch/Job': jobStrategy,
  'batch/CronJob': cronJobStrategy,
  'autoscaling/HorizontalPodAutoscaler': horizontalPodAutoscalerStrategy,
  'policy/PodDisruptionBudget': podDisruptionBudgetStrategy,
  'networking.k8s.io/Ingress': ingressStrategy,
  'networking.k8s.io/NetworkPolicy': networkPolicyStrategy,
  'scheduling.k8s.io/PriorityClass': priorityClassStrategy,
  'rbac.authorization.k8s.io/Role': roleStrategy,
  'rbac.authorization.k8s.io/ClusterRole': clusterRoleStrategy,
  'rbac.authorization.k8s.io/RoleBinding': roleBindingStrategy,
  'rbac.authorization.k8s.io/ClusterRoleBinding': clusterRoleBindingStrategy,
};

/** The strategy of `group/Kind`, or of one of its subresources (`/Namespace/finalize`). */
export function strategyFor(group: string, kind: string, subresource?: string): Strategy {
  if (subresource) {
    const sub = STRATEGIES[`${group}/${kind}/${subresource}`];
    if (sub) return sub;
  }
  return STRATEGIES[`${group}/${kind}`] ?? {};
}
