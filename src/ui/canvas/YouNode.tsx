import { memo } from 'react';

/** Where a person's own requests (kubectl apply, delete, cordon) start from. */
export const YouNode = memo(function YouNode() {
  return (
    <div
      className="flex h-full w-full flex-col items-center justify-center rounded-xl border border-edge bg-panel text-center"
      title="You: what you drop, apply or click goes to the API server as kubectl would send it."
    >
      <span className="text-lg" aria-hidden>
        ☺
      </span>
      <span className="text-[11px] font-semibold">you · kubectl</span>
    </div>
  );
});
