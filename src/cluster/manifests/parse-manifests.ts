/**
 * Turns what a person drops or pastes into Kubernetes objects: YAML multi-document streams, JSON
 * objects and JSON streams, `List` kinds flattened into their items. Every document that fails gets its
 * own error, with line and column, and never stops its neighbours. How, step by step:
 * split-stream.ts (cutting documents as kubectl does), parse-piece.ts (YAML with a depth guard),
 * to-json.ts (YAML to JSON as sigs.k8s.io/yaml does), check-object.ts (kubectl's checks).
 */
import type { JsonValue, KubeObject } from '../api/types.ts';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { ParsedNode } from 'yaml';
import { VALIDATING, isJsonObject, isListObject, objectProblem } from './check-object.ts';
import type { JsonObject } from './check-object.ts';
import { findBinaryCharacter, sizeProblem } from './input-guards.ts';
import { LineIndex } from './line-index.ts';
import { MAX_DOCUMENTS } from './limits.ts';
import type { ManifestDocument, ManifestError } from './manifest-document.ts';
import { parsePiece } from './parse-piece.ts';
import { splitStream } from './split-stream.ts';
import type { StreamPiece } from './split-stream.ts';
import { ConvertError, toJson } from './to-json.ts';
import { goyamlProblem, yamlErrorMessage } from './yaml-error-text.ts';

/** Collects entries in order, numbers them, and stops at MAX_DOCUMENTS. */
class Entries {
  readonly documents: ManifestDocument[] = [];
  full = false;

  constructor(
    private readonly source: string | undefined,
    private readonly lines: LineIndex,
  ) {}

  private push(entry: Omit<ManifestDocument, 'index' | 'source'>): void {
    if (this.full) return;
    if (this.documents.length === MAX_DOCUMENTS) {
      this.full = true;
      this.documents.push({
        index: MAX_DOCUMENTS,
        line: entry.line,
        ...(this.source !== undefined ? { source: this.source } : {}),
        error: {
          message: `too many documents: a manifest may hold at most ${MAX_DOCUMENTS} objects (List items count one each); the rest were not read`,
          line: entry.line,
          column: 1,
        },
      });
      return;
    }
    this.documents.push({
      index: this.documents.length,
      ...(this.source !== undefined ? { source: this.source } : {}),
      ...entry,
    });
  }

  error(message: string, documentOffset: number, errorOffset: number): void {
    const at = this.lines.position(errorOffset);
    const error: ManifestError = { message, line: at.line, column: at.column };
    this.push({ line: this.lines.line(documentOffset), error });
  }

  object(object: KubeObject, offset: number): void {
    this.push({ line: this.lines.line(offset), object });
  }
}

/** Offset of the first character that is neither space nor part of a comment line, or -1. */
function firstContent(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else if (c === 35 /* # */) {
      const newline = text.indexOf('\n', i);
      if (newline === -1 || newline >= to) return -1;
      i = newline + 1;
    } else {
      return i;
    }
  }
  return -1;
}

/** Offset of the last character that is not space, or `from` when there is none. */
function lastContent(text: string, from: number, to: number): number {
  let i = to - 1;
  while (i > from && /\s/.test(text[i] ?? '')) i--;
  return i;
}

/** The AST nodes of a List's `items`, to give each item its own line; empty when not found. */
function itemNodes(node: unknown): unknown[] {
  if (!isMap(node)) return [];
  const pair = node.items.find((p) => isScalar(p.key) && p.key.value === 'items');
  return pair && isSeq(pair.value) ? pair.value.items : [];
}

function nodeStart(node: unknown, fallback: number): number {
  if (node && typeof node === 'object' && !isAlias(node) && 'range' in node) {
    const range = (node as { range?: [number, number, number] }).range;
    if (range) return range[0];
  }
  if (isAlias(node) && node.range) return node.range[0];
  return fallback;
}

