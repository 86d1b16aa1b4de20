/**
 * What a console command runs against and what it answers. The command layer is pure: it only talks to
 * the ApiServer (and, for sandbox verbs, to the few Cluster methods in SandboxControls).
 */
import type { ApiServer } from '../../api/api-server.ts';
import type { Actor } from '../../api/types.ts';
import { ApiError } from '../../api/errors.ts';
import { kubectlErrorLine } from '../../manifests/outcome.ts';

/** The Cluster methods the `sandbox` verbs use (a Cluster satisfies it). */
export interface SandboxControls {
  killNode(name: string): void;
  startNode(name: string): void;
  advance(ms: number): void;
  nodeNames(): string[];
}

export interface KubectlContext {
  api: ApiServer;
  sandbox?: SandboxControls;
  /** Text for `-f -` when none was pasted after the command (the Editor's content). */
  stdin?: string;
}

/** What kubectl printed and its exit code. `stdout` and `stderr` each end with a newline when not empty. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Who kubectl is, for the API server's records. */
export const KUBECTL_USER: Actor = { name: 'kubectl', component: 'user' };

/** Thrown by command code to stop with kubectl's error line on stderr and exit code 1. */
export class KubectlError extends Error {}

/** `error: <message>` as kubectl prints a client-side failure. */
export function fail(message: string): never {
  throw new KubectlError(kubectlErrorLine(message));
}

/** The line kubectl prints for anything thrown by the API server or by command code. */
export function errorLine(e: unknown): string {
  if (e instanceof ApiError) return kubectlErrorLine(e.status.message ?? '', { reason: e.status.reason ?? '' });
  if (e instanceof KubectlError) return e.message;
  return kubectlErrorLine(e instanceof Error ? e.message : String(e));
}

/** Collects output lines as a command runs. */
export class Output {
  stdout = '';
  stderr = '';
  failed = false;
  out(text: string): void {
    this.stdout += text.endsWith('\n') || text === '' ? text : text + '\n';
  }
  err(text: string): void {
    this.stderr += text.endsWith('\n') ? text : text + '\n';
    this.failed = true;
  }
  /** stderr without marking the command failed (`No resources found ...`). */
  note(text: string): void {
    this.stderr += text.endsWith('\n') ? text : text + '\n';
  }
  result(): KubectlResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.failed ? 1 : 0 };
  }
}
