import { memo } from 'react';
import { useApplyLog } from '../state/apply-log.ts';

/** Each applied document's outcome as kubectl prints it; errors with their document and line. */
export const ApplyLog = memo(function ApplyLog() {
  const results = useApplyLog((s) => s.results);
  if (results.length === 0) {
    return <p className="text-sm text-muted">Nothing applied yet. Drop a manifest (.yaml, .json) on the canvas or paste one.</p>;
  }
  return (
    <ol className="space-y-3" data-testid="apply-log" aria-label="Apply results">
      {results.map((r, i) => (
        <li key={results.length - i} className="rounded border border-edge bg-panel p-2">
          <div className="mb-1 font-mono text-xs text-muted">kubectl apply -f {r.source}</div>
          <ul className="space-y-1 font-mono text-sm">
            {r.outcomes.map((o) => (
              <li key={o.index} data-testid={o.error ? 'apply-error' : 'apply-outcome'} className={o.error ? 'whitespace-pre-wrap text-bad' : 'text-ok'}>
                {o.error ? (
                  <>
                    <span className="mr-2 rounded bg-bad/20 px-1 text-xs">
                      document {o.index + 1}, line {o.errorLine ?? o.line}
                      {o.errorColumn ? `:${o.errorColumn}` : ''}
                    </span>
                    {o.error}
                  </>
                ) : (
                  o.message
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
});
