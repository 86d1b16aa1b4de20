// Go's base64.StdEncoding.Decode, reduced to whether it fails and where. `[]byte` fields
// (Secret.data, ConfigMap.binaryData) are base64 on the wire, and kube-apiserver answers a bad one
// with Go's own `illegal base64 data at input byte N`.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALID = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) VALID[ALPHABET.charCodeAt(i)] = 1;

const isNewline = (c: number): boolean => c === 10 || c === 13;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Go's error for decoding `s` as padded standard base64, or undefined if Go accepts it. Like Go it
 * skips `\r` and `\n` anywhere and does not check trailing bits. Offsets count UTF-8 bytes, as Go's do.
 */
export function goBase64Error(s: string): string | undefined {
  const src = isAscii(s) ? s : String.fromCharCode(...new TextEncoder().encode(s));
  const n = src.length;
  const corrupt = (at: number): string => `illegal base64 data at input byte ${at}`;
  let si = 0;
  while (si < n) {
    // One quantum of four symbols, as Go's decodeQuantum.
    for (let j = 0; j < 4; j++) {
      if (si === n) {
        if (j === 0) return undefined;
        return corrupt(si - j);
      }
      const c = src.charCodeAt(si);
      si++;
      if (c < 128 && VALID[c]) continue;
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 61 /* = */ || j < 2) return corrupt(si - 1);
      if (j === 2) {
        // "==" is expected; the first "=" is consumed.
        while (si < n && isNewline(src.charCodeAt(si))) si++;
        if (si === n) return corrupt(n);
        if (src.charCodeAt(si) !== 61) return corrupt(si - 1);
        si++;
      }
      while (si < n && isNewline(src.charCodeAt(si))) si++;
      return si < n ? corrupt(si) : undefined;
    }
  }
  return undefined;
}
