/**
 * Handles for end-to-end tests and the UI benchmark, on `window.__sandbox`: the mirror and UI stores and
 * the worker's services. Read-only in spirit: tests use them to wait and to measure, and to show the
 * page a fixture cluster when they check its drawing apart from the control plane.
 */
import { useCluster } from './state/cluster-store.ts';
import { useUi } from './state/ui-store.ts';
import { clusterRemote } from './worker-client.ts';

export interface SandboxHooks {
  cluster: typeof useCluster;
  ui: typeof useUi;
  remote: typeof clusterRemote;
}

export function exposeTestHooks(): void {
  (window as unknown as { __sandbox: SandboxHooks }).__sandbox = { cluster: useCluster, ui: useUi, remote: clusterRemote };
}
