/**
 * The commands that change objects: apply -f, create -f, delete, scale, label, annotate, cordon,
 * uncordon, taint. Each prints what kubectl prints (`deployment.apps/web scaled`, `pod "x" deleted`)
 * and words failures as kubectl does.
 */
import type { KubeObject } from '../../api/types.ts';
import type { ResourceType } from '../../api/registry.ts';
import type { DeleteOptions } from '../../api/request.ts';
import { applyManifests, lookupResource } from '../apply.ts';
import { parseManifests } from '../../manifests/parse-manifests.ts';
import { errorWhenCreating, kubectlErrorLine, manifestErrorText, objectRef, outcomeLine } from '../../manifests/outcome.ts';
import { isApiError } from '../../api/errors.ts';
import type { ParsedCommand } from './parse-command.ts';
import { boolFlag, flag } from './parse-command.ts';
import { KUBECTL_USER, errorLine, fail, type KubectlContext, type Output } from './kubectl-context.ts';
import { kindRef, namespaceOf, resolveType, resourceSelections } from './resource-args.ts';
import { fetchSelections } from './get-command.ts';

const WRITE = { actor: KUBECTL_USER, fieldValidation: 'Strict' as const, fieldManager: 'kubectl' };

/** The manifest text `-f` names: `-` is what was pasted after the command, or the Editor's text. */
function manifestText(ctx: KubectlContext, cmd: ParsedCommand): string {
  const f = flag(cmd, 'filename');
  if (f === undefined) fail('must specify one of -f and -k');
  if (f !== '-') fail(`the path "${f}" does not exist`);
  const text = cmd.stdin ?? ctx.stdin;
  if (!text || text.trim() === '') fail('no objects passed to apply');
  return text;
}

function reqFor(t: ResourceType, namespace: string) {
  return { group: t.group, resource: t.resource, ...(t.namespaced ? { namespace } : {}) };
}

export function runApply(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  const text = manifestText(ctx, cmd);
  const ns = flag(cmd, 'namespace');
  for (const o of applyManifests(ctx.api, text, 'STDIN', { ...(ns ? { namespace: ns } : {}), actor: KUBECTL_USER })) {
    if (o.error) out.err(o.error);
    else if (o.message) out.out(o.message);
  }
}

export function runCreate(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  if (flag(cmd, 'filename') === undefined && cmd.args[0] === 'namespace' && cmd.args[1]) {
    try {
      ctx.api.create({ group: '', resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: cmd.args[1] } }, WRITE);
      out.out(`namespace/${cmd.args[1]} created`);
    } catch (e) {
      out.err(errorLine(e));
    }
    return;
  }
  const text = manifestText(ctx, cmd);
  const ns = namespaceOf(cmd);
  for (const doc of parseManifests(text, 'STDIN')) {
    if (doc.error || !doc.object) {
      out.err(kubectlErrorLine(manifestErrorText('STDIN', doc.error?.message ?? 'empty document')));
      continue;
    }
    const obj = doc.object;
    try {
      const t = ctx.api.resolveKind(obj.apiVersion, obj.kind);
      ctx.api.create(reqFor(t, obj.metadata?.namespace ?? ns), obj, WRITE);
      out.out(outcomeLine(objectRef(obj, lookupResource), 'created'));
    } catch (e) {
      if (isApiError(e)) out.err(kubectlErrorLine(errorWhenCreating('STDIN', e.status.message ?? ''), { reason: e.status.reason ?? '' }));
      else out.err(errorLine(e));
    }
  }
}

