import { memo, useEffect, useRef } from 'react';
import { useUi } from '../state/ui-store.ts';
import { useCluster, nodeKey } from '../state/cluster-store.ts';
import { nodeAction, NODE_ACTION_HELP, NODE_ACTION_LABEL } from '../commands.ts';
import { nodeActions } from '../inspector/ObjectActions.tsx';

/** The right-click menu of a node: its actions, keyboard reachable, closed by Escape or a click away. */
export const NodeMenu = memo(function NodeMenu() {
  const menu = useUi((s) => s.menu);
  const node = useCluster((s) => (menu ? s.objects.get(nodeKey(menu.node)) : undefined));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector('button')?.focus();
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) useUi.getState().closeMenu();
    };
    window.addEventListener('keydown', close);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('pointerdown', close);
    };
  }, [menu]);
  if (!menu || !node) return null;
  const x = Math.min(menu.x, window.innerWidth - 200);
  const y = Math.min(menu.y, window.innerHeight - 220);
  return (
    <div ref={ref} role="menu" aria-label={`Node ${menu.node}`} className="fixed z-50 flex w-48 flex-col rounded-lg border border-edge bg-panel p-1 shadow-xl" style={{ left: x, top: y }}>
      <div className="px-2 py-1 font-mono text-[11px] text-muted">node/{menu.node}</div>
      {nodeActions(node).map((a) => (
        <button
          key={a}
          type="button"
          role="menuitem"
          title={NODE_ACTION_HELP[a]}
          className={`rounded px-2 py-1 text-left text-xs hover:bg-raised focus:bg-raised focus:outline-none ${a === 'kill' || a === 'delete' ? 'text-bad' : ''}`}
          onClick={() => {
            useUi.getState().closeMenu();
            void nodeAction(a, menu.node);
          }}
        >
          {NODE_ACTION_LABEL[a]}
        </button>
      ))}
      <button
        type="button"
        role="menuitem"
        className="rounded px-2 py-1 text-left text-xs hover:bg-raised focus:bg-raised focus:outline-none"
        onClick={() => {
          useUi.getState().closeMenu();
          useUi.getState().select(nodeKey(menu.node));
        }}
      >
        Inspect
      </button>
    </div>
  );
});
