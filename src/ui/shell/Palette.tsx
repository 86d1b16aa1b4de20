import { memo } from 'react';
import { EXAMPLES, EXAMPLE_MIME } from '../examples/examples.ts';
import { applyText } from '../apply-files.ts';
import { useUi } from '../state/ui-store.ts';

/** Examples to drag onto the canvas (or apply with Enter / a click on ▶). */
export const Palette = memo(function Palette() {
  return (
    <section aria-label="Examples">
      <h2 className="mb-1.5 px-1 text-[11px] font-semibold uppercase tracking-wider text-muted" title="Drag one onto the canvas to apply it, as kubectl apply -f would.">
        Examples
      </h2>
      <ul className="flex flex-col gap-1">
        {EXAMPLES.map((ex) => (
          <li
            key={ex.id}
            draggable
            data-testid={`example-${ex.id}`}
            onDragStart={(e) => {
              e.dataTransfer.setData('text/plain', ex.yaml);
              e.dataTransfer.setData(EXAMPLE_MIME, ex.id);
              e.dataTransfer.effectAllowed = 'copy';
            }}
            className="group flex cursor-grab items-center gap-1 rounded-md border border-edge bg-panel px-2 py-1 text-xs hover:border-accent active:cursor-grabbing"
            title={ex.help}
          >
            <span aria-hidden className="text-muted">
              ⠿
            </span>
            <span className="truncate">{ex.title}</span>
            <button
              type="button"
              className="ml-auto rounded px-1 text-muted hover:bg-accent hover:text-white focus:bg-accent focus:text-white"
              aria-label={`Apply example ${ex.title}`}
              onClick={() => {
                useUi.getState().setDockTab('applied');
                void applyText(ex.yaml, `examples/${ex.id}.yaml`);
              }}
            >
              ▶
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
