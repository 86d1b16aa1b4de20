/**
 * Go's text/tabwriter, as kubectl uses it: cells are tab-terminated, the text after a line's last tab is
 * not aligned, and a column block is a run of consecutive lines that all have a cell in that column.
 * Each aligned cell is padded with spaces to max(minwidth, widest cell + padding) of its block.
 *
 * kubectl get: minwidth 6, padding 3 (printers.GetNewTabWriter). kubectl describe: minwidth 0, padding 2.
 */

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

/** `kubectl get`'s table settings. */
export const GET_TABS: TabwriterOptions = { minwidth: 6, padding: 3 };
/** `kubectl describe`'s settings. */
export const DESCRIBE_TABS: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Aligns `text` (lines of tab-separated cells) as Go's tabwriter would after Flush. Pure. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const out: string[] = new Array<string>(lines.length);
  const widths: number[] = [];
  const width = (s: string) => [...s].length;

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      let s = '';
      cells.forEach((c, j) => {
        s += c;
        if (j < cells.length - 1 && j < widths.length) s += ' '.repeat(Math.max(0, widths[j]! - width(c)));
      });
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(line0, i);
      line0 = i;
      let w = opts.minwidth;
      for (; i < line1; i++) {
        const cells = lines[i]!;
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]!) + opts.padding);
      }
      widths.push(w);
      format(line0, i);
      widths.pop();
      line0 = i;
      i--; // the outer loop's i++ must look at line `i` again
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
