/**
 * The node tree (internal/cache/node_tree.go): nodes grouped by zone, listed round-robin across zones
 * so that the scheduler's "first N feasible nodes" spreads over zones. Zones appear in the order their
 * first node was added.
 */
import type { INode } from 'kubernetes-models/v1/Node';

/** utilnode.GetZoneKey: `region:\x00:zone`, or "" when the node has neither label. */
export function zoneKey(node: INode): string {
  const labels = node.metadata?.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\x00:${zone}`;
}

export class NodeTree {
  private readonly tree = new Map<string, string[]>();
  private readonly zoneOf = new Map<string, string>();

  get numNodes(): number {
    return this.zoneOf.size;
  }

  add(node: INode): void {
    const name = node.metadata?.name ?? '';
    if (this.zoneOf.has(name)) return;
    const zone = zoneKey(node);
    let names = this.tree.get(zone);
    if (!names) this.tree.set(zone, (names = []));
    names.push(name);
    this.zoneOf.set(name, zone);
  }

  remove(name: string): void {
    const zone = this.zoneOf.get(name);
    if (zone === undefined) return;
    const names = this.tree.get(zone)!;
    names.splice(names.indexOf(name), 1);
    if (names.length === 0) this.tree.delete(zone);
    this.zoneOf.delete(name);
  }

  /** Moves a node whose zone labels changed; returns whether it moved. */
  update(node: INode): boolean {
    const name = node.metadata?.name ?? '';
    if (this.zoneOf.get(name) === zoneKey(node)) return false;
    this.remove(name);
    this.add(node);
    return true;
  }

  /** All node names, round-robin across zones. */
  list(): string[] {
    const zones = [...this.tree.values()];
    const out: string[] = [];
    for (let i = 0; out.length < this.zoneOf.size; i++) {
      for (const names of zones) {
        const n = names[i];
        if (n !== undefined) out.push(n);
      }
    }
    return out;
  }
}
