/**
 * Parses a kubectl command line into a verb, positional arguments and flags, the way kubectl's pflag
 * parsing sees them: `--flag=value`, `--flag value`, `-n value`, `-nvalue`, `-owide`, boolean flags
 * (`-A`, `--show-labels`, `--overwrite`) with an optional `=true|false`, and `--` ending flags. The
 * leading `kubectl` or `k` is optional. Text after the first line is the command's stdin (`-f -`).
 */
import { tokenize } from './tokenize.ts';

export interface ParsedCommand {
  /** `get`, `rollout`, `sandbox`, ... ('' for an empty line). */
  verb: string;
  /** Positional words after the verb, in order. */
  args: string[];
  /** Flag values by canonical long name (`namespace`, `output`, ...); a repeated flag keeps every value. */
  flags: Map<string, string[]>;
  /** Lines pasted after the command, for `-f -`. */
  stdin?: string;
}

/** Short flags and their long names. */
const SHORT: Readonly<Record<string, string>> = {
  n: 'namespace',
  l: 'selector',
  o: 'output',
  f: 'filename',
  A: 'all-namespaces',
  w: 'watch',
  c: 'container',
  p: 'previous',
  h: 'help',
  R: 'recursive',
};

/** Flags that take no value. */
const BOOLEAN = new Set([
  'all-namespaces',
  'watch',
  'show-labels',
  'no-headers',
  'overwrite',
  'all',
  'force',
  'previous',
  'help',
  'recursive',
  'ignore-daemonsets',
  'delete-emptydir-data',
  'show-kind',
  'wait',
  'follow',
  'client',
  'short',
  'namespaced',
  'recursive',
]);

export type ParseResult = { ok: true; command: ParsedCommand } | { ok: false; error: string };

/** Parses one command (and its stdin). Never throws. */
export function parseCommand(input: string): ParseResult {
  const nl = input.indexOf('\n');
  const line = nl < 0 ? input : input.slice(0, nl);
  const stdin = nl < 0 ? undefined : input.slice(nl + 1);
  const t = tokenize(line.trim());
  if ('error' in t) return { ok: false, error: `error: ${t.error}` };
  const words = t.words;
  if (words[0] === 'kubectl' || words[0] === 'k') words.shift();
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const add = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      positional.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      if (eq >= 0) add(name, w.slice(eq + 1));
      else if (BOOLEAN.has(name)) add(name, 'true');
      else if (i + 1 < words.length) add(name, words[++i]!);
      else return { ok: false, error: `error: flag needs an argument: --${name}` };
      continue;
    }
    if (w.startsWith('-') && w.length > 1 && w !== '-') {
      const letter = w[1]!;
      const name = SHORT[letter];
      if (!name) return { ok: false, error: `error: unknown shorthand flag: '${letter}' in ${w}` };
      let rest = w.slice(2);
      if (rest.startsWith('=')) rest = rest.slice(1);
      if (BOOLEAN.has(name)) add(name, rest === '' ? 'true' : rest);
      else if (rest !== '') add(name, rest);
      else if (i + 1 < words.length) add(name, words[++i]!);
      else return { ok: false, error: `error: flag needs an argument: '${letter}' in -${letter}` };
      continue;
    }
    positional.push(w);
  }
  const verb = positional.shift() ?? '';
  const command: ParsedCommand = { verb, args: positional, flags };
  if (stdin !== undefined) command.stdin = stdin;
  return { ok: true, command };
}

/** The last value of a flag, or undefined. */
export function flag(cmd: ParsedCommand, name: string): string | undefined {
  const v = cmd.flags.get(name);
  return v ? v[v.length - 1] : undefined;
}

/** Whether a boolean flag is on (`-A`, `--all-namespaces=true`). */
export function boolFlag(cmd: ParsedCommand, name: string): boolean {
  const v = flag(cmd, name);
  return v !== undefined && v !== 'false';
}
