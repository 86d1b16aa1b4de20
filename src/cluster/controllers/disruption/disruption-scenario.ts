/**
 * A booted default cluster (all of kube-controller-manager) plus the disruption and resource quota
 * controllers on their own informers, for the PDB, eviction and quota scenario tests.
 */
import { scenario, PERSON } from '../../scenarios/scenario-kit.ts';
import { SharedInformers } from '../../client/shared-informers.ts';
import type { ControllerContext } from '../runtime/controller.ts';
import { DisruptionController, DISRUPTION_CONTROLLER } from './disruption-controller.ts';
import { ResourceQuotaController, RESOURCE_QUOTA_CONTROLLER } from '../resource-quota/resource-quota-controller.ts';
import type { KubeObject, Status } from '../../api/types.ts';
import { isApiError } from '../../api/errors.ts';
import type { PodDisruptionBudget } from './pdb-helpers.ts';

export function disruptionScenario(seed = 7) {
  const s = scenario({ seed });
  const { cluster } = s;
  const informers = new SharedInformers(cluster.api, { name: 'kube-controller-manager', component: 'kube-controller-manager' });
  const ctx: ControllerContext = { api: cluster.api, clock: cluster.clock, rng: cluster.rng.fork(), informers };
  // Once kube-controller-manager runs them itself, use those rather than a second copy.
  const disruption = cluster.controllerManager.get(DISRUPTION_CONTROLLER) ?? new DisruptionController(ctx);
  const quota = cluster.controllerManager.get(RESOURCE_QUOTA_CONTROLLER) ?? new ResourceQuotaController(ctx);
  if (!cluster.controllerManager.get(DISRUPTION_CONTROLLER)) disruption.start();
  if (!cluster.controllerManager.get(RESOURCE_QUOTA_CONTROLLER)) quota.start();
  return {
    ...s,
    disruption,
    quota,
    pdb: (name: string, namespace = 'default') => s.person.get<PodDisruptionBudget>({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget' }, namespace, name)!,
    /** `POST pods/<name>/eviction`: the Status answered, success or failure. */
    evict(pod: string, namespace = 'default', extra: { deleteOptions?: object; dryRun?: boolean } = {}): Status {
      try {
        return cluster.api.evict(namespace, pod, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod, namespace }, ...(extra.deleteOptions ? { deleteOptions: extra.deleteOptions } : {}) }, { actor: PERSON, ...(extra.dryRun ? { dryRun: true } : {}) });
      } catch (e) {
        if (isApiError(e)) return e.status;
        throw e;
      }
    },
    /** Live (not deleting) pods of `app`, sorted by name. */
    livePods: (app: string, namespace = 'default'): KubeObject[] =>
      s
        .pods(namespace, app)
        .filter((p) => !p.metadata.deletionTimestamp)
        .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')),
  };
}

export function pdbYaml(name: string, app: string, budget: string, extra = ''): string {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
  namespace: default
spec:
  ${budget}
  selector:
    matchLabels:
      app: ${app}${extra}
`;
}
