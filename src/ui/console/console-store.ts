/**
 * The console's state: what was typed and printed (plain text only), the history, and whether the
 * Console tab is the dock's open panel (kept here so the dock's own tab union stays untouched).
 */
import { create } from 'zustand';
import { pushHistory } from './console-history.ts';

export interface ConsoleEntry {
  id: number;
  command: string;
  output: string;
  exitCode: number;
}

export interface ConsoleState {
  entries: ConsoleEntry[];
  history: string[];
  /** The Console tab is showing in the dock. */
  active: boolean;
  setActive(active: boolean): void;
  record(command: string, output: string, exitCode: number): void;
  clear(): void;
}

const MAX_ENTRIES = 200;
let nextId = 1;

export const useConsole = create<ConsoleState>((set) => ({
  entries: [],
  history: [],
  active: false,
  setActive: (active) => set({ active }),
  record: (command, output, exitCode) =>
    set((s) => ({
      entries: [...s.entries, { id: nextId++, command, output, exitCode }].slice(-MAX_ENTRIES),
      history: pushHistory(s.history, command),
    })),
  clear: () => set({ entries: [] }),
}));
