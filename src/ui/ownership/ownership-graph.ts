/**
 * The ownership view's layout: applications rather than machines. Each top-level workload (Deployment,
 * StatefulSet, DaemonSet, CronJob, a Job or ReplicaSet nobody owns) starts a row; what it owns
 * (ReplicaSets, Jobs) stack to its right; pods sit inside the card that directly owns them. Services
 * stand in a column on the left with an edge to every card holding pods they select. Pods without an
 * owner share one card. Pure: objects in, cards and edges out.
 */
import type { KubeObject } from '../../cluster/api/types.ts';
import { relationsOf, servicePods } from '../state/relations.ts';

export interface OwnerCardBox {
  id: string;
  /** Store key of the object ('' for the "no owner" card). */
  objectKey: string;
  kind: string;
  name: string;
  namespace: string;
  podKeys: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OwnershipGraph {
  cards: OwnerCardBox[];
  edges: { id: string; source: string; target: string; kind: 'owns' | 'selects' }[];
}

const TOP_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'ReplicaSet', 'ReplicationController'];
const COL_W = 280;
const COL_GAP = 80;
const ROW_GAP = 24;
const SVC_W = 200;
const SVC_H = 64;

/** Card height for its pods: a header, then rows of compact squares (16 per row). */
function cardHeight(pods: number): number {
  return 58 + Math.max(1, Math.ceil(pods / 15)) * 17;
}

function isSystem(o: KubeObject): boolean {
  return o.metadata.namespace === 'kube-system';
}

export function ownershipGraph(objects: ReadonlyMap<string, KubeObject>, includeSystem = false): OwnershipGraph {
  const rel = relationsOf(objects);
  const cards: OwnerCardBox[] = [];
  const edges: OwnershipGraph['edges'] = [];
  const podsOf = (uid: string | undefined) => (uid ? (rel.children.get(uid) ?? []).filter((k) => k.startsWith('/registry/pods/')) : []);
  const childOwners = (uid: string | undefined) => (uid ? (rel.children.get(uid) ?? []).filter((k) => !k.startsWith('/registry/pods/') && !k.startsWith('/registry/events/')) : []);
  const cardOfPod = new Map<string, string>();
  const x0 = SVC_W + COL_GAP;
  let y = 0;

  const tops: [string, KubeObject][] = [];
  for (const [k, o] of objects) {
    if (!TOP_KINDS.includes(o.kind)) continue;
    if (!includeSystem && isSystem(o)) continue;
    const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (owner && rel.byUid.has(owner.uid)) continue;
    tops.push([k, o]);
  }
  tops.sort((a, b) => TOP_KINDS.indexOf(a[1].kind) - TOP_KINDS.indexOf(b[1].kind) || a[0].localeCompare(b[0]));

  const addCard = (key: string, o: KubeObject, x: number, cy: number, pods: string[]): OwnerCardBox => {
    const card = { id: key, objectKey: key, kind: o.kind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? '', podKeys: pods, x, y: cy, width: COL_W, height: cardHeight(pods.length) };
    cards.push(card);
    for (const p of pods) cardOfPod.set(p, card.id);
    return card;
  };

  for (const [key, o] of tops) {
    const top = addCard(key, o, x0, y, podsOf(o.metadata.uid));
    let cy = y;
    // Newest ReplicaSet first, so the live one sits beside its Deployment.
    const children = childOwners(o.metadata.uid).sort((a, b) => (objects.get(b)?.metadata.creationTimestamp ?? '').localeCompare(objects.get(a)?.metadata.creationTimestamp ?? ''));
    for (const ck of children) {
      const child = objects.get(ck);
      if (!child) continue;
      const c = addCard(ck, child, x0 + COL_W + COL_GAP, cy, podsOf(child.metadata.uid));
      edges.push({ id: `${key}>${ck}`, source: key, target: ck, kind: 'owns' });
      cy += c.height + ROW_GAP;
    }
    y = Math.max(y + top.height + ROW_GAP, cy);
  }

  const orphans: string[] = [];
  for (const [k, o] of objects) {
    if (!k.startsWith('/registry/pods/') || (!includeSystem && isSystem(o))) continue;
    const owner = (o.metadata.ownerReferences ?? [])[0];
    if (!owner || !rel.byUid.has(owner.uid)) orphans.push(k);
  }
  if (orphans.length) {
    const card: OwnerCardBox = { id: 'no-owner', objectKey: '', kind: 'Pods', name: 'without an owner', namespace: '', podKeys: orphans, x: x0, y, width: COL_W, height: cardHeight(orphans.length) };
    cards.push(card);
    for (const p of orphans) cardOfPod.set(p, card.id);
  }

  let sy = 0;
  for (const [k, o] of objects) {
    if (o.kind !== 'Service' || (!includeSystem && isSystem(o))) continue;
    if (o.metadata.namespace === 'default' && o.metadata.name === 'kubernetes') continue;
    const targets = new Set<string>();
    const pods = servicePods(o, objects);
    for (const p of pods) {
      const c = cardOfPod.get(p);
      if (c) targets.add(c);
    }
    cards.push({ id: k, objectKey: k, kind: 'Service', name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? '', podKeys: [], x: 0, y: sy, width: SVC_W, height: SVC_H });
    for (const t of targets) edges.push({ id: `${k}>${t}`, source: k, target: t, kind: 'selects' });
    sy += SVC_H + ROW_GAP;
  }
  return { cards, edges };
}
