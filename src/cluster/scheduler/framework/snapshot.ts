/**
 * Snapshot: the read-only view of the cluster one scheduling cycle works on (internal/cache Snapshot).
 * SchedulerCache.updateSnapshot() refreshes it in place, copying only NodeInfos whose generation moved
 * since the last refresh, so calling it before every cycle stays cheap at 5,000 nodes.
 */
import type { NodeInfo } from './node-info.ts';

export class Snapshot {
  /** Node name -> NodeInfo. Entries keep their identity across refreshes. */
  readonly nodeInfoMap = new Map<string, NodeInfo>();
  /** All nodes, interleaved across zones as kube-scheduler's node tree lists them. */
  nodeInfoList: NodeInfo[] = [];
  havePodsWithAffinityList: NodeInfo[] = [];
  havePodsWithRequiredAntiAffinityList: NodeInfo[] = [];
  /** Image name -> number of nodes that have it (ImageLocality's spread). */
  imageNumNodes: ReadonlyMap<string, number> = new Map();
  /** Cache generation this snapshot reflects. */
  generation = 0;
  /** Cache node-set and image-index versions this snapshot reflects (internal to SchedulerCache). */
  nodeSetVersion = 0;
  imagesVersion = 0;

  /** A snapshot built directly from NodeInfos (tests, tools); they are used as given, in order. */
  static of(nodes: readonly NodeInfo[]): Snapshot {
    const s = new Snapshot();
    const images = new Map<string, number>();
    for (const n of nodes) {
      s.nodeInfoMap.set(n.name, n);
      for (const img of n.imageSizes.keys()) images.set(img, (images.get(img) ?? 0) + 1);
    }
    s.imageNumNodes = images;
    s.nodeInfoList = nodes.slice();
    s.rebuildAffinityLists();
    return s;
  }

  get(name: string): NodeInfo | undefined {
    return this.nodeInfoMap.get(name);
  }

  get numNodes(): number {
    return this.nodeInfoList.length;
  }

  /** Recomputes the lists of nodes holding pods with (anti-)affinity. */
  rebuildAffinityLists(): void {
    this.havePodsWithAffinityList = this.nodeInfoList.filter((n) => n.podsWithAffinity.length > 0);
    this.havePodsWithRequiredAntiAffinityList = this.nodeInfoList.filter((n) => n.podsWithRequiredAntiAffinity.length > 0);
  }
}
