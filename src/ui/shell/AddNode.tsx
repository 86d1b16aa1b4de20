import { memo, useState } from 'react';
import { addNode } from '../commands.ts';

const SIZES = [
  { label: 'Small', cpu: 2, memory: 4, pods: 110 },
  { label: 'Medium', cpu: 4, memory: 8, pods: 110 },
  { label: 'Large', cpu: 8, memory: 32, pods: 110 },
] as const;

/** "Add node" with a choice of size; the new node joins as a kubelet would register it. */
export const AddNode = memo(function AddNode() {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button type="button" className="rounded border border-edge px-2 py-1 text-sm hover:bg-edge" aria-expanded={open} onClick={() => setOpen(!open)} title="Join a new worker node to the cluster.">
        + Add node
      </button>
      {open && (
        <div className="absolute right-0 top-full z-50 mt-1 flex w-56 flex-col rounded-lg border border-edge bg-panel p-1 shadow-xl" role="menu" aria-label="Node size">
          {SIZES.map((s) => (
            <button
              key={s.label}
              type="button"
              role="menuitem"
              className="flex justify-between rounded px-2 py-1 text-left text-xs hover:bg-raised"
              onClick={() => {
                setOpen(false);
                void addNode({ cpu: s.cpu, memory: s.memory, pods: s.pods });
              }}
            >
              <span>{s.label}</span>
              <span className="font-mono text-muted">
                {s.cpu} CPU · {s.memory} GiB
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
});
