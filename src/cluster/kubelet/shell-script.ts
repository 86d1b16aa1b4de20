/**
 * A tiny model of what a POSIX shell script does over time, enough to tell what the commands people put
 * in manifests do: `sleep 30; exit 3` ends after 30 s with code 3, `while true; do ...; done` never
 * ends, `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600` has the file for 30 s (so an exec
 * probe `cat /tmp/healthy` starts failing then).
 *
 * It does not run anything: commands it does not know succeed at once. Variables are not expanded, so a
 * loop whose condition cannot be decided from files is taken to run for ever.
 */
import { parseDuration } from './go-duration.ts';
import { tokenize, type Token } from './shell-tokens.ts';

export { splitWords } from './shell-tokens.ts';

/** A file the script has from `from` ms until `to` ms (or for ever). */
export interface FileSpan {
  path: string;
  from: number;
  to?: number;
}

export interface ScriptOutcome {
  /** The script ends at `afterMs` with `exitCode`; undefined when it runs until stopped. */
  exit?: { afterMs: number; exitCode: number };
  files: FileSpan[];
  /** A `trap ... TERM` handles SIGTERM (a PID-1 shell otherwise ignores it). */
  trapsTerm: boolean;
  /** The last command when it is one the model does not know (the image's own program, typically). */
  unknownTail?: string[];
}

type Cmd =
  | { kind: 'simple'; argv: string[]; writes: string[] }
  | { kind: 'loop'; until: boolean; cond: Item[]; body: Item[] }
  | { kind: 'for'; count: number; body: Item[] }
  | { kind: 'if'; branches: { cond: Item[]; body: Item[] }[]; otherwise: Item[] };
interface Item {
  cmd: Cmd;
  /** How it joins the previous item: ';', '&&', '||' or '|'. */
  join: string;
  background: boolean;
}

const KEYWORDS = new Set(['do', 'done', 'then', 'elif', 'else', 'fi']);

class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}

  private peekWord(): string | undefined {
    const t = this.toks[this.pos];
    return t && 'w' in t ? t.w : undefined;
  }

  private skipSeparators(): void {
    while (this.pos < this.toks.length) {
      const t = this.toks[this.pos]!;
      if ('op' in t && t.op === ';') this.pos++;
      else break;
    }
  }

  private expect(word: string): void {
    this.skipSeparators();
    if (this.peekWord() === word) this.pos++;
  }

  list(stop: readonly string[]): Item[] {
    const items: Item[] = [];
    let join = ';';
    for (;;) {
      if (join === ';') this.skipSeparators();
      const w = this.peekWord();
      if (this.pos >= this.toks.length || (w !== undefined && stop.includes(w))) return items;
      if (w !== undefined && KEYWORDS.has(w)) {
        this.pos++; // a stray keyword: skip it rather than loop
        continue;
      }
      const cmd = this.command();
      const item: Item = { cmd, join, background: false };
      items.push(item);
      const t = this.toks[this.pos];
      join = ';';
      if (t && 'op' in t) {
        this.pos++;
        if (t.op === '&') item.background = true;
        else join = t.op;
      }
    }
  }

  private command(): Cmd {
    const w = this.peekWord();
    if (w === 'while' || w === 'until') {
      this.pos++;
      const cond = this.list(['do']);
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { kind: 'loop', until: w === 'until', cond, body };
    }
    if (w === 'for') {
      this.pos++;
      const header: string[] = [];
      for (let t = this.toks[this.pos]; t && 'w' in t && t.w !== 'do'; t = this.toks[++this.pos]) header.push(t.w);
      this.skipSeparators();
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { kind: 'for', count: forCount(header), body };
    }
    if (w === 'if') {
      this.pos++;
      const branches: { cond: Item[]; body: Item[] }[] = [];
      let otherwise: Item[] = [];
      for (;;) {
        const cond = this.list(['then']);
        this.expect('then');
        const body = this.list(['elif', 'else', 'fi']);
        branches.push({ cond, body });
        const next = this.peekWord();
        this.pos++;
        if (next === 'elif') continue;
        if (next === 'else') {
          otherwise = this.list(['fi']);
          this.expect('fi');
        }
        break;
      }
      return { kind: 'if', branches, otherwise };
    }
    const argv: string[] = [];
    const writes: string[] = [];
    for (let t = this.toks[this.pos]; t; t = this.toks[this.pos]) {
      if ('op' in t && t.op === '>') {
        const target = this.toks[this.pos + 1];
        if (target && 'w' in target) writes.push(target.w);
        this.pos += 2;
      } else if ('w' in t) {
        argv.push(t.w);
        this.pos++;
      } else break;
    }
    return { kind: 'simple', argv, writes };
  }
}

