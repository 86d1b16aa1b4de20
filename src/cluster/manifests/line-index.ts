/** Offsets to 1-based line and column numbers, for pointing a person at the place in their text. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Line starts of one text, built once (O(n)) and looked up by binary search (O(log n)).
 * Columns count UTF-16 code units, as editors in the page do. `\r\n`, `\n` and a lone `\r` end a line.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** Position of `offset`; offsets past the end clamp to the last line. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  line(offset: number): number {
    return this.position(offset).line;
  }
}
