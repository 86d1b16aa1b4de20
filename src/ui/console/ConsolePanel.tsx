import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { clusterRemote } from '../worker-client.ts';
import { useConsole } from './console-store.ts';
import { walkHistory } from './console-history.ts';

/** Longest prefix all candidates share (Tab fills it in when several match). */
function sharedPrefix(list: readonly string[]): string {
  if (list.length === 0) return '';
  let p = list[0]!;
  for (const c of list) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/**
 * The in-page kubectl: type a command, read what kubectl prints. Output is plain preformatted text
 * (never HTML). Enter runs, Shift+Enter adds a line (paste a manifest after `apply -f -`), Up/Down
 * walk the history, Tab completes, Ctrl+L clears. Commands run in the worker through the same API
 * server and printers the headless server uses.
 */
export const ConsolePanel = memo(function ConsolePanel() {
  const entries = useConsole((s) => s.entries);
  const history = useConsole((s) => s.history);
  const [text, setText] = useState('');
  const [draft, setDraft] = useState('');
  const [index, setIndex] = useState(-1);
  const [hint, setHint] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [entries.length]);
  useEffect(() => input.current?.focus(), []);

  const run = async () => {
    const line = text;
    if (line.trim() === '') return;
    if (/^\s*clear\s*$/.test(line)) {
      useConsole.getState().clear();
      setText('');
      return;
    }
    setBusy(true);
    try {
      const r = await clusterRemote().kubectl(line);
      useConsole.getState().record(line, r.output, r.exitCode);
    } catch (e) {
      useConsole.getState().record(line, `error: ${e instanceof Error ? e.message : String(e)}\n`, 1);
    } finally {
      setBusy(false);
      setText('');
      setDraft('');
      setIndex(-1);
      setHint('');
    }
  };

  const tab = async () => {
    const el = input.current;
    const cursor = el?.selectionStart ?? text.length;
    const before = text.slice(0, cursor);
    if (before.includes('\n')) return;
    const candidates = await clusterRemote().kubectlComplete(before);
    if (candidates.length === 0) {
      setHint('');
      return;
    }
    const lastWord = before.split(/\s+/).pop() ?? '';
    const fill = candidates.length === 1 ? candidates[0]! + ' ' : sharedPrefix(candidates);
    const head = before.slice(0, before.length - lastWord.length);
    setText(head + (fill.length >= lastWord.length ? fill : lastWord) + text.slice(cursor));
    setHint(candidates.length > 1 ? candidates.slice(0, 40).join('  ') : '');
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void run();
    } else if (e.key === 'Tab' && !e.shiftKey && text.trim() !== '') {
      e.preventDefault();
      void tab();
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      useConsole.getState().clear();
    } else if ((e.key === 'ArrowUp' && !el.value.slice(0, el.selectionStart).includes('\n')) || (e.key === 'ArrowDown' && !el.value.slice(el.selectionEnd).includes('\n'))) {
      if (history.length === 0) return;
      e.preventDefault();
      const from = index < 0 ? history.length : index;
      if (index < 0) setDraft(text);
      const step = walkHistory(history, from, e.key === 'ArrowUp' ? -1 : 1, index < 0 ? text : draft);
      setIndex(step.index === history.length ? -1 : step.index);
      setText(step.text);
    }
  };

  return (
    <div className="flex h-full min-h-0 flex-col font-mono text-xs" data-testid="console-panel">
      <div ref={scroller} className="min-h-0 flex-1 overflow-auto px-3 py-1.5" role="log" aria-label="kubectl output" aria-live="polite">
        {entries.length === 0 && <p className="text-muted">Type a kubectl command, e.g. kubectl get nodes. Type help for the list.</p>}
        {entries.map((en) => (
          <div key={en.id} className="mb-1.5">
            <div className="text-accent">$ {en.command.split('\n')[0]}</div>
            <pre className={`whitespace-pre ${en.exitCode === 0 ? 'text-ink' : 'text-bad'}`} data-exit-code={en.exitCode}>
              {en.output}
            </pre>
          </div>
        ))}
      </div>
      {hint && <div className="shrink-0 truncate border-t border-edge px-3 py-0.5 text-muted" aria-live="polite">{hint}</div>}
      <div className="flex shrink-0 items-start gap-2 border-t border-edge px-3 py-1">
        <span className="py-0.5 text-accent" aria-hidden>
          $
        </span>
        <textarea
          ref={input}
          value={text}
          rows={Math.min(8, text.split('\n').length)}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          readOnly={busy}
          spellCheck={false}
          autoComplete="off"
          placeholder="kubectl get pods -A"
          aria-label="kubectl command"
          className="min-w-0 flex-1 resize-none bg-transparent py-0.5 outline-none"
        />
      </div>
    </div>
  );
});
