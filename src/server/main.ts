/**
 * `npm run serve -- [--port 6443] [--seed N] [--speed X | --manual-clock] [--kubeconfig PATH]`:
 * boots a cluster, serves it to kubectl over HTTPS on 127.0.0.1, writes a kubeconfig, and prints one
 * line: `kube-sandbox serving https://127.0.0.1:6443 kubeconfig=/path/.sandbox/kubeconfig`.
 * Ctrl-C or SIGTERM stops it cleanly.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Cluster } from '../cluster/cluster.ts';
import { parseServeArgs, UsageError, type ServeOptions } from './serve-options.ts';
import { loadOrCreateTls } from './tls-material.ts';
import { writeKubeconfig } from './kubeconfig.ts';
import { SandboxServer } from './sandbox-server.ts';

export interface RunningSandbox {
  server: SandboxServer;
  cluster: Cluster;
  kubeconfig: string;
  token: string;
}

/** Starts everything `npm run serve` starts; the caller owns shutdown (`server.close()`). */
export async function startSandbox(opts: ServeOptions): Promise<RunningSandbox> {
  const tls = await loadOrCreateTls(opts.stateDir);
  const cluster = new Cluster({ seed: opts.seed });
  const token = randomBytes(24).toString('hex');
  const server = await SandboxServer.start({ cluster, tls, token, port: opts.port, speed: opts.speed, manualClock: opts.manualClock });
  const kubeconfig = resolve(opts.kubeconfig);
  await writeKubeconfig(kubeconfig, { server: server.url, caCert: tls.caCert, token });
  return { server, cluster, kubeconfig, token };
}

async function main(): Promise<void> {
  let opts: ServeOptions;
  try {
    opts = parseServeArgs(process.argv.slice(2), process.cwd());
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const running = await startSandbox(opts);
  if (opts.nodes !== undefined) process.stderr.write('kube-sandbox: --nodes is not applied yet: the cluster boots its default topology\n');
  process.stdout.write(`kube-sandbox serving ${running.server.url} kubeconfig=${running.kubeconfig}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`kube-sandbox: ${signal}, stopping\n`);
    void running.server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((e: unknown) => {
    process.stderr.write(`kube-sandbox: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
