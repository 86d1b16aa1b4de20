/**
 * Cheap checks run before any parsing: is the input small enough, and is it text at all.
 */
import { MAX_MANIFEST_BYTES } from './limits.ts';

/** UTF-8 length of `text` (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The too-large message, or undefined when `text` fits. */
export function sizeProblem(text: string): string | undefined {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short texts need no counting at all.
  if (text.length * 3 <= MAX_MANIFEST_BYTES) return undefined;
  const bytes = utf8Length(text);
  if (bytes <= MAX_MANIFEST_BYTES) return undefined;
  return `the manifest is too large (${mebibytes(bytes)}): the limit is 3 MiB (${MAX_MANIFEST_BYTES} bytes); split it into several files`;
}

/** A character that text, YAML or JSON never holds, with where it is. */
export interface BinaryCharacter {
  offset: number;
  message: string;
}

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * First character in `text[from, to)` that marks it as binary or mis-decoded: NUL, other C0/C1 control
 * characters (YAML allows only tab, LF and CR; goyaml says "control characters are not allowed"), DEL,
 * U+FFFD (what a decoder puts where the bytes were not valid UTF-8), U+FFFE/U+FFFF and lone surrogates.
 */
export function findBinaryCharacter(text: string, from = 0, to = text.length): BinaryCharacter | undefined {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === 9 || c === 10 || c === 13) continue;
    if (c === 0) {
      return {
        offset: i,
        message:
          'error converting YAML to JSON: yaml: control characters are not allowed: the text holds a NUL byte (U+0000); this looks like binary data, not a YAML or JSON manifest',
      };
    }
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f && c !== 0x85)) {
      return {
        offset: i,
        message: `error converting YAML to JSON: yaml: control characters are not allowed: the text holds ${hex(c)}; this looks like binary data, not a YAML or JSON manifest`,
      };
    }
    if (c === 0xfffd) {
      return {
        offset: i,
        message:
          'error converting YAML to JSON: yaml: invalid UTF-8: the text holds U+FFFD, the replacement for bytes that were not valid UTF-8; save the file as UTF-8 text',
      };
    }
    if (c === 0xfffe || c === 0xffff) {
      return {
        offset: i,
        message: `error converting YAML to JSON: yaml: ${hex(c)} is not a character; this looks like binary data`,
      };
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return {
        offset: i,
        message:
          'error converting YAML to JSON: yaml: invalid UTF-8: a lone surrogate; save the file as UTF-8 text',
      };
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return {
        offset: i,
        message:
          'error converting YAML to JSON: yaml: invalid UTF-8: a lone surrogate; save the file as UTF-8 text',
      };
    }
  }
  return undefined;
}
