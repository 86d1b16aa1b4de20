/**
 * kubectl's `-o jsonpath=` templates, the simple part: literal text, `{.a.b}`, `{.items[0].x}`,
 * `{.items[*].metadata.name}` (several results joined by a space), `{['a.b']}`-free dotted paths,
 * `{"\n"}` string literals, and `{range .items[*]}...{end}`. Missing keys print nothing, as kubectl
 * does with --allow-missing-template-keys=true (its default). Strings print raw, other values as JSON.
 */

type Segment = { key: string } | { index: number } | { all: true };

/** Parses `.a.b[0].c[*]` into segments; throws on what it cannot read. */
function parsePath(path: string): Segment[] {
  const segs: Segment[] = [];
  const re = /\.([A-Za-z0-9_\-/]+)|\[(\d+|\*)\]|\[['"]([^'"]+)['"]\]|\.?\[?\]?/y;
  let i = 0;
  const p = path.trim();
  if (p === '' || p === '.' || p === '@') return segs;
  while (i < p.length) {
    re.lastIndex = i;
    const m = re.exec(p);
    if (!m || m[0] === '') throw new Error(`unrecognized character in action: ${p.slice(i)}`);
    if (m[1] !== undefined) segs.push({ key: m[1] });
    else if (m[2] === '*') segs.push({ all: true });
    else if (m[2] !== undefined) segs.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) segs.push({ key: m[3] });
    i = re.lastIndex;
  }
  return segs;
}

function evaluate(root: unknown, segs: readonly Segment[]): unknown[] {
  let cur: unknown[] = [root];
  for (const s of segs) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ('key' in s) {
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && s.key in v) next.push((v as Record<string, unknown>)[s.key]);
      } else if ('index' in s) {
        if (Array.isArray(v) && s.index < v.length) next.push(v[s.index]);
      } else if (Array.isArray(v)) next.push(...(v as unknown[]));
      else if (v !== null && typeof v === 'object') next.push(...Object.values(v));
    }
    cur = next;
  }
  return cur;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v);
}

type Node = { text: string } | { path: Segment[] } | { range: Segment[]; body: Node[] };

function parseTemplate(template: string): Node[] {
  const stack: Node[][] = [[]];
  const ranges: Segment[][] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1]!.push({ text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1]!.push({ text: template.slice(i, open) });
    const close = template.indexOf('}', open);
    if (close < 0) throw new Error(`unclosed action`);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action.startsWith('"') && action.endsWith('"') && action.length >= 2) {
      stack[stack.length - 1]!.push({ text: action.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t') });
    } else if (action.startsWith('range ')) {
      ranges.push(parsePath(action.slice(6)));
      stack.push([]);
    } else if (action === 'end') {
      const body = stack.pop();
      const range = ranges.pop();
      if (!body || !range || stack.length === 0) throw new Error('not in range, nothing to end');
      stack[stack.length - 1]!.push({ range, body });
    } else {
      stack[stack.length - 1]!.push({ path: parsePath(action) });
    }
  }
  if (stack.length !== 1) throw new Error('unclosed range');
  return stack[0]!;
}

function run(nodes: readonly Node[], data: unknown): string {
  let out = '';
  for (const n of nodes) {
    if ('text' in n) out += n.text;
    else if ('path' in n) out += evaluate(data, n.path).map(show).join(' ');
    else for (const item of evaluate(data, n.range)) out += run(n.body, item);
  }
  return out;
}

/** Renders a template against `data`; throws an Error worded as kubectl's on a bad template. */
export function jsonpath(template: string, data: unknown): string {
  let nodes: Node[];
  try {
    nodes = parseTemplate(template);
  } catch (e) {
    throw new Error(`error parsing jsonpath ${template}, ${e instanceof Error ? e.message : String(e)}`);
  }
  return run(nodes, data);
}
