/**
 * The console's entry point: one command line in, what kubectl would print out. Parses the line, runs
 * the verb against the API server, and turns every failure into kubectl's error line with exit code 1.
 * Never throws.
 */
import type { ParsedCommand } from './parse-command.ts';
import { parseCommand } from './parse-command.ts';
import { Output, errorLine, type KubectlContext, type KubectlResult } from './kubectl-context.ts';
import { runGet } from './get-command.ts';
import { runDescribe } from './describe-command.ts';
import { runApply, runCordon, runCreate, runDelete, runLabelLike, runScale, runTaint } from './write-commands.ts';
import { runRollout } from './rollout-command.ts';
import { runApiResources, runClusterInfo, runExplain, runLogs, runTop, runVersion } from './info-commands.ts';
import { runSandbox } from './sandbox-command.ts';
import { HELP_TEXT } from './help-text.ts';

type Verb = (ctx: KubectlContext, cmd: ParsedCommand, out: Output) => void;

/** Every verb the console knows, for dispatch, help and completion. */
export const VERBS: Readonly<Record<string, Verb>> = {
  get: runGet,
  describe: runDescribe,
  apply: runApply,
  create: runCreate,
  delete: runDelete,
  scale: runScale,
  rollout: runRollout,
  label: (ctx, cmd, out) => runLabelLike(ctx, cmd, out, 'labels'),
  annotate: (ctx, cmd, out) => runLabelLike(ctx, cmd, out, 'annotations'),
  cordon: (ctx, cmd, out) => runCordon(ctx, cmd, out, true),
  uncordon: (ctx, cmd, out) => runCordon(ctx, cmd, out, false),
  taint: runTaint,
  version: runVersion,
  'api-resources': runApiResources,
  'cluster-info': runClusterInfo,
  explain: runExplain,
  logs: runLogs,
  top: runTop,
  sandbox: runSandbox,
  help: (_ctx, _cmd, out) => out.out(HELP_TEXT),
};

/** Runs one console command line (text after the first line is its stdin). */
export function runKubectl(ctx: KubectlContext, line: string): KubectlResult {
  const parsed = parseCommand(line);
  const out = new Output();
  if (!parsed.ok) {
    out.err(parsed.error);
    return out.result();
  }
  const cmd = parsed.command;
  if (cmd.verb === '') {
    out.out(HELP_TEXT);
    return out.result();
  }
  const verb = VERBS[cmd.verb];
  if (!verb) {
    out.err(`error: unknown command "${cmd.verb}" for "kubectl"`);
    return out.result();
  }
  try {
    verb(ctx, cmd, out);
  } catch (e) {
    out.err(errorLine(e));
  }
  return out.result();
}
