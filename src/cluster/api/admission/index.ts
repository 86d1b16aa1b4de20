/** The admission chain in kube-apiserver's default order (the subset the sandbox models). */
import type { AdmissionPlugin } from './types.ts';
import { namespaceLifecycle } from './namespace-lifecycle.ts';
import { limitRanger } from './limit-ranger.ts';
import { defaultTolerationSeconds } from './default-toleration-seconds.ts';
import { priority } from './priority.ts';
import { resourceQuota } from './resource-quota.ts';
import { defaultStorageClass } from './default-storage-class.ts';

export const DEFAULT_ADMISSION: readonly AdmissionPlugin[] = [namespaceLifecycle, limitRanger, defaultTolerationSeconds, priority, defaultStorageClass, resourceQuota];
