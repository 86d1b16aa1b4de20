import { memo, useMemo } from 'react';
import { useCluster, podRef } from '../state/cluster-store.ts';
import { useUi } from '../state/ui-store.ts';
import { podColumns } from '../status/pod-status.ts';
import { podTone, TONE_GLYPH, TONE_TILE } from '../status/tone.ts';
import { humanDuration } from '../format/human-duration.ts';

/** `web-7d4b9c-x2k4q` -> `…b9c-x2k4q` when it would not fit a tile. */
function shortName(name: string, max: number): string {
  return name.length <= max ? name : `…${name.slice(name.length - max + 1)}`;
}

/**
 * Compact squares never pulse: hundreds of animated elements cost a repaint of the canvas every frame
 * (software raster makes that the whole frame budget), and on a crowded node the colour says enough.
 */
function stillTile(tone: keyof typeof TONE_TILE): string {
  return TONE_TILE[tone].replace(/ motion-safe:animate-\S+/, '');
}

/**
 * One pod, as a tile inside its node card: coloured by kubectl's STATUS, with ready count and restarts
 * (or a compact square on crowded nodes). Selects only its own object, so a delta re-renders just the
 * pods it changed.
 */
export const PodTile = memo(function PodTile({ podKey, compact }: { podKey: string; compact: boolean }) {
  const pod = useCluster((s) => s.objects.get(podKey));
  const selected = useUi((s) => s.selected === podKey);
  const lit = useUi((s) => s.highlight.has(podKey));
  const dim = useUi((s) => s.highlight.size > 0 && !s.highlight.has(podKey));
  const cols = useMemo(() => (pod ? podColumns(pod) : undefined), [pod]);
  if (!pod || !cols) return null;
  const { namespace, name } = podRef(podKey);
  const tone = podTone(cols.status, cols.readyCount === cols.totalCount && cols.totalCount > 0);
  const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
  const restarts = cols.restarts > 0 ? `${cols.restarts} restart${cols.restarts === 1 ? '' : 's'}` : '';
  const now = useCluster.getState().time;
  const restartsLong = cols.restarts > 0 && cols.lastRestartMs !== undefined ? `${cols.restarts} (${humanDuration(now - cols.lastRestartMs)} ago)` : String(cols.restarts);
  const label = `Pod ${namespace}/${name}: ${cols.status}, ${cols.ready} ready, ${restartsLong} restarts`;
  const ring = selected ? 'ring-2 ring-accent ring-offset-1 ring-offset-panel' : lit ? 'ring-2 ring-accent/70' : '';
  const common = {
    'data-testid': `pod-${namespace}-${name}`,
    'data-status': cols.status,
    'data-node': node,
    'aria-label': label,
    title: `${namespace}/${name}\n${cols.status} · ready ${cols.ready} · restarts ${restartsLong}`,
    onClick: (e: React.MouseEvent) => {
      e.stopPropagation();
      useUi.getState().select(podKey);
    },
  };
  if (compact) {
    return (
      <button
        type="button"
        {...common}
        className={`relative block h-3.5 w-3.5 rounded-[3px] border ${stillTile(tone)} ${ring} ${dim ? 'opacity-30' : ''}`}
      >
        {tone === 'unknown' && <span className="absolute inset-0 text-[9px] leading-3 font-bold">?</span>}
      </button>
    );
  }
  return (
    <button
      type="button"
      {...common}
      className={`flex h-[34px] w-[134px] flex-col justify-center overflow-hidden rounded-md border px-1.5 text-left leading-tight ${TONE_TILE[tone]} ${ring} ${dim ? 'opacity-30' : ''}`}
    >
      <span className="truncate font-mono text-[11px] font-medium">{shortName(name, 18)}</span>
      <span className="flex items-center gap-1 truncate text-[10px] opacity-90">
        <span aria-hidden>{TONE_GLYPH[tone]}</span>
        <span className="truncate">{cols.status}</span>
        <span className="ml-auto tabular-nums">{cols.ready}</span>
        {restarts && <span className="tabular-nums" aria-hidden>↻{cols.restarts}</span>}
      </span>
    </button>
  );
});
