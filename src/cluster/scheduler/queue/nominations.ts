/**
 * Which pods are nominated to which node (the PodNominator): set from status.nominatedNodeName and
 * after preemption, read when filtering so a preemptor's freed room is kept for it.
 */
import type { PodInfo } from '../framework/pod-info.ts';

export class Nominations {
  private readonly byNode = new Map<string, PodInfo[]>();
  private readonly nodeOf = new Map<string, string>();

  /** Nominates `pi` to `nodeName`, replacing an earlier nomination; '' only clears it. */
  add(pi: PodInfo, nodeName: string): void {
    this.delete(pi.uid);
    if (!nodeName) return;
    let list = this.byNode.get(nodeName);
    if (!list) this.byNode.set(nodeName, (list = []));
    list.push(pi);
    this.nodeOf.set(pi.uid, nodeName);
  }

  delete(uid: string): void {
    const node = this.nodeOf.get(uid);
    if (node === undefined) return;
    this.nodeOf.delete(uid);
    const list = this.byNode.get(node);
    if (!list) return;
    const i = list.findIndex((p) => p.uid === uid);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byNode.delete(node);
  }

  forNode(nodeName: string): readonly PodInfo[] {
    return this.byNode.get(nodeName) ?? [];
  }
}
