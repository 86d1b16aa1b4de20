/**
 * Turns kubectl's resource arguments into resource types and names, as its resource builder does:
 * `pods`, `po,svc`, `pod web`, `pod/web deploy/api`, `deployments.apps`. Unknown types fail with
 * `error: the server doesn't have a resource type "<t>"`.
 */
import { resolveResourceName, type ResourceType } from '../../api/registry.ts';
import type { ParsedCommand } from './parse-command.ts';
import { boolFlag, flag } from './parse-command.ts';
import { fail } from './kubectl-context.ts';

export interface ResourceSelection {
  type: ResourceType;
  /** Empty: every object of the type (filtered by the selector). */
  names: string[];
}

export function resolveType(name: string): ResourceType {
  const t = resolveResourceName(name);
  if (!t) fail(`the server doesn't have a resource type "${name}"`);
  return t;
}

/** The selections the positional arguments name, in the order typed. */
export function resourceSelections(args: readonly string[]): ResourceSelection[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    const out: ResourceSelection[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) fail(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = resolveType(a.slice(0, slash));
      const name = a.slice(slash + 1);
      const last = out[out.length - 1];
      if (last && last.type === type) last.names.push(name);
      else out.push({ type, names: [name] });
    }
    return out;
  }
  const [kinds, ...names] = args;
  const types = kinds!.split(',').filter((k) => k !== '').map(resolveType);
  if (names.length > 0 && types.length > 1) fail('arguments in resource/name form must have a single resource and name');
  return types.map((type) => ({ type, names: [...names] }));
}

/** The namespace a command works in: `-n`, else `default`. */
export function namespaceOf(cmd: ParsedCommand): string {
  return flag(cmd, 'namespace') ?? 'default';
}

/** Whether `-A` / `--all-namespaces` is on. */
export function allNamespaces(cmd: ParsedCommand): boolean {
  return boolFlag(cmd, 'all-namespaces');
}

/** kubectl's `kind.group` for the name printer and messages (`deployment.apps`, `pod`). */
export function kindRef(t: ResourceType): string {
  return t.group === '' ? t.kind.toLowerCase() : `${t.kind.toLowerCase()}.${t.group}`;
}
