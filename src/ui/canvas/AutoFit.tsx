import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useUi } from '../state/ui-store.ts';

export const FIT = { padding: 0.08, maxZoom: 1 };

/**
 * Refits the view when what is drawn changes shape (nodes come or go) or the canvas changes size (the
 * inspector opens), so nothing new is ever off-screen.
 */
export function AutoFit({ signature }: { signature: string }) {
  const flow = useReactFlow();
  const inspectorOpen = useUi((s) => s.inspectorOpen);
  const dockOpen = useUi((s) => s.dockOpen);
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView(FIT));
    return () => cancelAnimationFrame(id);
  }, [signature, inspectorOpen, dockOpen, flow]);
  return null;
}
