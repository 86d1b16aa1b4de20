/**
 * Words per-document outcomes exactly as kubectl prints them, so the in-page console and real kubectl
 * read the same:
 *
 *   deployment.apps/web created          (kubectl apply / create: lower-case kind, `.group` unless core)
 *   service/web unchanged
 *   deployment.apps "web" deleted        (kubectl delete's own format)
 *   error when creating "web.yaml": <message>
 *   error when retrieving current configuration of:
 *   Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"
 *   Name: "web", Namespace: "default"
 *   from server for: "web.yaml": <message>
 *
 * Sources: k8s.io/cli-runtime pkg/printers/name.go and pkg/resource/visitor.go (Info.String),
 * k8s.io/kubectl pkg/cmd/util/helpers.go (AddSourceToErr), pkg/cmd/apply/apply.go, pkg/cmd/delete.
 * Kind -> resource/group comes from a lookup passed in, so this file does not depend on the registry.
 */

/** Maps a kind at an apiVersion to its plural resource and API group (core group: `''`). */
export type ResourceLookup = (
  kind: string,
  apiVersion: string,
) => { resource: string; group: string } | undefined;

export type Outcome = 'created' | 'configured' | 'unchanged' | 'deleted' | 'pruned' | 'serverside-applied';

/** The parts of an object the wording needs. */
export interface ObjectRefSource {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
}

/** Group and version of an apiVersion: `apps/v1` -> `apps`, `v1`; `v1` -> `''`, `v1`. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** kubectl's name-printer reference: `deployment.apps/web`, `pod/x`, `service/web`. */
export function resourceRef(kind: string, group: string, name: string): string {
  const kindPart = group === '' ? kind.toLowerCase() : `${kind.toLowerCase()}.${group}`;
  return `${kindPart}/${name}`;
}

/** `resourceRef` for an object; the group comes from `lookup` when it knows the kind, else from apiVersion. */
export function objectRef(object: ObjectRefSource, lookup?: ResourceLookup): string {
  const group = lookup?.(object.kind, object.apiVersion)?.group ?? splitApiVersion(object.apiVersion).group;
  return resourceRef(object.kind, group, object.metadata?.name ?? '');
}

/**
 * One outcome line: `deployment.apps/web created`. `deleted` uses kubectl delete's wording,
 * `deployment.apps "web" deleted`. A dry run appends ` (dry run)` or ` (server dry run)` to the verb.
 */
export function outcomeLine(
  ref: string,
  outcome: Outcome,
  options: { dryRun?: 'client' | 'server' } = {},
): string {
  const verb =
    options.dryRun === 'client'
      ? `${outcome} (dry run)`
      : options.dryRun === 'server'
        ? `${outcome} (server dry run)`
        : outcome;
  if (outcome === 'deleted') {
    const slash = ref.indexOf('/');
    return slash === -1 ? `${ref} ${verb}` : `${ref.slice(0, slash)} "${ref.slice(slash + 1)}" ${verb}`;
  }
  return `${ref} ${verb}`;
}

/** Go's `%q`: a double-quoted string with Go escapes. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** kubectl's AddSourceToErr: `error when <verb> "<source>": <message>`; the message alone without a source. */
export function addSourceToErr(verb: string, source: string | undefined, message: string): string {
  return source ? `error when ${verb} ${goQuote(source)}: ${message}` : message;
}

/** `error when creating "<source>": <message>` */
export function errorWhenCreating(source: string | undefined, message: string): string {
  return addSourceToErr('creating', source, message);
}

/**
 * kubectl's Info.String(): `Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1,
 * Kind=Deployment"` on one line, then `Name: "web", Namespace: "default"`. Only the second line when the
 * lookup does not know the kind. Pass the object with the namespace kubectl would have filled in.
 */
export function infoString(object: ObjectRefSource, lookup: ResourceLookup): string {
  const basic = `Name: ${goQuote(object.metadata?.name ?? '')}, Namespace: ${goQuote(object.metadata?.namespace ?? '')}`;
  const mapping = lookup(object.kind, object.apiVersion);
  if (!mapping) return basic;
  const { version } = splitApiVersion(object.apiVersion);
  const gvr = `${mapping.group}/${version}, Resource=${mapping.resource}`;
  const gvk = `${mapping.group}/${version}, Kind=${object.kind}`;
  return `Resource: ${goQuote(gvr)}, GroupVersionKind: ${goQuote(gvk)}\n${basic}`;
}

/** `error when retrieving current configuration of:\n<info>\nfrom server for: "<source>": <message>` */
export function errorWhenRetrieving(
  object: ObjectRefSource,
  source: string | undefined,
  message: string,
  lookup: ResourceLookup,
): string {
  return addSourceToErr(
    `retrieving current configuration of:\n${infoString(object, lookup)}\nfrom server for:`,
    source,
    message,
  );
}

/** `error when applying patch:\n<patch>\nto:\n<info>\nfor: "<source>": <message>` */
export function errorWhenPatching(
  patch: string,
  object: ObjectRefSource,
  source: string | undefined,
  message: string,
  lookup: ResourceLookup,
): string {
  return addSourceToErr(
    `applying patch:\n${patch}\nto:\n${infoString(object, lookup)}\nfor:`,
    source,
    message,
  );
}

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/**
 * How kubectl reports a document that failed before reaching the server (a ManifestError's message):
 * validation failures as `error validating "<source>": <message>; if you choose to ignore these errors,
 * turn validation off with --validate=false`, everything else as `error parsing <source>: <message>`.
 */
export function manifestErrorText(source: string | undefined, message: string): string {
  const name = source ?? 'STDIN';
  if (message.startsWith('error validating data:'))
    return `error validating ${goQuote(name)}: ${message}; ${STOP_VALIDATE}`;
  return `error parsing ${name}: ${message}`;
}

/**
 * The line kubectl prints for a failed command: `Error from server (<Reason>): <message>` for API
 * errors (`Error from server: <message>` without a reason), `error: <message>` for client-side ones.
 */
export function kubectlErrorLine(message: string, server?: { reason?: string }): string {
  if (server)
    return server.reason
      ? `Error from server (${server.reason}): ${message}`
      : `Error from server: ${message}`;
  return message.startsWith('error: ') ? message : `error: ${message}`;
}
