/**
 * One map from what kubectl prints to how the page shows it (UI.md "Status colours"), used by the
 * canvas, the events panel and the inspector alike. Colour is never the only signal: every tone has a
 * glyph and the status text travels in `data-status`.
 */

export type Tone = 'ok' | 'ok-hollow' | 'wait' | 'bad' | 'gone' | 'done' | 'unknown';

const WAITING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated']);
const FAILING = new Set(['CrashLoopBackOff', 'Error', 'ImagePullBackOff', 'ErrImagePull', 'OOMKilled', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'Failed', 'Evicted', 'ContainerStatusUnknown', 'NodeAffinity', 'OutOfcpu', 'OutOfmemory']);

/** The tone for a kubectl STATUS and whether every container is ready. */
export function podTone(status: string, allReady: boolean): Tone {
  if (status === 'Running') return allReady ? 'ok' : 'ok-hollow';
  if (status === 'NotReady') return 'ok-hollow';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'Terminating') return 'gone';
  if (status === 'Unknown') return 'unknown';
  // `Init:0/2` is progress; any other `Init:<reason>` is an init container failing.
  if (status.startsWith('Init:')) return /^Init:\d+\/\d+$/.test(status) ? 'wait' : 'bad';
  if (WAITING.has(status)) return 'wait';
  if (FAILING.has(status) || status.startsWith('ExitCode:') || status.startsWith('Signal:')) return 'bad';
  return 'wait';
}

/** A short glyph per tone, for people who cannot tell the colours apart. */
export const TONE_GLYPH: Record<Tone, string> = {
  ok: '●',
  'ok-hollow': '○',
  wait: '◌',
  bad: '✕',
  gone: '–',
  done: '✓',
  unknown: '?',
};

/** Tile classes per tone (Tailwind utilities from the shared tokens). */
export const TONE_TILE: Record<Tone, string> = {
  ok: 'bg-ok/85 text-white border-ok',
  'ok-hollow': 'bg-transparent text-ok border-ok',
  wait: 'bg-wait/80 text-black border-wait motion-safe:animate-[pulse_2.4s_ease-in-out_infinite]',
  bad: 'bg-bad/85 text-white border-bad motion-safe:animate-[pulse_2.4s_ease-in-out_infinite]',
  gone: 'bg-gone/50 text-ink border-gone tile-striped',
  done: 'bg-done/85 text-white border-done',
  unknown: 'bg-gone/40 text-ink border-gone',
};

/** Text colour per tone, for words in tables. */
export const TONE_TEXT: Record<Tone, string> = {
  ok: 'text-ok',
  'ok-hollow': 'text-ok',
  wait: 'text-wait',
  bad: 'text-bad',
  gone: 'text-muted',
  done: 'text-done',
  unknown: 'text-muted',
};
