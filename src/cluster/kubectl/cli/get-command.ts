/**
 * `kubectl get`: tables from the same printers the headless server serves as Table responses, laid
 * out by kubectl's tabwriter (3 spaces between columns), with -n, -A (NAMESPACE column), -l,
 * --show-labels (LABELS column), --no-headers, -o wide|name|json|yaml|jsonpath=, several kinds at once
 * (`po,svc`: each its own block, names shown as `pod/x`) and names (`pod a b`, `pod/a`).
 */
import type { KubeObject } from '../../api/types.ts';
import type { ResourceType } from '../../api/registry.ts';
import { printerFor } from '../printers/printers.ts';
import type { TableCell } from '../printers/table.ts';
import { formatLabels } from '../printers/format.ts';
import type { ParsedCommand } from './parse-command.ts';
import { boolFlag, flag } from './parse-command.ts';
import { KUBECTL_USER, errorLine, fail, type KubectlContext, type Output } from './kubectl-context.ts';
import { allNamespaces, kindRef, namespaceOf, resourceSelections } from './resource-args.ts';
import { GET_TABS, tabwrite } from './tabwriter.ts';
import { asList, toJsonText, toYamlText } from './output-formats.ts';
import { jsonpath } from './jsonpath.ts';

const REQUIRED = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

interface Fetched {
  type: ResourceType;
  objects: KubeObject[];
}

/** Objects of each selection: the named ones (a NotFound each on stderr) or the selector's list. */
export function fetchSelections(ctx: KubectlContext, cmd: ParsedCommand, out: Output): Fetched[] {
  const ns = namespaceOf(cmd);
  const all = allNamespaces(cmd);
  const selector = flag(cmd, 'selector');
  const fieldSelector = flag(cmd, 'field-selector');
  const fetched: Fetched[] = [];
  for (const sel of resourceSelections(cmd.args)) {
    const t = sel.type;
    const req = { group: t.group, resource: t.resource, ...(t.namespaced && !(all && sel.names.length === 0) ? { namespace: ns } : {}) };
    const objects: KubeObject[] = [];
    if (sel.names.length > 0) {
      for (const name of sel.names) {
        try {
          objects.push(ctx.api.get(req, name, KUBECTL_USER));
        } catch (e) {
          out.err(errorLine(e));
        }
      }
    } else {
      const opts = { ...(selector ? { labelSelector: selector } : {}), ...(fieldSelector ? { fieldSelector } : {}) };
      objects.push(...ctx.api.list(req, opts, KUBECTL_USER).items);
    }
    fetched.push({ type: t, objects });
  }
  return fetched;
}

function cellText(cell: TableCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const cut = cell.search(/[\n\r\f]/);
  return cut < 0 ? cell : cell.slice(0, cut) + '...';
}

/** kubectl's table for objects of one type at `nowMs`, already aligned. */
export function printTable(t: ResourceType, objects: readonly KubeObject[], nowMs: number, opts: { wide?: boolean; namespaceColumn?: boolean; showLabels?: boolean; withKind?: boolean; noHeaders?: boolean } = {}): string {
  const printer = printerFor(t.group, t.resource);
  const shown = printer.columns.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || c.priority === 0);
  const lines: string[][] = [];
  if (!opts.noHeaders) {
    const header = shown.map(({ c }) => c.name.toUpperCase());
    if (opts.namespaceColumn) header.unshift('NAMESPACE');
    if (opts.showLabels) header.push('LABELS');
    lines.push(header);
  }
  for (const obj of objects) {
    const { cells } = printer.row(obj, nowMs);
    const row = shown.map(({ i }) => cellText(cells[i]));
    if (opts.withKind && row.length > 0) row[0] = `${kindRef(t)}/${row[0]}`;
    if (opts.namespaceColumn) row.unshift(obj.metadata.namespace ?? '');
    if (opts.showLabels) row.push(formatLabels(obj.metadata.labels));
    lines.push(row);
  }
  return tabwrite(lines.map((l) => l.join('\t') + '\n').join(''), GET_TABS);
}

export function runGet(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  if (cmd.args.length === 0) {
    out.err(REQUIRED);
    return;
  }
  const output = flag(cmd, 'output') ?? '';
  const fetched = fetchSelections(ctx, cmd, out);
  const objects = fetched.flatMap((f) => f.objects);
  const selections = resourceSelections(cmd.args);
  const named = selections.every((s) => s.names.length > 0);
  const single = named && objects.length === 1 && selections.flatMap((s) => s.names).length === 1;
  const all = allNamespaces(cmd);
  const nowMs = ctx.api.clock.now();

  if (output === 'json' || output === 'yaml' || output.startsWith('jsonpath=') || output.startsWith('jsonpath-as-json=')) {
    if (objects.length === 0 && named) return;
    const data = single ? objects[0] : asList(objects);
    if (output === 'json') out.out(toJsonText(data));
    else if (output === 'yaml') out.out(toYamlText(data));
    else {
      const template = output.slice(output.indexOf('=') + 1);
      try {
        out.stdout += jsonpath(template, data);
      } catch (e) {
        fail(e instanceof Error ? e.message : String(e));
      }
    }
    return;
  }
  if (output !== '' && output !== 'wide' && output !== 'name') {
    fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`);
  }
  if (objects.length === 0) {
    if (named) return;
    const ns = namespaceOf(cmd);
    const namespaced = fetched.some((f) => f.type.namespaced);
    out.note(namespaced && !all ? `No resources found in ${ns} namespace.` : 'No resources found');
    return;
  }
  if (output === 'name') {
    for (const f of fetched) for (const o of f.objects) out.out(`${kindRef(f.type)}/${o.metadata.name ?? ''}`);
    return;
  }
  const withKind = fetched.length > 1 || boolFlag(cmd, 'show-kind');
  let first = true;
  for (const f of fetched) {
    if (f.objects.length === 0) continue;
    if (!first) out.stdout += '\n';
    first = false;
    out.stdout += printTable(f.type, f.objects, nowMs, {
      wide: output === 'wide',
      namespaceColumn: all && f.type.namespaced && !named,
      showLabels: boolFlag(cmd, 'show-labels'),
      withKind,
      noHeaders: boolFlag(cmd, 'no-headers'),
    });
  }
  if (boolFlag(cmd, 'watch')) out.note('(the console shows the state now; -w live updates are not supported here yet)');
}
