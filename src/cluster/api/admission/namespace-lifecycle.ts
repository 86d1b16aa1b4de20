/**
 * NamespaceLifecycle (plugin/pkg/admission/namespace/lifecycle): nothing is created in a namespace that
 * does not exist or is being terminated, and the system namespaces cannot be deleted.
 */
import type { AdmissionPlugin } from './types.ts';
import { forbidden, notFound } from '../errors.ts';

export const NAME = 'NamespaceLifecycle';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

export const namespaceLifecycle = {
  name: NAME,
  validate(attrs, reader) {
    const t = attrs.resource;
    if (t.kind === 'Namespace') {
      if (attrs.operation === 'DELETE' && IMMORTAL.has(attrs.name)) {
        throw forbidden(t, attrs.name, 'this namespace may not be deleted');
      }
      return;
    }
    if (attrs.operation !== 'CREATE' || !t.namespaced || !attrs.namespace) return;
    const ns = reader.get('', 'namespaces', undefined, attrs.namespace);
    if (!ns) throw notFound({ group: '', resource: 'namespaces' }, attrs.namespace);
    const phase = (ns.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Terminating' || ns.metadata.deletionTimestamp) {
      const err = forbidden(t, attrs.name, `unable to create new content in namespace ${attrs.namespace} because it is being terminated`);
      err.status.details = { ...err.status.details, causes: [{ reason: 'NamespaceTerminating', message: `namespace ${attrs.namespace} is being terminated`, field: 'metadata.namespace' }] };
      throw err;
    }
  },
} satisfies AdmissionPlugin;
