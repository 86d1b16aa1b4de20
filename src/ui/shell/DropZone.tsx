import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { applyFiles, applyText } from '../apply-files.ts';
import { EXAMPLE_MIME } from '../examples/examples.ts';

/**
 * The canvas area as a drop target: manifests dropped anywhere on it, or pasted (Ctrl/Cmd+V) while no
 * text field has focus, are applied to the cluster.
 */
export function DropZone({ children }: { children: ReactNode }) {
  const [over, setOver] = useState(false);

  const onDrop = useCallback((e: React.DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) void applyFiles(files);
    else {
      const text = e.dataTransfer.getData('text/plain');
      const example = e.dataTransfer.getData(EXAMPLE_MIME);
      if (text) void applyText(text, example ? `examples/${example}.yaml` : 'dropped text');
    }
  }, []);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, [contenteditable="true"], .cm-editor') !== null)) return;
      const text = e.clipboardData?.getData('text/plain');
      if (text && text.trim()) {
        e.preventDefault();
        void applyText(text, 'pasted text');
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);

  return (
    <main
      data-testid="canvas"
      aria-label="Cluster canvas: drop Kubernetes manifests here"
      className={`relative min-h-0 min-w-0 flex-1 overflow-hidden ${over ? 'outline-2 -outline-offset-4 outline-dashed outline-accent' : ''}`}
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={onDrop}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center bg-accent/10 text-lg font-medium text-accent">
          Drop to apply (kubectl apply -f)
        </div>
      )}
    </main>
  );
}
