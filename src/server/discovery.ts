/**
 * Discovery documents, built from the API registry: `/version`, `/api` (APIVersions), `/apis`
 * (APIGroupList) and `/api/v1`, `/apis/<group>/<version>` (APIResourceList, subresources listed as
 * `pods/status`). Served as plain `application/json`: kubectl 1.32 asks for aggregated discovery first
 * and falls back to these when the answer's Content-Type is not the aggregated one.
 */
import { RESOURCES, type ResourceType } from '../cluster/api/registry.ts';

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export interface GroupVersion {
  group: string;
  version: string;
}

/** Resources served under a group version: the registry's, plus core Event again under events.k8s.io/v1. */
export function resourcesOf(gv: GroupVersion): ResourceType[] {
  const out = RESOURCES.filter((t) => t.group === gv.group && t.version === gv.version);
  if (gv.group === 'events.k8s.io' && gv.version === 'v1') {
    const ev = RESOURCES.find((t) => t.group === '' && t.resource === 'events');
    if (ev) out.push({ ...ev, group: 'events.k8s.io', version: 'v1', shortNames: [] });
  }
  return out;
}

/** Every served group version, core first, then the groups in registry order. */
export function groupVersions(): GroupVersion[] {
  const seen = new Set<string>();
  const out: GroupVersion[] = [];
  for (const t of RESOURCES) {
    const key = `${t.group}/${t.version}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ group: t.group, version: t.version });
    }
  }
  out.push({ group: 'events.k8s.io', version: 'v1' });
  return out;
}

export function isServedGroupVersion(gv: GroupVersion): boolean {
  return groupVersions().some((x) => x.group === gv.group && x.version === gv.version);
}

export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroupList() {
  const groups = groupVersions()
    .filter((gv) => gv.group !== '')
    .map((gv) => {
      const v = { groupVersion: `${gv.group}/${gv.version}`, version: gv.version };
      return { name: gv.group, versions: [v], preferredVersion: v };
    });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

/** Subresource entries as kube-apiserver lists them. */
function subresourceEntries(t: ResourceType): ApiResource[] {
  const base = { singularName: '', namespaced: t.namespaced };
  return t.subresources.map((sub): ApiResource => {
    const name = `${t.resource}/${sub}`;
    switch (sub) {
      case 'status':
        return { ...base, name, kind: t.kind, verbs: ['get', 'patch', 'update'] };
      case 'scale':
        return { ...base, name, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] };
      case 'binding':
        return { ...base, name, kind: 'Binding', verbs: ['create'] };
      case 'eviction':
        // kubectl drain looks for this entry to know it may POST Evictions.
        return { ...base, name, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] };
      case 'log':
        return { ...base, name, kind: 'Pod', verbs: ['get'] };
      case 'finalize':
        return { ...base, name, kind: t.kind, verbs: ['update'] };
    }
  });
}

export function apiResourceList(gv: GroupVersion) {
  const resources: ApiResource[] = [];
  for (const t of resourcesOf(gv)) {
    const r: ApiResource = { name: t.resource, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: [...t.verbs] };
    if (t.shortNames.length > 0) r.shortNames = [...t.shortNames];
    if (t.categories) r.categories = [...t.categories];
    resources.push(r);
    if (!t.virtual) resources.push(...subresourceEntries(t));
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv.group ? `${gv.group}/${gv.version}` : gv.version, resources };
}
