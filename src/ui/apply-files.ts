/**
 * Reads dropped or pasted manifests and applies them in the worker, recording each outcome. Files that
 * are too large or not text are refused here, before anything crosses to the worker.
 */
import { clusterRemote } from './worker-client.ts';
import { useApplyLog } from './state/apply-log.ts';
import { useUi } from './state/ui-store.ts';

/** Larger drops are refused outright: the worker's parser bounds its input to the same size. */
export const MAX_DROP_BYTES = 3 * 1024 * 1024;
const ACCEPTED = /\.(ya?ml|json)$/i;

export async function applyText(text: string, source: string): Promise<void> {
  const result = await clusterRemote().apply(text, source);
  useApplyLog.getState().add(result);
  // Show what came of it where the person will look: the dock's Applied tab.
  useUi.getState().setDockTab('applied');
}

export async function applyFiles(files: readonly File[]): Promise<void> {
  for (const file of files) {
    if (!ACCEPTED.test(file.name)) {
      useUi.getState().setDockTab('applied');
      useApplyLog.getState().add({ source: file.name, outcomes: [{ index: 0, line: 1, error: `error: unable to read "${file.name}": only .yaml, .yml and .json manifests can be applied` }] });
      continue;
    }
    if (file.size > MAX_DROP_BYTES) {
      useUi.getState().setDockTab('applied');
      useApplyLog.getState().add({
        source: file.name,
        outcomes: [{ index: 0, line: 1, error: `error: "${file.name}" is ${(file.size / 1048576).toFixed(1)} MiB; the sandbox applies at most 3 MiB at once` }],
      });
      continue;
    }
    await applyText(await file.text(), file.name);
  }
}
