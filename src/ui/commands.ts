/**
 * Every action a person can take, in one place: a closed set of names, each a small function that asks
 * the worker and shows kubectl's answer as a notice. Buttons, the context menu, the inspector and
 * keyboard shortcuts all call these, so an action behaves the same wherever it is started.
 */
import { clusterRemote } from './worker-client.ts';
import { useUi } from './state/ui-store.ts';
import type { CommandResult, NodeSpec, ObjectRef } from '../worker/protocol.ts';

async function run(p: Promise<CommandResult>): Promise<CommandResult> {
  let r: CommandResult;
  try {
    r = await p;
  } catch (e) {
    r = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  useUi.getState().notify(r);
  return r;
}

export type NodeAction = 'kill' | 'start' | 'cordon' | 'uncordon' | 'drain' | 'delete';

/** Accessible names of node actions (tests and screen readers find buttons by these). */
export const NODE_ACTION_LABEL: Record<NodeAction, string> = {
  kill: 'Kill node',
  start: 'Start node',
  cordon: 'Cordon',
  uncordon: 'Uncordon',
  drain: 'Drain',
  delete: 'Delete node',
};

/** One plain sentence per action, for hover help. */
export const NODE_ACTION_HELP: Record<NodeAction, string> = {
  kill: 'Power the machine off: its kubelet stops reporting, as if the plug were pulled.',
  start: 'Power the machine back on: its kubelet starts reporting again.',
  cordon: 'Mark the node unschedulable: running pods stay, new pods go elsewhere.',
  uncordon: 'Let the scheduler place new pods on this node again.',
  drain: 'Cordon the node, then evict its pods (DaemonSet pods stay) so they move elsewhere.',
  delete: 'Remove the Node object from the cluster.',
};

export function nodeAction(action: NodeAction, name: string): Promise<CommandResult> {
  const r = clusterRemote();
  switch (action) {
    case 'kill':
      return run(r.killNode(name));
    case 'start':
      return run(r.startNode(name));
    case 'cordon':
      return run(r.cordon(name, true));
    case 'uncordon':
      return run(r.cordon(name, false));
    case 'drain':
      return run(r.drain(name));
    case 'delete':
      return run(r.deleteNode(name));
  }
}

export function addNode(spec: NodeSpec): Promise<CommandResult> {
  return run(clusterRemote().addNode(spec));
}

export function deleteObject(ref: ObjectRef, propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'): Promise<CommandResult> {
  return run(clusterRemote().deleteObject(ref, propagationPolicy));
}

export function scaleObject(ref: ObjectRef, replicas: number): Promise<CommandResult> {
  return run(clusterRemote().scale(ref, replicas));
}

export function restartRollout(ref: ObjectRef): Promise<CommandResult> {
  return run(clusterRemote().restartRollout(ref));
}
