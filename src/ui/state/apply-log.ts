/**
 * What the person applied and what came of it, newest first, as kubectl would have printed it.
 */
import { create } from 'zustand';
import type { ApplyResult } from '../../worker/protocol.ts';

export interface ApplyLogState {
  results: ApplyResult[];
  add(result: ApplyResult): void;
  clear(): void;
}

const MAX_RESULTS = 50;

export const useApplyLog = create<ApplyLogState>((set) => ({
  results: [],
  add: (result) => set((s) => ({ results: [result, ...s.results].slice(0, MAX_RESULTS) })),
  clear: () => set({ results: [] }),
}));
