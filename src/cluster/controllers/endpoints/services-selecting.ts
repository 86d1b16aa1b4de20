/**
 * The Services whose selector matches a pod (now or before a label change): the ones whose endpoints a
 * pod event may change (GetPodServiceMemberships).
 */
import { selectorFromSet } from '../../api/labels/selector.ts';
import type { Informer } from '../../client/informer.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import type { Service } from './endpoint-pods.ts';

export function servicesSelecting(services: Informer<Service>, pod: Pod, old?: Pod): Service[] {
  const out: Service[] = [];
  for (const svc of services.listIn(pod.metadata.namespace ?? 'default')) {
    const selector = svc.spec?.selector;
    if (!selector) continue;
    const sel = selectorFromSet(selector);
    if (sel.matches(pod.metadata.labels ?? {}) || (old && sel.matches(old.metadata.labels ?? {}))) out.push(svc);
  }
  return out;
}
