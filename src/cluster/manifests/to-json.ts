/**
 * Turns a composed yaml document into plain JSON values, as sigs.k8s.io/yaml's YAMLToJSON does, with
 * the checks that keep a dropped file from hurting the page or silently changing meaning:
 *
 * - map keys become strings (`true: x` -> `"true"`, `1: x` -> `"1"`); collection keys are refused;
 * - duplicate keys are an error listing every duplicate, in goyaml's strict wording
 *   (`yaml: unmarshal errors:\n  line 3: key "a" already set in map`);
 * - `<<` merge keys are expanded; keys written in the mapping itself win over merged ones;
 * - aliases are expanded with a budget (MAX_ALIAS_EXPANSION nodes) and a depth bound, so a
 *   "billion laughs" document fails in milliseconds;
 * - integers beyond 2^53 and non-finite floats are errors rather than silently altered numbers.
 *
 * Never mutates the document; each alias expansion produces fresh objects (no shared references).
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Alias, Node, ParsedNode, Scalar } from 'yaml';
import type { JsonValue } from '../api/types.ts';
import { MAX_ALIAS_EXPANSION, MAX_DEPTH } from './limits.ts';
import { YAML_TO_JSON } from './yaml-error-text.ts';

/** A conversion failure at `offset` (within the parsed text). `message` is final. */
export class ConvertError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface Context {
  anchors: Map<string, Node>;
  /** Nodes being converted right now, to catch an anchor that contains its own alias. */
  open: Set<Node>;
  aliasNodes: number;
  aliasDepth: number;
  duplicates: Array<{ offset: number; text: string }>;
  /** 1-based line, counted from the document start, for messages that carry goyaml's line numbers. */
  relativeLine: (offset: number) => number;
}

function start(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

/** Go's %#v of a key, as goyaml prints it in "key ... already set in map". */
function goKey(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function scalarValue(node: Scalar, ctx: Context): JsonValue {
  const value: unknown = node.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(-Number.MAX_SAFE_INTEGER)) {
      throw new ConvertError(
        `${YAML_TO_JSON} line ${ctx.relativeLine(start(node))}: integer ${value.toString()} is too large: ` +
          'integers beyond 2^53 (9007199254740991) cannot be represented exactly; quote it if it is meant as a string',
        start(node),
      );
    }
    return Number(value);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value))
      throw new ConvertError('error converting YAML to JSON: json: unsupported value: NaN', start(node));
    if (!Number.isFinite(value)) {
      throw new ConvertError(
        `error converting YAML to JSON: json: unsupported value: ${value > 0 ? '+Inf' : '-Inf'}`,
        start(node),
      );
    }
    return value;
  }
  throw new ConvertError(
    `${YAML_TO_JSON} line ${ctx.relativeLine(start(node))}: cannot convert a ${node.tag ?? 'tagged'} value to JSON`,
    start(node),
  );
}

function keyString(node: unknown, ctx: Context): { key: string; raw: unknown } {
  const resolved = isAlias(node) ? resolveAlias(node, ctx) : node;
  if (resolved === null || resolved === undefined) return { key: 'null', raw: null };
  if (!isScalar(resolved)) {
    throw new ConvertError(
      `error converting YAML to JSON: unsupported map key of type: ${isSeq(resolved) ? 'sequence' : 'mapping'}`,
      start(resolved as Node),
    );
  }
  const value = scalarValue(resolved, ctx);
  return { key: value === null ? 'null' : String(value), raw: resolved.value };
}

function resolveAlias(alias: Alias, ctx: Context): Node {
  const target = ctx.anchors.get(alias.source);
  if (!target) {
    throw new ConvertError(
      `${YAML_TO_JSON} line ${ctx.relativeLine(start(alias))}: unknown anchor '${alias.source}' referenced`,
      start(alias),
    );
  }
  return target;
}

function setKey(out: Record<string, JsonValue>, key: string, value: JsonValue): void {
  // A plain assignment of "__proto__" would replace the prototype instead of adding a key.
  if (key === '__proto__') {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    out[key] = value;
  }
}

function isMergeKey(node: unknown): boolean {
  return isScalar(node) && node.type === 'PLAIN' && node.value === '<<';
}

