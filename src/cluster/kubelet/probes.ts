/**
 * Probes on virtual time without a timer per period. A probe's result only changes at a few known
 * instants (a file appears or goes, a scripted failure begins), so the tick at which a threshold of
 * equal results is reached can be computed once, when the container's state changes, instead of
 * ticking every `periodSeconds` (k/k pkg/kubelet/prober/worker.go semantics: the first probe runs once
 * `initialDelaySeconds` have passed, then every period; results flip after successThreshold /
 * failureThreshold consecutive equal results).
 */
import type { Probe, ContainerPort } from '../api/strategies/pod-types.ts';
import type { ContainerBehaviour } from './behaviour-model.ts';
import { splitWords } from './shell-script.ts';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ProbeContext {
  podIP: string;
  ports: readonly ContainerPort[];
}

export interface ProbeResult {
  ok: boolean;
  /** The prober's output for a failure, as the `Unhealthy` event quotes it. */
  output: string;
}

interface FileCheck {
  prog: string;
  path: string;
}

function fileCheck(command: readonly string[] | undefined): FileCheck | undefined {
  let argv = [...(command ?? [])];
  if (/(^|\/)(sh|bash|ash)$/.test(argv[0] ?? '') && argv[1]?.includes('c')) argv = splitWords(argv[2] ?? '');
  const prog = (argv[0] ?? '').replace(/^.*\//, '');
  if ((prog === 'cat' || prog === 'ls') && argv[1] && !argv[1].startsWith('-')) return { prog, path: argv[1] };
  if (prog === 'test' || prog === '[') {
    const at = argv.findIndex((a) => /^-[efd]$/.test(a));
    if (at >= 0 && argv[at + 1]) return { prog, path: argv[at + 1]! };
  }
  return undefined;
}

function portOf(port: unknown, ctx: ProbeContext): string {
  if (typeof port === 'number') return String(port);
  const named = ctx.ports.find((p) => p.name === port);
  return named?.containerPort !== undefined ? String(named.containerPort) : String(port ?? '');
}

function hasFile(b: ContainerBehaviour, path: string, t: number): boolean {
  return b.files.some((f) => f.path === path && f.from <= t && (f.to === undefined || t < f.to));
}

/** The result of one probe `sinceStartMs` after the container started. */
export function probeOutcome(kind: ProbeKind, probe: Probe, b: ContainerBehaviour, sinceStartMs: number, ctx: ProbeContext): ProbeResult {
  const failAfter = b.probeFailAfterMs[kind];
  const scriptedFail = failAfter !== undefined && sinceStartMs >= failAfter;
  if (probe.exec) {
    const check = b.modelsFiles ? fileCheck(probe.exec.command) : undefined;
    if (check && !hasFile(b, check.path, sinceStartMs)) {
      const output = check.prog === 'cat' ? `cat: can't open '${check.path}': No such file or directory\n` : check.prog === 'ls' ? `ls: ${check.path}: No such file or directory\n` : '';
      return { ok: false, output };
    }
    return scriptedFail ? { ok: false, output: '' } : { ok: true, output: '' };
  }
  if (probe.httpGet) {
    const port = portOf(probe.httpGet.port, ctx);
    const host = probe.httpGet.host || ctx.podIP;
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    if (!b.serves) return { ok: false, output: `Get "${scheme}://${host}:${port}${probe.httpGet.path ?? '/'}": dial tcp ${host}:${port}: connect: connection refused` };
    return scriptedFail ? { ok: false, output: 'HTTP probe failed with statuscode: 500' } : { ok: true, output: '' };
  }
  if (probe.tcpSocket) {
    const port = portOf(probe.tcpSocket.port, ctx);
    const host = probe.tcpSocket.host || ctx.podIP;
    if (!b.serves || scriptedFail) return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
    return { ok: true, output: '' };
  }
  if (probe.grpc) {
    if (!b.serves || scriptedFail) return { ok: false, output: `timeout: failed to connect service ":${probe.grpc.port ?? ''}" within 1s: context deadline exceeded` };
    return { ok: true, output: '' };
  }
  return { ok: !scriptedFail, output: '' };
}

/** The instants (ms since start) at which the probe's result may change. */
export function probeChanges(kind: ProbeKind, b: ContainerBehaviour): number[] {
  const out: number[] = [];
  const failAfter = b.probeFailAfterMs[kind];
  if (failAfter !== undefined) out.push(failAfter);
  for (const f of b.files) {
    out.push(f.from);
    if (f.to !== undefined) out.push(f.to);
  }
  return out.sort((x, y) => x - y);
}

export interface ThresholdQuery {
  initialDelayMs: number;
  periodMs: number;
  threshold: number;
  /** The result that must repeat `threshold` times. */
  want: boolean;
  /** Only ticks at or after this instant count (ms since start). */
  fromMs: number;
  outcome: (sinceStartMs: number) => boolean;
  changes: readonly number[];
}

/** The first probe tick (ms since start) completing `threshold` consecutive `want` results; undefined: never. */
export function nextThresholdTick(q: ThresholdQuery): number | undefined {
  const period = Math.max(1, q.periodMs);
  let k = Math.max(Math.ceil(q.initialDelayMs / period), Math.ceil(q.fromMs / period));
  const last = q.changes.length > 0 ? q.changes[q.changes.length - 1]! : -Infinity;
  let streak = 0;
  for (let guard = 0; guard < 100_000; guard++) {
    const t = k * period;
    if (q.outcome(t) === q.want) {
      if (++streak >= Math.max(1, q.threshold)) return t;
      k++;
      continue;
    }
    streak = 0;
    // Nothing changes until the next change point: jump to the first tick at or after it.
    const next = q.changes.find((c) => c > t);
    if (next === undefined || t >= last) return undefined;
    k = Math.max(k + 1, Math.ceil(next / period));
  }
  return undefined;
}
