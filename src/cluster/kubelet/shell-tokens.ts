/**
 * Shell tokens: words (quotes removed, `$(...)` and `((...))` kept whole) and the operators a script's
 * control flow needs (`;` for newlines too, `&&`, `||`, `|`, `&`, and `>` followed by its target file).
 */
export type Token = { w: string } | { op: string };

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) out.push({ w: word });
    word = '';
    inWord = false;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      word += src.slice(i + 1, end < 0 ? src.length : end);
      inWord = true;
      i = end < 0 ? src.length : end + 1;
    } else if (c === '\\' && i + 1 < src.length) {
      if (src[i + 1] !== '\n') word += src[i + 1];
      inWord = inWord || src[i + 1] !== '\n';
      i += 2;
    } else if (c === '#' && !inWord) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (src.startsWith('((', i) && !inWord) {
      const end = src.indexOf('))', i);
      word = src.slice(i, end < 0 ? src.length : end + 2);
      inWord = true;
      i = end < 0 ? src.length : end + 2;
    } else if (c === '$' && src[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < src.length; j++) {
        if (src[j] === '(') depth++;
        else if (src[j] === ')' && --depth === 0) break;
      }
      word += src.slice(i, j + 1);
      inWord = true;
      i = j + 1;
    } else if (/\s/.test(c) && c !== '\n') {
      flush();
      i++;
    } else if (c === '\n' || c === ';') {
      flush();
      out.push({ op: ';' });
      i++;
    } else if (c === '&' || c === '|') {
      flush();
      const two = src.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        out.push({ op: two });
        i += 2;
      } else {
        out.push({ op: c });
        i++;
      }
    } else if (c === '>' || c === '<') {
      // A redirection: `> file`, `>> file`, `2>&1`, `>/dev/null`. Only output files matter.
      const m = /^(\d*)(>>?|<)(&\d+)?/.exec(src.slice(i))!;
      if (/^\d+$/.test(word)) word = '';
      inWord = word !== '';
      flush();
      i += m[0].length;
      if (m[3]) continue;
      while (src[i] === ' ') i++;
      let target = '';
      while (i < src.length && !/[\s;&|<>]/.test(src[i]!)) target += src[i++];
      if (m[2] !== '<') out.push({ op: '>' }, { w: target.replace(/^["']|["']$/g, '') });
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  flush();
  return out;
}

/** Splits a command line as a shell would (quotes, no expansion): for `command: ["sh", "-c", ...]` alike. */
export function splitWords(line: string): string[] {
  return tokenize(line).flatMap((t) => ('w' in t ? [t.w] : []));
}