/** Iterations of `for x in a b c` (3), `for i in $(seq 1 10)` (10), `for i in {1..5}` (5); 1 otherwise. */
function forCount(header: string[]): number {
  if (header[0]?.startsWith('((')) return header[0].includes(';;') ? Infinity : 1;
  const inAt = header.indexOf('in');
  if (inAt < 0) return 1;
  const items = header.slice(inAt + 1);
  const one = items.length === 1 ? items[0]! : '';
  const seq = /^\$\(seq\s+(?:(\d+)\s+)?(\d+)\)$/.exec(one);
  if (seq) return Math.max(0, Number(seq[2]) - Number(seq[1] ?? 1) + 1);
  const brace = /^\{(\d+)\.\.(\d+)\}$/.exec(one);
  if (brace) return Math.max(0, Number(brace[2]) - Number(brace[1]) + 1);
  return items.length;
}

/** Commands that run until killed. */
const FOREVER = new Set(['nginx', 'httpd', 'redis-server', 'yes', 'watch', 'nc', 'ncat', 'socat', 'php-fpm', 'apache2-foreground']);
const MAX_STEPS = 20_000;

class Run {
  t = 0;
  status = 0;
  steps = 0;
  forever = false;
  exited = false;
  trapsTerm = false;
  files = new Map<string, FileSpan>();
  spans: FileSpan[] = [];
  unknownTail: string[] | undefined;

  constructor(private readonly errexit: boolean) {}

  done(): boolean {
    return this.forever || this.exited || this.steps > MAX_STEPS;
  }

  list(items: Item[]): void {
    for (let i = 0; i < items.length && !this.done(); i++) {
      const item = items[i]!;
      if (item.join === '&&' && this.status !== 0) continue;
      if (item.join === '||' && this.status === 0) continue;
      if (item.background) {
        // A background job does not hold the script up; only its files would matter, and rarely.
        this.status = 0;
        continue;
      }
      this.unknownTail = undefined;
      this.cmd(item.cmd);
      const next = items[i + 1];
      const guarded = next && (next.join === '&&' || next.join === '||');
      if (this.errexit && this.status !== 0 && !guarded && !this.done()) this.exited = true;
    }
  }

  private cmd(c: Cmd): void {
    this.steps++;
    switch (c.kind) {
      case 'simple':
        return this.simple(c.argv, c.writes);
      case 'if': {
        for (const b of c.branches) {
          this.list(b.cond);
          if (this.done()) return;
          if (this.status === 0) return this.list(b.body);
        }
        this.status = 0;
        return this.list(c.otherwise);
      }
      case 'for': {
        for (let n = 0; n < c.count && !this.done(); n++) {
          const before = this.t;
          this.list(c.body);
          if (c.count === Infinity && this.t === before) this.forever = true;
        }
        return;
      }
      case 'loop': {
        // Two rounds decide it: nothing but files changes between rounds, and the body's file changes
        // have happened after the first.
        for (let round = 0; round < 3 && !this.done(); round++) {
          this.list(c.cond);
          if (this.done()) return;
          const go = c.until ? this.status !== 0 : this.status === 0;
          if (!go) {
            this.status = 0;
            return;
          }
          if (round === 2) {
            this.forever = true;
            return;
          }
          this.list(c.body);
        }
        return;
      }
    }
  }

