/**
 * Standard padded base64 as Go's encoding/base64 StdEncoding reads and writes it — the decoder reports the
 * byte offset Go reports (`illegal base64 data at input byte 4`), newlines ignored, as Secret data is
 * decoded from JSON.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const PAD = 61; // '='
const CR = 13;
const LF = 10;

/** Base64 of the UTF-8 bytes of `text`. */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += ALPHABET[b0 >> 2];
    out += ALPHABET[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)];
    out += b1 === undefined ? '=' : ALPHABET[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)];
    out += b2 === undefined ? '=' : ALPHABET[b2 & 63];
  }
  return out;
}

/** The offset Go's StdEncoding.Decode fails at, or undefined when `text` is valid base64. */
export function base64ErrorOffset(text: string): number | undefined {
  const src = new TextEncoder().encode(text);
  let si = 0;
  for (;;) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return si - j;
      }
      const c = src[si] as number;
      si++;
      if (DECODE.has(c)) continue;
      if (c === LF || c === CR) {
        j--;
        continue;
      }
      if (c !== PAD) return si - 1;
      if (j < 2) return si - 1;
      if (j === 2) {
        while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
        if (si === src.length) return src.length;
        if (src[si] !== PAD) return si - 1;
        si++;
      }
      while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
      return si < src.length ? si : undefined;
    }
  }
}
