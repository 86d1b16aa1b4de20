/**
 * Builds the predicate a list or watch applies from its `labelSelector` and `fieldSelector` strings,
 * rejecting fields the kind cannot be selected by, as kube-apiserver does.
 */
import type { KubeObject } from './types.ts';
import type { ResourceType } from './registry.ts';
import { parseSelector } from './labels/selector.ts';
import { parseFieldSelector } from './labels/field-selector.ts';
import { readField, selectableFields } from './selectable-fields.ts';
import { badRequest } from './errors.ts';

export function buildFilter(t: ResourceType, labelSelector: string | undefined, fieldSelector: string | undefined): (obj: KubeObject) => boolean {
  let labels: ReturnType<typeof parseSelector> | undefined;
  if (labelSelector) {
    try {
      labels = parseSelector(labelSelector);
    } catch (e) {
      throw badRequest(`unable to parse requirement: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (labels.isEmpty()) labels = undefined;
  }
  let fields: ReturnType<typeof parseFieldSelector> | undefined;
  if (fieldSelector) {
    try {
      fields = parseFieldSelector(fieldSelector);
    } catch (e) {
      throw badRequest(e instanceof Error ? e.message : String(e));
    }
    const allowed = selectableFields(t);
    for (const req of fields.requirements) {
      if (!allowed.includes(req.field)) throw badRequest(`field label not supported: ${req.field}`);
    }
  }
  if (!labels && !fields) return () => true;
  return (obj) => (!labels || labels.matches(obj.metadata.labels)) && (!fields || fields.matches((f) => readField(obj, f)));
}
