import { memo, useEffect, useState } from 'react';
import type { DecisionRecord } from '../../cluster/scheduler/framework/decision-record.ts';
import { clusterRemote } from '../worker-client.ts';

/**
 * "Why here / why Pending": the scheduler's decision record for a pod as a table of nodes by plugins —
 * which plugin rejected each node and why, and for the feasible ones each plugin's weighted score.
 * Re-read whenever the pod changes.
 */
export const DecisionTable = memo(function DecisionTable({ namespace, name, version }: { namespace: string; name: string; version: string }) {
  const [record, setRecord] = useState<DecisionRecord | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void clusterRemote()
      .decisionRecord(namespace, name)
      .then((r) => {
        if (live) setRecord((r as DecisionRecord | undefined) ?? null);
      })
      .catch(() => live && setRecord(null));
    return () => {
      live = false;
    };
  }, [namespace, name, version]);

  if (record === undefined) return <p className="text-[11px] text-muted">Reading the scheduler's record…</p>;
  if (record === null) return <p className="text-[11px] text-muted">The scheduler has no decision on record for this pod yet.</p>;
  const plugins = record.scores.map((s) => s.plugin);
  return (
    <div className="flex flex-col gap-1.5" data-testid="decision-record">
      {record.fitError && <p className="rounded bg-bad/15 p-1.5 font-mono text-[11px] text-bad">{record.fitError}</p>}
      {record.preFilter && (
        <p className="font-mono text-[11px] text-bad">
          {record.preFilter.plugin}: {record.preFilter.message}
        </p>
      )}
      {record.chosen && (
        <p className="text-[11px]">
          Placed on <span className="font-mono font-semibold">{record.chosen}</span>
          {record.topScore !== null ? ` with the top score ${Math.round(record.topScore)}` : ''}
          {record.tiedNodes.length > 1 ? ` (tied with ${record.tiedNodes.length - 1} other node${record.tiedNodes.length > 2 ? 's' : ''}; picked at random)` : ''}.
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse font-mono text-[10px]">
          <thead className="text-left text-muted">
            <tr>
              <th className="py-0.5 pr-2 font-normal">NODE</th>
              <th className="py-0.5 pr-2 font-normal">FILTER</th>
              {plugins.map((p) => (
                <th key={p} className="px-1 py-0.5 font-normal" title={p}>
                  {p.replace(/^Node|Plugin$/g, '').slice(0, 10)}
                </th>
              ))}
              {record.totals && <th className="px-1 py-0.5 font-normal">TOTAL</th>}
            </tr>
          </thead>
          <tbody>
            {record.rejected.map((r) => (
              <tr key={r.node} className="border-t border-edge/60" data-testid="decision-rejected">
                <td className="py-0.5 pr-2">{r.node}</td>
                <td className="py-0.5 pr-2 text-bad" colSpan={plugins.length + (record.totals ? 2 : 1)}>
                  {r.plugin ? `${r.plugin}: ` : ''}
                  {r.reasons.join(', ')}
                </td>
              </tr>
            ))}
            {record.feasible.map((n, i) => (
              <tr key={n} className={`border-t border-edge/60 ${n === record.chosen ? 'bg-ok/10' : ''}`}>
                <td className="py-0.5 pr-2">
                  {n}
                  {n === record.chosen ? ' ✓' : ''}
                </td>
                <td className="py-0.5 pr-2 text-ok">passed</td>
                {record.scores.map((s) => (
                  <td key={s.plugin} className="px-1 py-0.5 text-right tabular-nums" title={`${s.plugin}: ${Math.round(s.normalized[i] ?? 0)} x weight ${s.weight}`}>
                    {Math.round((s.normalized[i] ?? 0) * s.weight)}
                  </td>
                ))}
                {record.totals && <td className="px-1 py-0.5 text-right font-semibold tabular-nums">{Math.round(record.totals[i] ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {record.preemption && record.preemption.message && <p className="font-mono text-[11px] text-muted">preemption: {record.preemption.message}</p>}
      {record.preemption?.chosen && <p className="text-[11px]">Nominated node for preemption: {record.preemption.chosen}</p>}
    </div>
  );
});
