/**
 * Tab completion for the console: verbs first, then resource types, then object names of that type
 * (from the names the caller passes in), then flags. Pure: the caller supplies what exists.
 */
import { RESOURCES, resolveResourceName } from '../../api/registry.ts';

export const COMPLETION_VERBS = ['annotate', 'api-resources', 'apply', 'cluster-info', 'cordon', 'create', 'delete', 'describe', 'explain', 'get', 'help', 'label', 'logs', 'rollout', 'sandbox', 'scale', 'taint', 'top', 'uncordon', 'version'];

const TYPE_WORDS = [...new Set(RESOURCES.filter((t) => !t.virtual).flatMap((t) => [t.resource, ...t.shortNames]))].sort();
const VERBS_WITH_TYPES = new Set(['get', 'describe', 'delete', 'scale', 'label', 'annotate', 'explain', 'taint']);
const FLAGS = ['--all-namespaces', '--cascade=', '--grace-period=', '--namespace=', '--output=', '--overwrite', '--replicas=', '--selector=', '--show-labels', '-o', '-n', '-l', '-A'];

/** What the caller knows exists, to complete names. */
export type NameSource = (resource: string) => readonly string[];

/**
 * Candidates for the last word of `line` (the text before the cursor). Each candidate replaces the
 * last word. Never throws.
 */
export function complete(line: string, names: NameSource): string[] {
  const words = line.split(/\s+/);
  const last = words.pop() ?? '';
  const before = words.filter((w) => w !== '');
  if (before[0] === 'kubectl' || before[0] === 'k') before.shift();
  const pick = (list: readonly string[]) => list.filter((c) => c.startsWith(last));
  if (last.startsWith('-')) return pick(FLAGS);
  const positional = before.filter((w) => !w.startsWith('-'));
  if (positional.length === 0) return pick(COMPLETION_VERBS);
  const verb = positional[0]!;
  if (verb === 'rollout') {
    if (positional.length === 1) return pick(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    if (positional.length === 2) return pick(names('deployments').map((n) => `deployment/${n}`));
    return [];
  }
  if (verb === 'sandbox') {
    if (positional.length === 1) return pick(['advance', 'kill', 'start']);
    if (positional.length === 2 && positional[1] !== 'advance') return pick(['node']);
    if (positional.length === 3) return pick(names('nodes'));
    return [];
  }
  if (verb === 'cordon' || verb === 'uncordon') return positional.length === 1 ? pick(names('nodes')) : [];
  if (verb === 'logs') return positional.length === 1 ? pick(names('pods')) : [];
  if (VERBS_WITH_TYPES.has(verb)) {
    if (positional.length === 1) {
      const slash = last.indexOf('/');
      if (slash > 0) {
        const t = resolveResourceName(last.slice(0, slash));
        return t ? pick(names(t.resource).map((n) => `${last.slice(0, slash)}/${n}`)) : [];
      }
      const comma = last.lastIndexOf(',');
      const head = comma >= 0 ? last.slice(0, comma + 1) : '';
      return TYPE_WORDS.filter((t) => t.startsWith(last.slice(comma + 1))).map((t) => head + t);
    }
    const t = resolveResourceName(positional[1]!.split(',')[0]!);
    return t ? pick(names(t.resource)) : [];
  }
  return [];
}

/** The longest prefix every candidate shares (what Tab fills in when several match). */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let p = candidates[0]!;
  for (const c of candidates) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p;
}
