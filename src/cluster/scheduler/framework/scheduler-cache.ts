/**
 * SchedulerCache: the scheduler's own view of nodes and assigned pods (internal/cache/cache.go), fed
 * by informers and by the scheduler itself (assume before bind), and turned into a Snapshot for each
 * cycle.
 *
 * How the snapshot stays cheap: every NodeInfo mutation bumps its generation and moves it to the head
 * of a recency list. updateSnapshot walks that list from the head and stops at the first NodeInfo
 * not newer than the snapshot, copying just those; the node order and the affinity lists are rebuilt
 * only when nodes come or go, or a node starts/stops holding pods with affinity.
 *
 * Worked example: 5,000 nodes, one pod assumed per cycle -> each updateSnapshot clones one NodeInfo.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { NodeInfo, nextGeneration } from './node-info.ts';
import { NodeTree } from './node-tree.ts';
import { PodInfo, podKey } from './pod-info.ts';
import { Snapshot } from './snapshot.ts';

interface Item {
  info: NodeInfo;
  prev: Item | null;
  next: Item | null;
}

interface PodState {
  pi: PodInfo;
  nodeName: string;
  assumed: boolean;
}

export class SchedulerCache {
  private readonly items = new Map<string, Item>();
  private head: Item | null = null;
  private readonly tree = new NodeTree();
  private readonly podStates = new Map<string, PodState>();
  private readonly imageNodes = new Map<string, Set<string>>();
  // Versions of the node set (and zone layout) and of the image index; snapshots remember what they saw.
  private nodeSetVersion = 1;
  private imagesVersion = 1;

  // ---- nodes ----

  /** Adds a node (or replaces it when already known). */
  addNode(node: INode): void {
    const name = node.metadata?.name ?? '';
    let item = this.items.get(name);
    if (item) {
      this.removeImages(item.info);
      item.info.setNode(node);
      this.tree.update(node);
    } else {
      item = { info: new NodeInfo(node), prev: null, next: null };
      this.items.set(name, item);
      this.tree.add(node);
    }
    this.addImages(item.info);
    this.nodeSetVersion++;
    this.moveToHead(item);
  }

  updateNode(node: INode): void {
    const name = node.metadata?.name ?? '';
    const item = this.items.get(name);
    if (!item || item.info.node === null) {
      this.addNode(node);
      return;
    }
    this.removeImages(item.info);
    item.info.setNode(node);
    this.addImages(item.info);
    if (this.tree.update(node)) this.nodeSetVersion++;
    this.moveToHead(item);
  }

  /**
   * Removes a node. Pods still assigned to it stay accounted (as upstream) until their own delete
   * events arrive; the node itself disappears from the snapshot at once.
   */
  removeNode(name: string): void {
    const item = this.items.get(name);
    if (!item) return;
    this.removeImages(item.info);
    this.tree.remove(name);
    this.nodeSetVersion++;
    if (item.info.pods.length === 0) {
      this.unlink(item);
      this.items.delete(name);
    } else {
      item.info.node = null;
      item.info.generation = nextGeneration();
      this.moveToHead(item);
    }
  }

  get nodeCount(): number {
    return this.tree.numNodes;
  }

  /** The live NodeInfo (read-only for callers). */
  nodeInfo(name: string): NodeInfo | undefined {
    const info = this.items.get(name)?.info;
    return info?.node ? info : undefined;
  }

  // ---- pods ----

  /**
   * An assigned pod seen through the informer. Confirms an assumed pod (moving it if it landed
   * elsewhere); ignores pods without spec.nodeName.
   */
  addPod(pod: IPod): void {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    const key = podKey(pod);
    const state = this.podStates.get(key);
    if (state) {
      this.removeFromNode(state);
    }
    this.placePod(new PodInfo(pod), nodeName, false);
  }

  updatePod(_old: IPod | undefined, pod: IPod): void {
    this.addPod(pod);
  }

  removePod(pod: IPod): void {
    const state = this.podStates.get(podKey(pod));
    if (!state) return;
    this.removeFromNode(state);
    this.podStates.delete(state.pi.uid);
  }

  /**
   * Accounts a pod on `nodeName` before its binding is confirmed, so the next cycle sees the space as
   * taken (assume-before-bind). Idempotent for the same node.
   */
  assumePod(pi: PodInfo, nodeName: string): void {
    const state = this.podStates.get(pi.uid);
    if (state) this.removeFromNode(state);
    this.placePod(pi, nodeName, true);
  }

  /** Undoes assumePod after a failed bind; no-op for a pod the informer already confirmed. */
  forgetPod(uid: string): void {
    const state = this.podStates.get(uid);
    if (!state || !state.assumed) return;
    this.removeFromNode(state);
    this.podStates.delete(uid);
  }

  isAssumed(uid: string): boolean {
    return this.podStates.get(uid)?.assumed === true;
  }

  /** Node a known pod is accounted on. */
  podNode(uid: string): string | undefined {
    return this.podStates.get(uid)?.nodeName;
  }

  get podCount(): number {
    return this.podStates.size;
  }

  // ---- snapshot ----

  /** A fresh snapshot of the current state. */
  snapshot(): Snapshot {
    const s = new Snapshot();
    this.updateSnapshot(s);
    return s;
  }

  /** Brings `s` up to date, copying only NodeInfos changed since its last update. */
  updateSnapshot(s: Snapshot): void {
    let updateAllLists = s.nodeSetVersion !== this.nodeSetVersion;
    let updateAffinity = false;
    const since = s.generation;
    for (let it = this.head; it !== null && it.info.generation > since; it = it.next) {
      const info = it.info;
      if (info.node === null) continue;
      let existing = s.nodeInfoMap.get(info.name);
      if (!existing) {
        existing = new NodeInfo();
        s.nodeInfoMap.set(info.name, existing);
        updateAllLists = true;
      }
      const clone = info.clone();
      if ((existing.podsWithAffinity.length > 0) !== (clone.podsWithAffinity.length > 0)) updateAffinity = true;
      if ((existing.podsWithRequiredAntiAffinity.length > 0) !== (clone.podsWithRequiredAntiAffinity.length > 0)) updateAffinity = true;
      // Keep the snapshot's object identity so lists built earlier stay valid.
      Object.assign(existing, clone);
    }
    if (this.head) s.generation = Math.max(s.generation, this.head.info.generation);
    if (updateAllLists) {
      for (const name of [...s.nodeInfoMap.keys()]) {
        if (!this.items.get(name)?.info.node) s.nodeInfoMap.delete(name);
      }
      s.nodeInfoList = [];
      for (const name of this.tree.list()) {
        const n = s.nodeInfoMap.get(name);
        if (n) s.nodeInfoList.push(n);
      }
      s.nodeSetVersion = this.nodeSetVersion;
    }
    if (updateAllLists || updateAffinity) s.rebuildAffinityLists();
    if (s.imagesVersion !== this.imagesVersion) {
      const counts = new Map<string, number>();
      for (const [img, nodes] of this.imageNodes) counts.set(img, nodes.size);
      s.imageNumNodes = counts;
      s.imagesVersion = this.imagesVersion;
    }
  }

  // ---- internals ----

  private placePod(pi: PodInfo, nodeName: string, assumed: boolean): void {
    let item = this.items.get(nodeName);
    if (!item) {
      // A pod can be seen before its node (informers are not ordered across kinds).
      item = { info: new NodeInfo(), prev: null, next: null };
      item.info.name = nodeName;
      this.items.set(nodeName, item);
    }
    item.info.addPod(pi);
    this.podStates.set(pi.uid, { pi, nodeName, assumed });
    this.moveToHead(item);
  }

  private removeFromNode(state: PodState): void {
    const item = this.items.get(state.nodeName);
    if (!item) return;
    item.info.removePod(state.pi.uid);
    if (item.info.node === null && item.info.pods.length === 0) {
      this.unlink(item);
      this.items.delete(state.nodeName);
      return;
    }
    this.moveToHead(item);
  }

  private addImages(info: NodeInfo): void {
    for (const img of info.imageSizes.keys()) {
      let set = this.imageNodes.get(img);
      if (!set) this.imageNodes.set(img, (set = new Set()));
      set.add(info.name);
      this.imagesVersion++;
    }
  }

  private removeImages(info: NodeInfo): void {
    for (const img of info.imageSizes.keys()) {
      const set = this.imageNodes.get(img);
      if (!set) continue;
      set.delete(info.name);
      if (set.size === 0) this.imageNodes.delete(img);
      this.imagesVersion++;
    }
  }

  private moveToHead(item: Item): void {
    if (this.head === item) return;
    this.unlink(item);
    item.next = this.head;
    if (this.head) this.head.prev = item;
    this.head = item;
  }

  private unlink(item: Item): void {
    if (item.prev) item.prev.next = item.next;
    if (item.next) item.next.prev = item.prev;
    if (this.head === item) this.head = item.next;
    item.prev = item.next = null;
  }
}
