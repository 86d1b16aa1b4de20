import { memo, useState } from 'react';
import type { KubeObject } from '../../cluster/api/types.ts';
import { deleteObject, nodeAction, NODE_ACTION_HELP, NODE_ACTION_LABEL, restartRollout, scaleObject, type NodeAction } from '../commands.ts';
import { isCordoned, nodeReadiness } from '../status/node-status.ts';
import { refOfKey, RESTARTABLE_KINDS, SCALABLE_KINDS, WORKLOAD_KINDS } from '../state/relations.ts';

const btn = 'rounded border border-edge bg-panel px-2 py-1 text-xs hover:border-accent hover:bg-raised disabled:opacity-50';
const danger = 'rounded border border-bad/60 bg-panel px-2 py-1 text-xs text-bad hover:bg-bad hover:text-white';

/** The node actions that make sense for a node in its current state. */
export function nodeActions(node: KubeObject): NodeAction[] {
  const ready = nodeReadiness(node) === 'Ready';
  return [ready ? 'kill' : 'start', isCordoned(node) ? 'uncordon' : 'cordon', 'drain', 'delete'];
}

export const NodeActions = memo(function NodeActions({ node }: { node: KubeObject }) {
  const name = node.metadata.name ?? '';
  return (
    <div className="flex flex-wrap gap-1.5" role="group" aria-label={`Actions for node ${name}`}>
      {nodeActions(node).map((a) => (
        <button key={a} type="button" className={a === 'kill' || a === 'delete' ? danger : btn} title={NODE_ACTION_HELP[a]} onClick={() => void nodeAction(a, name)}>
          {NODE_ACTION_LABEL[a]}
        </button>
      ))}
    </div>
  );
});

/** Delete for a pod; scale, restart and delete-with-cascade for workloads; delete for anything else. */
export const ObjectActions = memo(function ObjectActions({ objectKey, object }: { objectKey: string; object: KubeObject }) {
  const ref = refOfKey(objectKey, object);
  const replicas = (object.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  const [scaleTo, setScaleTo] = useState(String(replicas));
  const [cascade, setCascade] = useState<'Background' | 'Foreground' | 'Orphan'>('Background');
  const workload = WORKLOAD_KINDS.has(object.kind);
  return (
    <div className="flex flex-col gap-1.5" role="group" aria-label={`Actions for ${object.kind} ${object.metadata.name}`}>
      {SCALABLE_KINDS.has(object.kind) && (
        <form
          className="flex items-center gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(scaleTo);
            if (Number.isInteger(n) && n >= 0) void scaleObject(ref, n);
          }}
        >
          <label className="text-xs text-muted" htmlFor="scale-to">
            replicas
          </label>
          <input id="scale-to" type="number" min={0} max={500} value={scaleTo} onChange={(e) => setScaleTo(e.target.value)} className="w-16 rounded border border-edge bg-panel px-1 py-0.5 text-xs" />
          <button type="submit" className={btn}>
            Scale
          </button>
          {RESTARTABLE_KINDS.has(object.kind) && (
            <button type="button" className={btn} onClick={() => void restartRollout(ref)} title="kubectl rollout restart: replaces every pod, a few at a time.">
              Restart rollout
            </button>
          )}
        </form>
      )}
      {!SCALABLE_KINDS.has(object.kind) && RESTARTABLE_KINDS.has(object.kind) && (
        <div>
          <button type="button" className={btn} onClick={() => void restartRollout(ref)}>
            Restart rollout
          </button>
        </div>
      )}
      <div className="flex items-center gap-1.5">
        {workload && (
          <select aria-label="Cascade" value={cascade} onChange={(e) => setCascade(e.target.value as typeof cascade)} className="rounded border border-edge bg-panel px-1 py-0.5 text-xs" title="What happens to the objects it owns: deleted in the background, deleted first (foreground), or left behind (orphan).">
            <option value="Background">cascade: background</option>
            <option value="Foreground">cascade: foreground</option>
            <option value="Orphan">cascade: orphan</option>
          </select>
        )}
        <button type="button" className={danger} onClick={() => void deleteObject(ref, workload ? cascade : undefined)} aria-label={`Delete ${object.kind.toLowerCase()}`}>
          Delete
        </button>
      </div>
    </div>
  );
});
