/**
 * The console's own verbs, beside kubectl's: `sandbox kill node <n>`, `sandbox start node <n>`,
 * `sandbox advance <duration>` (`90s`, `5m`, `1h30m`, or plain seconds).
 */
import type { ParsedCommand } from './parse-command.ts';
import { fail, type KubectlContext, type Output } from './kubectl-context.ts';

const USAGE = 'usage: sandbox kill node <name> | sandbox start node <name> | sandbox advance <duration, e.g. 30s, 5m, 1h>';

/** `5m` -> 300000; `1h30m` -> 5400000; `45` -> 45000. Undefined when unreadable. */
export function parseDurationMs(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
  let total = 0;
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    i = re.lastIndex;
  }
  return text.length > 0 ? total : undefined;
}

export function runSandbox(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  const sandbox = ctx.sandbox;
  if (!sandbox) fail('sandbox controls are not available here');
  const [action, what, name] = cmd.args;
  if (action === 'advance') {
    const ms = what === undefined ? undefined : parseDurationMs(what);
    if (ms === undefined || ms <= 0) fail(USAGE);
    sandbox.advance(ms);
    out.out(`clock advanced ${what}`);
    return;
  }
  if ((action === 'kill' || action === 'start') && (what === 'node' || what === 'nodes' || what === 'no') && name) {
    if (!sandbox.nodeNames().includes(name)) fail(`node "${name}" not found`);
    if (action === 'kill') sandbox.killNode(name);
    else sandbox.startNode(name);
    out.out(`node/${name} ${action === 'kill' ? 'powered off' : 'powered on'}`);
    return;
  }
  fail(USAGE);
}