function deleteOptions(cmd: ParsedCommand): DeleteOptions {
  const opts: DeleteOptions = {};
  const cascade = flag(cmd, 'cascade') ?? 'background';
  const policy = { background: 'Background', true: 'Background', foreground: 'Foreground', orphan: 'Orphan', false: 'Orphan' }[cascade] as DeleteOptions['propagationPolicy'] | undefined;
  if (!policy) fail(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  opts.propagationPolicy = policy;
  const grace = flag(cmd, 'grace-period');
  if (boolFlag(cmd, 'now')) opts.gracePeriodSeconds = 1;
  if (grace !== undefined && Number(grace) >= 0) opts.gracePeriodSeconds = Number(grace) === 0 && !boolFlag(cmd, 'force') ? 1 : Number(grace);
  return opts;
}

export function runDelete(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  const options = deleteOptions(cmd);
  const ns = namespaceOf(cmd);
  if (flag(cmd, 'filename') !== undefined) {
    for (const doc of parseManifests(manifestText(ctx, cmd), 'STDIN')) {
      if (!doc.object) continue;
      try {
        const t = ctx.api.resolveKind(doc.object.apiVersion, doc.object.kind);
        ctx.api.delete(reqFor(t, doc.object.metadata?.namespace ?? ns), doc.object.metadata?.name ?? '', options, { actor: KUBECTL_USER });
        out.out(outcomeLine(`${kindRef(t)}/${doc.object.metadata?.name ?? ''}`, 'deleted'));
      } catch (e) {
        out.err(errorLine(e));
      }
    }
    return;
  }
  const sels = resourceSelections(cmd.args);
  if (sels.length === 0) fail('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
  if (sels.every((s) => s.names.length === 0) && !flag(cmd, 'selector') && !boolFlag(cmd, 'all')) {
    fail(`resource(s) were provided, but no name was specified`);
  }
  const fetched = fetchSelections(ctx, cmd, out);
  let deleted = 0;
  for (const f of fetched) {
    for (const o of f.objects) {
      try {
        ctx.api.delete(reqFor(f.type, o.metadata.namespace ?? ns), o.metadata.name ?? '', options, { actor: KUBECTL_USER });
        out.out(outcomeLine(`${kindRef(f.type)}/${o.metadata.name ?? ''}`, 'deleted'));
        deleted++;
      } catch (e) {
        out.err(errorLine(e));
      }
    }
  }
  if (deleted === 0 && !out.failed) out.note('No resources found');
}

/** One object named by `TYPE NAME` or `TYPE/NAME`. */
function oneTarget(ctx: KubectlContext, cmd: ParsedCommand, args: readonly string[]): { t: ResourceType; obj: KubeObject }[] {
  const sels = resourceSelections(args);
  if (sels.length === 0) fail('You must provide one or more resources by argument or filename.');
  const ns = namespaceOf(cmd);
  const selector = flag(cmd, 'selector');
  const out: { t: ResourceType; obj: KubeObject }[] = [];
  for (const s of sels) {
    if (s.names.length === 0) {
      if (!selector && !boolFlag(cmd, 'all')) fail(`resource(s) were provided, but no name was specified`);
      for (const obj of ctx.api.list(reqFor(s.type, ns), selector ? { labelSelector: selector } : {}, KUBECTL_USER).items) out.push({ t: s.type, obj });
    }
    for (const name of s.names) out.push({ t: s.type, obj: ctx.api.get(reqFor(s.type, ns), name, KUBECTL_USER) });
  }
  return out;
}

export function runScale(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  const replicas = flag(cmd, 'replicas');
  if (replicas === undefined) fail('required flag(s) "replicas" not set');
  const n = Number(replicas);
  if (!Number.isInteger(n) || n < 0) fail('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  for (const { t, obj } of oneTarget(ctx, cmd, cmd.args)) {
    if (!t.subresources.includes('scale')) fail(`cannot scale ${t.kind}`);
    ctx.api.patch(reqFor(t, obj.metadata.namespace ?? ''), obj.metadata.name ?? '', 'merge', { spec: { replicas: n } }, WRITE);
    out.out(`${kindRef(t)}/${obj.metadata.name ?? ''} scaled`);
  }
}

/** `kubectl label` and `kubectl annotate`: `k=v` sets, `k-` removes, an existing key needs --overwrite. */
export function runLabelLike(ctx: KubectlContext, cmd: ParsedCommand, out: Output, field: 'labels' | 'annotations'): void {
  const pairs = cmd.args.filter((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')));
  const targets = cmd.args.filter((a) => !pairs.includes(a));
  if (pairs.length === 0) fail(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  const verb = field === 'labels' ? 'labeled' : 'annotated';
  for (const { t, obj } of oneTarget(ctx, cmd, targets)) {
    const current = obj.metadata[field] ?? {};
    const change: Record<string, string | null> = {};
    for (const p of pairs) {
      if (p.endsWith('-') && !p.includes('=')) {
        const key = p.slice(0, -1);
        if (key in current) change[key] = null;
        continue;
      }
      const eq = p.indexOf('=');
      const key = p.slice(0, eq);
      const value = p.slice(eq + 1);
      if (key in current && current[key] !== value && !boolFlag(cmd, 'overwrite')) fail(`'${key}' already has a value (${current[key]}), and --overwrite is false`);
      if (current[key] !== value) change[key] = value;
    }
    const ref = `${kindRef(t)}/${obj.metadata.name ?? ''}`;
    if (Object.keys(change).length === 0) {
      out.out(`${ref} not ${verb}`);
      continue;
    }
    ctx.api.patch(reqFor(t, obj.metadata.namespace ?? ''), obj.metadata.name ?? '', 'merge', { metadata: { [field]: change } }, WRITE);
    out.out(`${ref} ${verb}`);
  }
}

const NODES = { group: '', resource: 'nodes' };

export function runCordon(ctx: KubectlContext, cmd: ParsedCommand, out: Output, cordon: boolean): void {
  const name = cmd.args[0]?.replace(/^(node|nodes|no)\//, '');
  if (!name) fail('error: resource(s) were provided, but no name was specified'.replace(/^error: /, ''));
  const node = ctx.api.get(NODES, name, KUBECTL_USER);
  const spec = (node.spec ?? {}) as { unschedulable?: boolean };
  const word = cordon ? 'cordoned' : 'uncordoned';
  if (!!spec.unschedulable === cordon) {
    out.out(`node/${name} already ${word}`);
    return;
  }
  ctx.api.patch(NODES, name, 'strategic', { spec: { unschedulable: cordon ? true : null } }, WRITE);
  out.out(`node/${name} ${word}`);
}

interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export function runTaint(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  const [kind, name, ...specs] = cmd.args;
  if (!kind || resolveType(kind).resource !== 'nodes') fail('only nodes can be tainted here: kubectl taint nodes <name> key=value:Effect');
  if (!name) fail('at least one taint update is required');
  if (specs.length === 0) fail('at least one taint update is required');
  const node = ctx.api.get(NODES, name, KUBECTL_USER);
  let taints = [...(((node.spec ?? {}) as { taints?: Taint[] }).taints ?? [])];
  let removed = false;
  let added = false;
  for (const s of specs) {
    if (s.endsWith('-')) {
      const body = s.slice(0, -1);
      const [keyPart, effect] = body.split(':');
      const key = (keyPart ?? '').split('=')[0]!;
      const before = taints.length;
      taints = taints.filter((t) => !(t.key === key && (!effect || t.effect === effect)));
      if (taints.length === before) fail(`taint ${JSON.stringify(body)} not found`);
      removed = true;
      continue;
    }
    const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(s);
    if (!m) fail(`invalid taint spec: ${s}, unknown taint effect or bad format`);
    const taint: Taint = { key: m[1]!, effect: m[3]!, ...(m[2] ? { value: m[2] } : {}) };
    const same = taints.findIndex((t) => t.key === taint.key && t.effect === taint.effect);
    if (same >= 0 && !boolFlag(cmd, 'overwrite')) fail(`node ${name} already has ${taint.key} taint(s) with same effect(s) and --overwrite is false`);
    if (same >= 0) taints.splice(same, 1);
    taints.push(taint);
    added = true;
  }
  ctx.api.patch(NODES, name, 'merge', { spec: { taints } }, WRITE);
  out.out(`node/${name} ${added && !removed ? 'tainted' : removed && !added ? 'untainted' : 'modified'}`);
}
