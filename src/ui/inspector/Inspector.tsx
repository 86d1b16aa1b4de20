import { memo, useMemo, type ReactNode } from 'react';
import type { KubeObject } from '../../cluster/api/types.ts';
import { useCluster, type ClusterState } from '../state/cluster-store.ts';
import { useUi } from '../state/ui-store.ts';
import { useThrottledCluster } from '../state/use-throttled.ts';
import { ownerChain, relationsOf } from '../state/relations.ts';
import { eventRows } from '../narration/event-row.ts';
import { humanDuration } from '../format/human-duration.ts';
import { podColumns } from '../status/pod-status.ts';
import { podTone, TONE_GLYPH, TONE_TEXT } from '../status/tone.ts';
import { nodeStatusText, nodeReadiness } from '../status/node-status.ts';
import { YamlView } from './YamlView.tsx';
import { DecisionTable } from './DecisionTable.tsx';
import { NodeActions, ObjectActions } from './ObjectActions.tsx';

function Section({ title, children, help }: { title: string; children: ReactNode; help?: string }) {
  return (
    <section className="flex flex-col gap-1.5 border-t border-edge px-3 py-2.5">
      <h3 className="text-[11px] font-semibold uppercase tracking-wider text-muted" title={help}>
        {title}
      </h3>
      {children}
    </section>
  );
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

function Conditions({ object, now }: { object: KubeObject; now: number }) {
  const conditions = ((object.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).filter((c) => c.type);
  if (conditions.length === 0) return <p className="text-[11px] text-muted">None reported.</p>;
  return (
    <table className="w-full font-mono text-[10px]" data-testid="inspector-conditions">
      <tbody>
        {conditions.map((c) => (
          <tr key={c.type} className="border-t border-edge/50 align-top" title={c.message}>
            <td className="py-0.5 pr-1">{c.type}</td>
            <td className={`py-0.5 pr-1 ${c.status === 'True' ? 'text-ok' : c.status === 'False' ? 'text-wait' : 'text-muted'}`}>{c.status}</td>
            <td className="py-0.5 pr-1 text-muted">{c.reason ?? ''}</td>
            <td className="py-0.5 text-right text-muted">{c.lastTransitionTime ? humanDuration(now - Date.parse(c.lastTransitionTime)) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const selectForRelations = (s: ClusterState) => s.objects;

function OwnerChain({ objectKey }: { objectKey: string }) {
  const objects = useThrottledCluster(selectForRelations, 500);
  const chain = useMemo(() => ownerChain(objectKey, objects, relationsOf(objects)), [objectKey, objects]);
  if (chain.length === 0) return <p className="text-[11px] text-muted">Not owned by anything: deleting it deletes only it.</p>;
  return (
    <ol className="flex flex-wrap items-center gap-1 text-[11px]" data-testid="owner-chain">
      {chain.map((o, i) => (
        <li key={`${o.kind}/${o.name}`} className="flex items-center gap-1">
          {i > 0 && <span className="text-muted">←</span>}
          <button type="button" disabled={!o.key} className="rounded bg-raised px-1.5 py-0.5 font-mono hover:bg-edge disabled:opacity-60" onClick={() => o.key && useUi.getState().select(o.key)}>
            {o.kind}/{o.name}
          </button>
        </li>
      ))}
    </ol>
  );
}

const selectEvents = (s: ClusterState) => ({ rows: eventRows(s.objects), now: s.time });

function ObjectEvents({ object }: { object: KubeObject }) {
  const { rows, now } = useThrottledCluster(selectEvents, 300);
  const mine = rows.filter((r) => (r.uid && r.uid === object.metadata.uid) || (r.kind === object.kind && r.name === object.metadata.name && (r.namespace === (object.metadata.namespace ?? '') || !object.metadata.namespace)));
  if (mine.length === 0) return <p className="text-[11px] text-muted">No events.</p>;
  return (
    <ul className="flex flex-col gap-1 font-mono text-[10px]" data-testid="inspector-events">
      {mine.slice(0, 30).map((r) => (
        <li key={r.key} className={r.type === 'Warning' ? 'text-bad' : ''}>
          <span className="text-muted">{humanDuration(now - r.last)}</span> <span className="font-semibold">{r.reason}</span> {r.message}
        </li>
      ))}
    </ul>
  );
}

function Header({ object }: { object: KubeObject }) {
  let badge: ReactNode = null;
  if (object.kind === 'Pod') {
    const cols = podColumns(object);
    const tone = podTone(cols.status, cols.readyCount === cols.totalCount && cols.totalCount > 0);
    badge = (
      <span className={`font-mono text-xs ${TONE_TEXT[tone]}`} data-testid="inspector-status">
        {TONE_GLYPH[tone]} {cols.status} · {cols.ready} · {cols.restarts} restarts
      </span>
    );
  } else if (object.kind === 'Node') {
    badge = (
      <span className={`font-mono text-xs ${nodeReadiness(object) === 'Ready' ? 'text-ok' : 'text-bad'}`} data-testid="inspector-status">
        {nodeStatusText(object)}
      </span>
    );
  }
  return (
    <div className="flex flex-col gap-0.5 px-3 py-2.5">
      <div className="text-[11px] uppercase tracking-wider text-muted">{object.kind}</div>
      <div className="break-all font-mono text-sm font-semibold">
        {object.metadata.namespace ? <span className="text-muted">{object.metadata.namespace}/</span> : null}
        {object.metadata.name}
      </div>
      {badge}
    </div>
  );
}

/** The right panel: everything about the selection, live. */
export const Inspector = memo(function Inspector() {
  const selected = useUi((s) => s.selected);
  const object = useCluster((s) => (selected ? s.objects.get(selected) : undefined));
  const now = useCluster((s) => Math.floor(s.time / 1000) * 1000);
  const spec = object?.spec as { nodeName?: string } | undefined;
  return (
    <aside className="flex w-[360px] shrink-0 flex-col overflow-hidden border-l border-edge bg-panel" aria-label="Inspector" data-testid="inspector">
      <div className="flex h-8 shrink-0 items-center border-b border-edge px-3">
        <h2 className="text-[11px] font-semibold uppercase tracking-wider text-muted">Inspector</h2>
        <button type="button" className="ml-auto text-xs text-muted hover:text-ink" onClick={() => useUi.getState().toggleInspector()} aria-label="Close inspector">
          ✕
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {!selected || !object ? (
          <p className="p-3 text-xs text-muted">{selected ? 'This object is gone.' : 'Select a node, a pod or an event to see it here: its YAML, conditions, events, owners and, for a pod, why the scheduler put it where it is.'}</p>
        ) : (
          <>
            <Header object={object} />
            <Section title="Actions">{object.kind === 'Node' ? <NodeActions node={object} /> : <ObjectActions objectKey={selected} object={object} />}</Section>
            {object.kind === 'Pod' && (
              <Section title={spec?.nodeName ? `Why ${spec.nodeName}` : 'Why Pending'} help="The scheduler's decision record: every node, the plugin that rejected it or its scores.">
                <DecisionTable namespace={object.metadata.namespace ?? 'default'} name={object.metadata.name ?? ''} version={object.metadata.resourceVersion ?? ''} />
              </Section>
            )}
            <Section title="Conditions">
              <Conditions object={object} now={now} />
            </Section>
            <Section title="Owners" help="ownerReferences: who created this object and will delete it when it goes.">
              <OwnerChain objectKey={selected} />
            </Section>
            <Section title="Events">
              <ObjectEvents object={object} />
            </Section>
            <Section title="YAML">
              <YamlView object={object} />
            </Section>
          </>
        )}
      </div>
    </aside>
  );
});
