/**
 * What the person is looking at, apart from the cluster itself: the selection, the view, the open dock
 * tab, panels, theme, and the last command's answer. Kept apart from the cluster mirror so a delta never
 * re-renders the chrome, and a click never re-renders the canvas.
 */
import { create } from 'zustand';
import type { CommandResult } from '../../worker/protocol.ts';

export type View = 'infrastructure' | 'ownership';
export type DockTab = 'events' | 'narration' | 'editor' | 'applied';
export type Theme = 'dark' | 'light';

export interface Notice extends CommandResult {
  id: number;
}

export interface UiState {
  /** Store key of the selected object, if any. */
  selected: string | undefined;
  /** Store keys lit up with the selection (a workload's ReplicaSets and pods, a Service's pods). */
  highlight: ReadonlySet<string>;
  view: View;
  dockTab: DockTab;
  dockOpen: boolean;
  inspectorOpen: boolean;
  theme: Theme;
  /** Command answers, newest last; each fades after a few seconds. */
  notices: Notice[];
  /** Open context menu for a node, at page coordinates. */
  menu: { node: string; x: number; y: number } | undefined;
  select(key: string | undefined): void;
  setView(v: View): void;
  setDockTab(t: DockTab): void;
  toggleDock(): void;
  toggleInspector(): void;
  setTheme(t: Theme): void;
  notify(r: CommandResult): void;
  dismiss(id: number): void;
  openMenu(node: string, x: number, y: number): void;
  closeMenu(): void;
}

let nextNotice = 1;

function initialTheme(): Theme {
  try {
    return localStorage.getItem('kube-sandbox.theme') === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

export const useUi = create<UiState>((set) => ({
  selected: undefined,
  highlight: new Set(),
  view: 'infrastructure',
  dockTab: 'events',
  dockOpen: true,
  inspectorOpen: false,
  theme: initialTheme(),
  notices: [],
  menu: undefined,
  select: (key) => set(key ? { selected: key, inspectorOpen: true } : { selected: undefined }),
  setView: (view) => set({ view }),
  setDockTab: (dockTab) => set({ dockTab, dockOpen: true }),
  toggleDock: () => set((s) => ({ dockOpen: !s.dockOpen })),
  toggleInspector: () => set((s) => ({ inspectorOpen: !s.inspectorOpen })),
  setTheme: (theme) => {
    try {
      localStorage.setItem('kube-sandbox.theme', theme);
    } catch {
      // Private windows may refuse storage; the theme still applies for this visit.
    }
    set({ theme });
  },
  notify: (r) => {
    const id = nextNotice++;
    set((s) => ({ notices: [...s.notices.slice(-3), { ...r, id }] }));
    setTimeout(() => useUi.getState().dismiss(id), r.ok ? 4000 : 8000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  openMenu: (node, x, y) => set({ menu: { node, x, y } }),
  closeMenu: () => set({ menu: undefined }),
}));
