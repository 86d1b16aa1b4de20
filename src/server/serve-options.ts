/**
 * Command-line options of `npm run serve`:
 * `[--port 6443] [--seed N] [--speed X | --manual-clock] [--nodes N] [--kubeconfig PATH] [--state-dir DIR]`.
 */
export interface ServeOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Always loopback: the server refuses to listen anywhere else. */
  host: '127.0.0.1';
  seed: number;
  /** Virtual seconds per real second; 0 pauses. Ignored with manualClock. */
  speed: number;
  /** Virtual time moves only through POST /sandbox/v1/clock/advance. */
  manualClock: boolean;
  /** Worker nodes wanted, once the cluster can add them. */
  nodes?: number;
  /** Where the kubeconfig is written. */
  kubeconfig: string;
  /** Where the CA and serving certificate are kept between runs. */
  stateDir: string;
}

export class UsageError extends Error {}

const USAGE = 'usage: npm run serve -- [--port 6443] [--seed N] [--speed X | --manual-clock] [--nodes N] [--kubeconfig PATH] [--state-dir DIR]';

/** Parses argv (without node and the script). Throws UsageError with a one-line usage on bad input. */
export function parseServeArgs(argv: readonly string[], cwd: string): ServeOptions {
  const opts: ServeOptions = {
    port: 6443,
    host: '127.0.0.1',
    seed: 1,
    speed: 1,
    manualClock: false,
    kubeconfig: `${cwd}/.sandbox/kubeconfig`,
    stateDir: `${cwd}/.sandbox`,
  };
  let speedGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value\n${USAGE}`);
      return v;
    };
    const num = (min: number, integer: boolean): number => {
      const text = value();
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) throw new UsageError(`invalid value "${text}" for ${name}\n${USAGE}`);
      return n;
    };
    switch (name) {
      case '--port':
        opts.port = num(0, true);
        if (opts.port > 65535) throw new UsageError(`invalid value "${opts.port}" for --port\n${USAGE}`);
        break;
      case '--seed':
        opts.seed = num(0, true);
        break;
      case '--speed':
        opts.speed = num(0, false);
        speedGiven = true;
        break;
      case '--manual-clock':
        opts.manualClock = true;
        break;
      case '--nodes':
        opts.nodes = num(0, true);
        break;
      case '--kubeconfig':
        opts.kubeconfig = value();
        break;
      case '--state-dir':
        opts.stateDir = value();
        break;
      case '--help':
      case '-h':
        throw new UsageError(USAGE);
      default:
        throw new UsageError(`unknown flag: ${arg}\n${USAGE}`);
    }
  }
  if (speedGiven && opts.manualClock) throw new UsageError(`--speed and --manual-clock cannot be used together\n${USAGE}`);
  return opts;
}