function emit(value: JsonValue, node: unknown, offset: number, base: number, out: Entries): void {
  const problem = objectProblem(value);
  if (problem) {
    out.error(problem, offset, offset);
    return;
  }
  const object = value as JsonObject;
  if (isListObject(object)) {
    const items = object.items;
    if (items === null || items === undefined) return;
    if (!Array.isArray(items)) {
      out.error(`${VALIDATING} invalid object to validate`, offset, offset);
      return;
    }
    const nodes = itemNodes(node);
    const itemKind = String(object.kind).slice(0, -'List'.length);
    items.forEach((item, i) => {
      const itemNode = nodes[i];
      const itemOffset = itemNode === undefined ? offset : base + nodeStart(itemNode, offset - base);
      // Typed lists (PodList) may leave kind and apiVersion off their items; the decoder fills both in.
      if (itemKind !== '' && isJsonObject(item) && item.kind == null && item.apiVersion == null) {
        emit(
          { apiVersion: object.apiVersion ?? null, kind: itemKind, ...item },
          itemNode,
          itemOffset,
          base,
          out,
        );
      } else {
        emit(item, itemNode, itemOffset, base, out);
      }
    });
    return;
  }
  if (object.metadata === undefined || object.metadata === null) object.metadata = {};
  out.object(object as unknown as KubeObject, offset);
}

function readPiece(text: string, piece: StreamPiece, lines: LineIndex, out: Entries): void {
  const contentAt = firstContent(text, piece.start, piece.end);
  if (contentAt === -1) return;
  if (piece.error) {
    out.error(piece.error, contentAt, contentAt);
    return;
  }
  const binary = findBinaryCharacter(text, piece.start, piece.end);
  if (binary) {
    out.error(binary.message, contentAt, binary.offset);
    return;
  }
  const firstLine = lines.line(piece.start);
  const relativeLine = (offsetInPiece: number): number =>
    lines.line(piece.start + offsetInPiece) - firstLine + 1;
  for (const doc of parsePiece(text.slice(piece.start, piece.end))) {
    if (out.full) return;
    const docStart = firstContent(text, piece.start + doc.offset, piece.end);
    if (doc.error) {
      const problem = 'problem' in doc.error ? doc.error.problem : goyamlProblem(doc.error.yaml);
      // Errors found at the end of input (an unclosed quote or bracket) point at the last real character,
      // not at the next document's separator line.
      const at = Math.min(piece.start + doc.error.offset, lastContent(text, piece.start, piece.end));
      out.error(
        yamlErrorMessage(problem, relativeLine(at - piece.start)),
        docStart === -1 ? at : docStart,
        at,
      );
      continue;
    }
    const contents: ParsedNode | null = doc.document?.contents ?? null;
    if (contents === null) continue;
    const offset = piece.start + nodeStart(contents, doc.offset);
    let value;
    try {
      value = toJson(contents, relativeLine);
    } catch (e) {
      if (!(e instanceof ConvertError)) throw e;
      out.error(e.message, offset, piece.start + e.offset);
      continue;
    }
    // kubectl skips documents that are empty or `null`.
    if (value === null) continue;
    emit(value, contents, offset, piece.start, out);
  }
}

/**
 * Parses a manifest stream into objects and per-document errors, in stream order.
 *
 * Callers may rely on: it never throws for any input; it returns at most MAX_DOCUMENTS entries plus one
 * final "too many documents" entry; empty and comment-only documents produce nothing; every error has
 * a line and column in `text`; objects are fresh plain JSON data (no shared references, `metadata`
 * always an object) and are not validated beyond kubectl's client-side checks. `source` (a file name)
 * is copied onto every entry. Input over 3 MiB is refused without parsing.
 */
export function parseManifests(text: string, source?: string): ManifestDocument[] {
  // kubectl decodes through a BOM-aware reader; an editor hides the BOM, so columns ignore it too.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooBig = sizeProblem(body);
  if (tooBig) {
    return [
      {
        index: 0,
        line: 1,
        ...(source !== undefined ? { source } : {}),
        error: { message: tooBig, line: 1, column: 1 },
      },
    ];
  }
  const lines = new LineIndex(body);
  const out = new Entries(source, lines);
  for (const piece of splitStream(body)) {
    if (out.full) break;
    readPiece(body, piece, lines, out);
  }
  return out.documents;
}
