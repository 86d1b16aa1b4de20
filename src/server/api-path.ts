/**
 * Reads a Kubernetes REST path the way kube-apiserver's request info resolver does:
 * `/api/v1/namespaces/default/pods/web/log` -> group '', version v1, namespace default, resource pods,
 * name web, subresource log. `/api/v1/namespaces/x/status` is the namespace's own subresource.
 */
export type ApiPath =
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'resource'; group: string; version: string; resource: string; namespace?: string; name?: string; subresource?: string }
  | { kind: 'unknown' };

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseApiPath(pathname: string): ApiPath {
  const parts = pathname.split('/').filter((p) => p !== '').map(safeDecode);
  if (parts.some((p) => p === undefined)) return { kind: 'unknown' };
  const segs = parts as string[];
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 2) {
    group = '';
    version = segs[1]!;
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 3) {
    group = segs[1]!;
    version = segs[2]!;
    rest = segs.slice(3);
  } else {
    return { kind: 'unknown' };
  }
  if (rest.length === 0) return { kind: 'groupVersion', group, version };
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]!))) {
    const [, namespace, resource, name, subresource, ...extra] = rest;
    if (extra.length > 0) return { kind: 'unknown' };
    return withOptional({ kind: 'resource', group, version, resource: resource!, namespace: namespace! }, name, subresource);
  }
  const [resource, name, subresource, ...extra] = rest;
  if (extra.length > 0) return { kind: 'unknown' };
  return withOptional({ kind: 'resource', group, version, resource: resource! }, name, subresource);
}

function withOptional(base: Extract<ApiPath, { kind: 'resource' }>, name: string | undefined, subresource: string | undefined): ApiPath {
  const out = { ...base };
  if (name !== undefined) out.name = name;
  if (subresource !== undefined) out.subresource = subresource;
  return out;
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
