/**
 * Parses one piece of a stream (see split-stream.ts) into yaml documents, refusing nesting deeper than
 * MAX_DEPTH before the (recursive) composer ever sees it.
 *
 * Depth is guarded twice: while lexing, flow brackets and same-line `- - -` indicators are counted so
 * that a pathological line (a million `[`) is refused after a few hundred tokens; then each complete
 * document's CST is walked without recursion for its exact depth, which catches deep block nesting.
 */
import { CST, Composer, Lexer, Parser } from 'yaml';
import type { Document, ParsedNode, YAMLError } from 'yaml';
import { MAX_DEPTH } from './limits.ts';
import { YAML_OPTIONS } from './yaml-options.ts';

export interface PieceDocument {
  /** The composed document, or undefined when it was refused for depth. */
  document?: Document.Parsed<ParsedNode, true>;
  /** Offset (within the piece) of the document's first token. */
  offset: number;
  /** First error of the document, with its offset within the piece. */
  error?: { problem: string; offset: number } | { yaml: YAMLError; offset: number };
}

function depthProblem(): string {
  return `exceeded max depth of ${MAX_DEPTH}`;
}

/** Exact nesting depth of a CST token, and the offset where it is deepest; iterative. */
function cstDepth(root: CST.Token): { depth: number; offset: number } {
  let best = { depth: 0, offset: root.offset };
  const stack: Array<[CST.Token, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [CST.Token, number];
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')
      continue;
    const here = depth + 1;
    if (here > best.depth) best = { depth: here, offset: token.offset };
    if (here > MAX_DEPTH) return best;
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push([item.key, here]);
      if (item.value) stack.push([item.value, here]);
    }
  }
  return best;
}

/** Skipped lexemes that stand for no source text (document start, scalar start, flow end). */
function sourceLength(lexeme: string): number {
  return lexeme === CST.DOCUMENT || lexeme === CST.SCALAR || lexeme === CST.FLOW_END ? 0 : lexeme.length;
}

export function parsePiece(text: string): PieceDocument[] {
  const results: PieceDocument[] = [];
  const composer = new Composer<ParsedNode, true>(YAML_OPTIONS);
  const parser = new Parser();
  const take = (doc: Document.Parsed<ParsedNode, true>): void => {
    const first = doc.errors[0];
    results.push({
      document: doc,
      offset: doc.range[0],
      ...(first ? { error: { yaml: first, offset: first.pos[0] } } : {}),
    });
  };
  const feed = (token: CST.Token): void => {
    if (token.type === 'document') {
      const { depth, offset } = cstDepth(token);
      if (depth > MAX_DEPTH) {
        results.push({ offset: token.offset, error: { problem: depthProblem(), offset } });
        return;
      }
    }
    for (const doc of composer.next(token)) take(doc);
  };

  let offset = 0;
  let flow = 0;
  let sameLine = 0;
  for (const lexeme of new Lexer().lex(text)) {
    const type = CST.tokenType(lexeme);
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (type === 'newline') sameLine = 0;
    else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind')) sameLine++;
    if (flow + sameLine > MAX_DEPTH) {
      // Nothing after this point can be trusted to be shallow; the piece is one refused document.
      return [{ offset: 0, error: { problem: depthProblem(), offset } }];
    }
    offset += sourceLength(lexeme);
    for (const token of parser.next(lexeme)) feed(token);
  }
  for (const token of parser.end()) feed(token);
  for (const doc of composer.end()) take(doc);
  results.sort((a, b) => a.offset - b.offset);
  return results;
}