  private simple(argv: string[], writes: string[]): void {
    for (const w of writes) this.create(w);
    let [name, ...args] = argv;
    if (name === undefined) return;
    if (name === 'exec' && args.length > 0) {
      [name, ...args] = args as [string, ...string[]];
      this.simple([name, ...args], []);
      if (!this.done()) this.exited = true;
      return;
    }
    const base = name.slice(name.lastIndexOf('/') + 1);
    const previous = this.status;
    this.status = 0;
    if (/^[A-Za-z_]\w*=/.test(name)) return;
    switch (base) {
      case 'exit':
        this.status = args[0] !== undefined && /^\d+$/.test(args[0]) ? Number(args[0]) & 255 : previous;
        this.exited = true;
        return;
      case 'false':
        this.status = 1;
        return;
      case 'sleep': {
        if (args.some((a) => a === 'infinity' || a === 'inf')) {
          this.forever = true;
          return;
        }
        for (const a of args) this.t += parseDuration(a) ?? 0;
        return;
      }
      case 'touch':
        for (const a of args) if (!a.startsWith('-')) this.create(a);
        return;
      case 'rm':
        for (const a of args) if (!a.startsWith('-')) this.remove(a);
        return;
      case 'test':
      case '[':
      case '[[':
        this.status = this.test(args.filter((a) => a !== ']' && a !== ']]'));
        return;
      case 'trap':
        if (args.slice(1).some((a) => /^(SIG)?TERM$|^15$/.test(a))) this.trapsTerm = true;
        return;
      case 'tail':
        if (args.some((a) => a === '-f' || a === '-F' || a === '--follow')) this.forever = true;
        return;
      case 'wait':
        return;
      default:
        if (FOREVER.has(base)) {
          this.forever = true;
          return;
        }
        if (!KNOWN_INSTANT.has(base)) this.unknownTail = [name, ...args];
    }
  }

  private test(args: string[]): number {
    let negate = false;
    if (args[0] === '!') {
      negate = true;
      args = args.slice(1);
    }
    let result = 0;
    if (args.length === 2 && /^-[efdrsw]$/.test(args[0]!)) result = this.files.has(args[1]!) ? 0 : 1;
    else if (args.length === 1) result = args[0] === '' ? 1 : 0;
    return negate ? (result === 0 ? 1 : 0) : result;
  }

  private create(path: string): void {
    if (path.startsWith('/dev/') || this.files.has(path)) return;
    const span: FileSpan = { path, from: this.t };
    this.files.set(path, span);
    this.spans.push(span);
  }

  private remove(path: string): void {
    const span = this.files.get(path);
    if (!span) return;
    span.to = this.t;
    this.files.delete(path);
  }
}

const KNOWN_INSTANT = new Set([
  'echo', 'printf', 'true', ':', 'date', 'env', 'printenv', 'hostname', 'id', 'whoami', 'uname', 'pwd', 'cd',
  'export', 'set', 'unset', 'mkdir', 'cp', 'mv', 'chmod', 'chown', 'ls', 'cat', 'head', 'grep', 'sed', 'awk',
  'wget', 'curl', 'nslookup', 'ping', 'dig', 'host', 'df', 'du', 'free', 'ps', 'sync', 'ln', 'source', '.',
  'read', 'shift', 'local', 'let', 'expr', 'seq', 'tee', 'wc', 'sort', 'uniq', 'cut', 'tr', 'base64', 'md5sum',
  'sha256sum', 'kill', 'break', 'continue', 'return', 'apk', 'apt-get', 'yum', 'dnf', 'mount', 'umount',
]);

/** What `script` (the argument of `sh -c`) does; `errexit` for `sh -ec`. */
export function runScript(script: string, errexit = false): ScriptOutcome {
  const items = new Parser(tokenize(script)).list([]);
  const run = new Run(errexit);
  run.list(items);
  const files = run.spans.map((s) => ({ ...s }));
  const base = { files, trapsTerm: run.trapsTerm };
  if (run.forever || run.steps > MAX_STEPS) return base;
  if (run.unknownTail && !run.exited) return { ...base, exit: { afterMs: run.t, exitCode: run.status }, unknownTail: run.unknownTail };
  return { ...base, exit: { afterMs: run.t, exitCode: run.status } };
}
