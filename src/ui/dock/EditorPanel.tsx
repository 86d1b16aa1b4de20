import { memo, useRef, useState } from 'react';
import { clusterRemote } from '../worker-client.ts';
import { useApplyLog } from '../state/apply-log.ts';
import type { ApplyOutcome } from '../../worker/protocol.ts';
import { EXAMPLES } from '../examples/examples.ts';

const LINE_H = 18;

/**
 * Write a manifest and apply it. A plain textarea with line numbers; each document's error is marked on
 * the line it points at and listed with kubectl's words. (CodeMirror 6 with YAML highlighting is the
 * intended editor once the package is added; this keeps the same contract.)
 */
export const EditorPanel = memo(function EditorPanel() {
  const [text, setText] = useState(EXAMPLES[0]!.yaml);
  const [outcomes, setOutcomes] = useState<ApplyOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = text.split('\n').length;
  const errorLines = new Map<number, string>();
  for (const o of outcomes) if (o.error) errorLines.set(o.errorLine ?? o.line, o.error);

  const apply = async () => {
    setBusy(true);
    try {
      const result = await clusterRemote().apply(text, 'editor.yaml');
      useApplyLog.getState().add(result);
      setOutcomes(result.outcomes);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex h-full min-h-0" data-testid="editor-panel">
      <div className="flex min-w-0 flex-1 overflow-hidden border-r border-edge font-mono text-xs">
        <div ref={gutter} className="shrink-0 overflow-hidden bg-raised py-1.5 text-right text-muted select-none" aria-hidden>
          {Array.from({ length: lineCount }, (_, i) => (
            <div key={i} className={`px-2 ${errorLines.has(i + 1) ? 'bg-bad/25 font-bold text-bad' : ''}`} style={{ height: LINE_H, lineHeight: `${LINE_H}px` }} title={errorLines.get(i + 1)}>
              {errorLines.has(i + 1) ? '✕' : i + 1}
            </div>
          ))}
        </div>
        <textarea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (outcomes.length) setOutcomes([]);
          }}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
              e.preventDefault();
              void apply();
            }
          }}
          spellCheck={false}
          aria-label="YAML manifest editor"
          className="min-w-0 flex-1 resize-none bg-panel px-2 py-1.5 outline-none"
          style={{ lineHeight: `${LINE_H}px`, tabSize: 2 }}
        />
      </div>
      <div className="flex w-96 shrink-0 flex-col gap-2 p-2">
        <div className="flex items-center gap-2">
          <button type="button" onClick={() => void apply()} disabled={busy} className="rounded bg-accent px-3 py-1 text-xs font-semibold text-white disabled:opacity-60" aria-label="Apply manifest">
            Apply (Ctrl+Enter)
          </button>
          <select
            aria-label="Load an example into the editor"
            className="min-w-0 flex-1 rounded border border-edge bg-panel px-1 py-1 text-xs"
            value=""
            onChange={(e) => {
              const ex = EXAMPLES.find((x) => x.id === e.target.value);
              if (ex) {
                setText(ex.yaml);
                setOutcomes([]);
              }
            }}
          >
            <option value="">Load an example…</option>
            {EXAMPLES.map((ex) => (
              <option key={ex.id} value={ex.id}>
                {ex.title}
              </option>
            ))}
          </select>
        </div>
        <ul className="min-h-0 flex-1 space-y-1 overflow-auto font-mono text-[11px]">
          {outcomes.map((o) => (
            <li key={o.index} className={o.error ? 'whitespace-pre-wrap text-bad' : 'text-ok'}>
              {o.error ? `document ${o.index + 1}, line ${o.errorLine ?? o.line}: ${o.error}` : o.message}
            </li>
          ))}
          {outcomes.length === 0 && <li className="text-muted">Write or paste a manifest, then apply it. Errors are marked on their line.</li>}
        </ul>
      </div>
    </div>
  );
});
