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
import { namespaceStrategy } from './namespace.ts';
import { podStrategy } from './pod.ts';
import { replicaSetStrategy, replicationControllerStrategy } from './replica-set.ts';
import { serviceStrategy } from './service.ts';
import { statefulSetStrategy } from './stateful-set.ts';
import { persistentVolumeClaimStrategy, persistentVolumeStrategy } from './storage.ts';

export const STRATEGIES: Readonly<Record<string, Strategy>> = {
  '/Pod': podStrategy,
  '/Service': serviceStrategy,
  '/Namespace': namespaceStrategy,
  '/ConfigMap': configMapStrategy,
  '/Secret': secretStrategy,
  '/ReplicationController': replicationControllerStrategy,
  '/PersistentVolumeClaim': persistentVolumeClaimStrategy,
  '/PersistentVolume': persistentVolumeStrategy,
  'apps/Deployment': deploymentStrategy,
  'apps/ReplicaSet': replicaSetStrategy,
  'apps/StatefulSet': statefulSetStrategy,
  'apps/DaemonSet': daemonSetStrategy,
  'batch/Job': jobStrategy,
  'batch/CronJob': cronJobStrategy,
};

export function strategyFor(group: string, kind: string): Strategy {
  return STRATEGIES[`${group}/${kind}`] ?? {};
}