function mergeSources(value: unknown, ctx: Context): Node[] {
  const target = isAlias(value) ? resolveAlias(value, ctx) : value;
  if (isMap(target)) return [target];
  if (isSeq(target)) {
    return target.items.map((item) => {
      const source = isAlias(item) ? resolveAlias(item, ctx) : item;
      if (!isMap(source))
        throw new ConvertError(
          `${YAML_TO_JSON} map merge requires map or sequence of maps as the value`,
          start(value as Node),
        );
      return source;
    });
  }
  throw new ConvertError(
    `${YAML_TO_JSON} map merge requires map or sequence of maps as the value`,
    start(value as Node),
  );
}

function convert(node: unknown, ctx: Context, depth: number): JsonValue {
  if (node === null || node === undefined) return null;
  if (depth > MAX_DEPTH) {
    throw new ConvertError(`${YAML_TO_JSON} exceeded max depth of ${MAX_DEPTH}`, start(node as Node));
  }
  const yamlNode = node as Node;
  if (ctx.aliasDepth > 0 && ++ctx.aliasNodes > MAX_ALIAS_EXPANSION) {
    throw new ConvertError(
      `${YAML_TO_JSON} document contains excessive aliasing (more than ${MAX_ALIAS_EXPANSION} nodes from aliases)`,
      start(yamlNode),
    );
  }
  if (isAlias(node)) {
    const target = resolveAlias(node, ctx);
    if (ctx.open.has(target)) {
      throw new ConvertError(`${YAML_TO_JSON} anchor '${node.source}' value contains itself`, start(node));
    }
    ctx.aliasDepth++;
    try {
      return convert(target, ctx, depth);
    } finally {
      ctx.aliasDepth--;
    }
  }
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor) ctx.anchors.set(anchor, yamlNode);
  if (isScalar(node)) return scalarValue(node, ctx);
  ctx.open.add(yamlNode);
  try {
    if (isSeq(node)) return node.items.map((item) => convert(item, ctx, depth + 1));
    if (isMap(node)) {
      const own: Record<string, JsonValue> = {};
      const seen = new Set<string>();
      const merged: Record<string, JsonValue> = {};
      let hasMerge = false;
      for (const pair of node.items) {
        if (isMergeKey(pair.key)) {
          hasMerge = true;
          // Earlier merge sources win over later ones; explicit keys win over all (YAML merge spec).
          for (const source of mergeSources(pair.value, ctx)) {
            const part = convert(source, ctx, depth + 1) as Record<string, JsonValue>;
            for (const [k, v] of Object.entries(part)) if (!Object.hasOwn(merged, k)) setKey(merged, k, v);
          }
          continue;
        }
        const { key, raw } = keyString(pair.key, ctx);
        const value = convert(pair.value, ctx, depth + 1);
        if (seen.has(key)) {
          const at = start(pair.key as Node);
          ctx.duplicates.push({
            offset: at,
            text: `line ${ctx.relativeLine(at)}: key ${goKey(raw)} already set in map`,
          });
          continue;
        }
        seen.add(key);
        setKey(own, key, value);
      }
      if (!hasMerge) return own;
      for (const [k, v] of Object.entries(own)) setKey(merged, k, v);
      return merged;
    }
    throw new ConvertError(`${YAML_TO_JSON} unexpected node`, start(yamlNode));
  } finally {
    ctx.open.delete(yamlNode);
  }
}

/**
 * JSON value of `contents`. Throws ConvertError for anything kubectl would refuse or that would lose
 * meaning; `relativeLine` maps an offset to the document-relative line used inside messages.
 */
export function toJson(contents: ParsedNode | null, relativeLine: (offset: number) => number): JsonValue {
  const ctx: Context = {
    anchors: new Map(),
    open: new Set(),
    aliasNodes: 0,
    aliasDepth: 0,
    duplicates: [],
    relativeLine,
  };
  const value = convert(contents, ctx, 0);
  const first = ctx.duplicates[0];
  if (first) {
    const lines = ctx.duplicates.map((d) => `\n  ${d.text}`).join('');
    throw new ConvertError(`${YAML_TO_JSON} unmarshal errors:${lines}`, first.offset);
  }
  return value;
}
