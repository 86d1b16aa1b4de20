/**
 * Cuts a manifest stream into documents the way kubectl's YAMLOrJSONDecoder does
 * (k8s.io/apimachinery/pkg/util/yaml/decoder.go), before any YAML parsing:
 *
 * - A stream whose first non-space character is `{` is read as a JSON stream: objects one after another
 *   (`{...} {...}`). If at most one object was read and something else follows, kubectl falls back to
 *   YAML for the rest, and so do we; after two or more objects, anything else is an error.
 * - Otherwise the text is YAML, cut at every line that starts with `---`. Only spaces or a comment may
 *   follow the `---` (kubectl: `invalid Yaml document separator: ...`).
 *
 * Cutting by lines first is what lets a broken document (an unclosed quote, say) leave its neighbours
 * intact, exactly as with kubectl.
 */

export interface StreamPiece {
  /** Offset of the piece's first character in the whole text. */
  start: number;
  /** Offset just past the piece. */
  end: number;
  format: 'yaml' | 'json';
  /** Set when the piece cannot be parsed at all; the message is final. */
  error?: string;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * End (exclusive) of the brace-balanced object starting at `start`, or `text.length` if it never
 * closes. Strings (double- and single-quoted, for flow YAML written without `---`) and `#` comments
 * are skipped so braces inside them do not count.
 */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === "'") {
      for (i++; i < text.length; i++) {
        if (text[i] === "'") {
          if (text[i + 1] === "'") i++;
          else break;
        }
      }
    } else if (ch === '#' && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** Go's encoding/json wording for an unexpected first character. */
function jsonSyntax(ch: string): string {
  return `invalid character '${ch}' looking for beginning of value`;
}

function splitYaml(text: string, from: number, pieces: StreamPiece[]): void {
  let pieceStart = from;
  let pendingError: string | undefined;
  let lineStart = from;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (text.startsWith('---', lineStart)) {
      const rest = text.slice(lineStart + 3, lineEnd).trim();
      pieces.push({
        start: pieceStart,
        end: lineStart,
        format: 'yaml',
        ...(pendingError ? { error: pendingError } : {}),
      });
      pendingError =
        rest.length > 0 && !rest.startsWith('#') ? `invalid Yaml document separator: ${rest}` : undefined;
      // An erroneous separator's own line belongs to the broken document, so the error can point at it.
      pieceStart = pendingError ? lineStart : Math.min(lineEnd + 1, text.length);
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  pieces.push({
    start: pieceStart,
    end: text.length,
    format: 'yaml',
    ...(pendingError ? { error: pendingError } : {}),
  });
}

/** Pieces in stream order. Empty pieces are kept (callers skip them); the split never fails. */
export function splitStream(text: string): StreamPiece[] {
  const pieces: StreamPiece[] = [];
  let pos = skipSpace(text, 0);
  if (text[pos] !== '{') {
    splitYaml(text, 0, pieces);
    return pieces;
  }
  let count = 0;
  while (pos < text.length && text[pos] === '{') {
    const end = objectEnd(text, pos);
    pieces.push({ start: pos, end, format: 'json' });
    count++;
    pos = skipSpace(text, end);
  }
  if (pos >= text.length) return pieces;
  if (count >= 2) {
    pieces.push({ start: pos, end: text.length, format: 'json', error: jsonSyntax(text[pos] ?? '') });
    return pieces;
  }
  // kubectl eats whitespace up to and including the first newline after the object, then reads YAML.
  splitYaml(text, pos, pieces);
  return pieces;
}
