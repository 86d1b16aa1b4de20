/**
 * The checks kubectl makes on every document before it sends anything (k8s.io/kubectl
 * pkg/util/openapi/validation getObjectKind, and the unstructured decoder), worded as kubectl words them:
 *
 * - not a mapping:            `error validating data: invalid object to validate`
 * - apiVersion missing/null:  `error validating data: apiVersion not set`
 * - apiVersion not a string:  `error validating data: apiVersion isn't string type`
 * - apiVersion `a/b/c`:       `error validating data: unexpected GroupVersion string: a/b/c`
 * - kind missing/null:        `error validating data: kind not set`
 * - kind not a string:        `error validating data: kind isn't string type`
 * - several at once:          `error validating data: [apiVersion not set, kind not set]`
 * - kind `""`:                `Object 'Kind' is missing in '{...}'`
 *
 * Two choices of ours: an empty apiVersion (`""`) is reported as `apiVersion not set` (kubectl would pass
 * it on and fail later on mapping), and `metadata` that is present but not a mapping is reported as the
 * API server reports it (`... cannot unmarshal string into Go struct field Pod.metadata of type v1.ObjectMeta`).
 */
import type { JsonValue } from '../api/types.ts';
import { MAX_ECHO_CHARS } from './limits.ts';

export const VALIDATING = 'error validating data:';

export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go's encoding/json name for a JSON value's type, as in "cannot unmarshal string into ...". */
function goJsonType(value: JsonValue): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

function echo(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > MAX_ECHO_CHARS ? `${text.slice(0, MAX_ECHO_CHARS)}…` : text;
}

/** The problem with `value` as a Kubernetes object, or undefined if kubectl would send it. */
export function objectProblem(value: JsonValue): string | undefined {
  if (!isJsonObject(value)) return `${VALIDATING} invalid object to validate`;
  const problems: string[] = [];
  const apiVersion = value.apiVersion;
  if (apiVersion === undefined || apiVersion === null || apiVersion === '')
    problems.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') problems.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2) problems.push(`unexpected GroupVersion string: ${apiVersion}`);
  const kind = value.kind;
  if (kind === undefined || kind === null) problems.push('kind not set');
  else if (typeof kind !== 'string') problems.push("kind isn't string type");
  if (problems.length === 1) return `${VALIDATING} ${problems[0] ?? ''}`;
  if (problems.length > 1) return `${VALIDATING} [${problems.join(', ')}]`;
  if (kind === '') return `Object 'Kind' is missing in '${echo(value)}'`;
  const metadata = value.metadata;
  if (metadata !== undefined && metadata !== null && !isJsonObject(metadata)) {
    const kindName = String(kind);
    const version = String(apiVersion).split('/').pop() ?? '';
    return (
      `${kindName} in version "${version}" cannot be handled as a ${kindName}: json: cannot unmarshal ` +
      `${goJsonType(metadata)} into Go struct field ${kindName}.metadata of type v1.ObjectMeta`
    );
  }
  return undefined;
}

/**
 * Whether kubectl would flatten `value` into its items: a kind of `List` or ending in `List` that has
 * an `items` field. (A `PodList` without `items` stays one object and fails later as an unknown kind.)
 */
export function isListObject(value: JsonObject): boolean {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && 'items' in value;
}
