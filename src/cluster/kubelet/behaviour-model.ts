/**
 * The container behaviour model: what a container does, decided from its image, command, args and a few
 * documented sandbox annotations, so manifests people already have behave as they would on a real
 * cluster (see BEHAVIOUR.md). Pure and deterministic: the same container always behaves the same.
 */
import { tryParseQuantity } from '../api/quantity.ts';
import { parseDuration } from './go-duration.ts';
import { imageBaseName, parseImage } from './image-catalog.ts';
import { runScript, type FileSpan } from './shell-script.ts';

export type { FileSpan } from './shell-script.ts';

export interface ContainerInput {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  stdin?: boolean;
  tty?: boolean;
  /** resources.limits.memory, if set. */
  memoryLimit?: string | number;
}

export type TerminatedReason = 'Completed' | 'Error' | 'OOMKilled';

export interface ContainerBehaviour {
  /** How the process ends on its own, measured from its start; undefined: runs until stopped. */
  exit?: { afterMs: number; exitCode: number; reason: TerminatedReason };
  /** PID 1 without a SIGTERM handler: it is killed (137) at the end of the grace period. */
  ignoresSigterm: boolean;
  /** Exit code when it handles SIGTERM, and how long that takes. */
  sigtermExitCode: number;
  stopMs: number;
  /** Declared memory use in bytes (annotation or `stress --vm-bytes`). */
  memoryBytes?: number;
  /** Files the process creates and removes, for exec probes. */
  files: FileSpan[];
  /** Listens on its ports, so httpGet / tcpSocket / grpc probes succeed. */
  serves: boolean;
  /** Runs a command the model follows, so `files` is all the files there are (exec probes can fail). */
  modelsFiles: boolean;
  /** Scripted probe failures, ms after the container starts. */
  probeFailAfterMs: { liveness?: number; readiness?: number; startup?: number };
  /** One line saying why, for the inspector. */
  why: string;
}

export const ANNOTATION_PREFIX = 'sandbox.kube/';
/** An OOM kill happens this long after start: the time the process takes to grow past its limit. */
export const OOM_AFTER_MS = 2000;

/** Images that serve until stopped when run with their own entrypoint. */
const SERVERS = new Set([
  'nginx', 'httpd', 'apache', 'redis', 'mysql', 'mariadb', 'postgres', 'mongo', 'memcached', 'rabbitmq', 'traefik',
  'haproxy', 'caddy', 'wordpress', 'grafana', 'prometheus', 'pause', 'hpa-example', 'kube-proxy', 'coredns', 'etcd',
  'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'registry', 'jenkins', 'elasticsearch', 'kibana',
  'consul', 'vault', 'kuard-amd64', 'hello-app', 'agnhost', 'echoserver', 'http-echo', 'whoami', 'podinfo', 'tomcat',
  'nextcloud', 'ghost', 'minio', 'zookeeper', 'kafka', 'cassandra', 'influxdb', 'nats', 'envoy', 'kindnetd',
]);
/** Images whose default command is a shell or REPL: with no tty they exit 0 at once. */
const SHELLS = new Set([
  'busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'amazonlinux', 'rockylinux', 'almalinux', 'archlinux',
  'bash', 'python', 'node', 'ruby', 'perl', 'php', 'openjdk', 'golang', 'hello-world', 'curl', 'netshoot', 'leap',
  'ubi', 'ubi-minimal', 'debian-slim', 'distroless',
]);
/** Servers that take a moment to shut down cleanly. */
const SLOW_STOP = new Set(['mysql', 'mariadb', 'postgres', 'mongo', 'elasticsearch', 'rabbitmq', 'kafka', 'cassandra']);

const SHELL_BINARIES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** Looks `key` up for `container`: `sandbox.kube/<key>.<container>` first, then `sandbox.kube/<key>`. */
export function sandboxAnnotation(annotations: Readonly<Record<string, string>> | undefined, key: string, container: string): string | undefined {
  return annotations?.[`${ANNOTATION_PREFIX}${key}.${container}`] ?? annotations?.[`${ANNOTATION_PREFIX}${key}`];
}

/** A Kubernetes quantity in bytes. */
function bytes(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  const parsed = tryParseQuantity(q);
  return parsed ? parsed.value() : undefined;
}

/** stress's sizes: `150M`, `1g`, `512k` are binary multiples. */
function stressBytes(s: string | undefined): number | undefined {
  const m = /^(\d+)([bkmg])?$/i.exec(s ?? '');
  if (!m) return undefined;
  const mult: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  return Number(m[1]) * (mult[(m[2] ?? 'b').toLowerCase()] ?? 1);
}

interface Core {
  exit?: { afterMs: number; exitCode: number };
  ignoresSigterm: boolean;
  files: FileSpan[];
  serves: boolean;
  memoryBytes?: number;
  why: string;
}

/** The image's own program, run with no command of ours. */
function imageDefault(base: string, known: 'server' | 'shell' | 'unknown', c: ContainerInput): Core {
  if (known === 'shell') {
    if (c.stdin) return { ignoresSigterm: true, files: [], serves: false, why: `${base} waits on stdin until stopped` };
    if (base === 'curl') return { exit: { afterMs: 0, exitCode: 2 }, ignoresSigterm: false, files: [], serves: false, why: 'curl with no URL exits 2' };
    return { exit: { afterMs: 0, exitCode: 0 }, ignoresSigterm: false, files: [], serves: false, why: `${base} has nothing to run without a command and exits 0` };
  }
  return { ignoresSigterm: false, files: [], serves: true, why: `${base} ${known === 'server' ? 'serves' : 'is taken to serve'} until stopped` };
}

function argvBehaviour(argv: string[], base: string, known: 'server' | 'shell' | 'unknown', c: ContainerInput): Core {
  const [cmd, ...rest] = argv;
  const prog = (cmd ?? '').slice((cmd ?? '').lastIndexOf('/') + 1);
  if (SHELL_BINARIES.has(prog)) {
    const flags = rest[0]?.startsWith('-') ? rest[0] : '';
    if (flags.includes('c') && rest[1] !== undefined) {
      const out = runScript(rest[1], flags.includes('e'));
      if (out.unknownTail && known !== 'shell') {
        // The script hands over to the image's own program (`... && exec myapp`): that decides.
        const tail = imageDefault(base, known, c);
        return { ...tail, files: out.files, why: `the script ends in ${out.unknownTail[0]}, which ${tail.why.split(' ').slice(1).join(' ')}` };
      }
      const why = out.exit ? `the script ends after ${out.exit.afterMs / 1000}s with exit code ${out.exit.exitCode}` : 'the script runs until stopped';
      return { ...(out.exit ? { exit: out.exit } : {}), ignoresSigterm: !out.trapsTerm, files: out.files, serves: false, why };
    }
    return imageDefault(base, 'shell', c);
  }
  switch (prog) {
    case 'sleep': {
      if (rest.some((a) => a === 'infinity' || a === 'inf')) return { ignoresSigterm: true, files: [], serves: false, why: 'sleep infinity runs until stopped' };
      const ms = rest.reduce((sum, a) => sum + (parseDuration(a) ?? 0), 0);
      return { exit: { afterMs: ms, exitCode: 0 }, ignoresSigterm: true, files: [], serves: false, why: `sleep ends after ${ms / 1000}s` };
    }
    case 'stress':
    case 'stress-ng': {
      const at = rest.findIndex((a) => a === '--vm-bytes');
      const mem = at >= 0 ? stressBytes(rest[at + 1]) : undefined;
      const t = rest.findIndex((a) => a === '--timeout' || a === '-t');
      const timeout = t >= 0 ? parseDuration(rest[t + 1] ?? '') : undefined;
      return {
        ...(timeout !== undefined ? { exit: { afterMs: timeout, exitCode: 0 } } : {}),
        ignoresSigterm: false,
        files: [],
        serves: false,
        ...(mem !== undefined ? { memoryBytes: mem } : {}),
        why: `stress${mem !== undefined ? ` allocates ${rest[at + 1]}` : ''} ${timeout !== undefined ? `for ${timeout / 1000}s` : 'until stopped'}`,
      };
    }
    case 'tail':
      if (rest.some((a) => a === '-f' || a === '-F')) return { ignoresSigterm: true, files: [], serves: false, why: 'tail -f runs until stopped' };
      break;
    case 'perl':
      if (rest.some((a) => /bpi\(/.test(a))) return { exit: { afterMs: 3000, exitCode: 0 }, ignoresSigterm: false, files: [], serves: false, why: 'computing pi takes about 3s' };
      break;
    case 'python':
    case 'python3': {
      if (rest[0] === '-m' && rest[1] === 'http.server') return { ignoresSigterm: false, files: [], serves: true, why: 'http.server serves until stopped' };
      if (rest[0] === '-c') {
        const sleep = /sleep\((\d+(?:\.\d+)?)\)/.exec(rest[1] ?? '');
        const code = /exit\((\d+)\)/.exec(rest[1] ?? '');
        return { exit: { afterMs: sleep ? Number(sleep[1]) * 1000 : 0, exitCode: code ? Number(code[1]) : 0 }, ignoresSigterm: false, files: [], serves: false, why: 'the python one-liner ends' };
      }
      break;
    }
  }
  // Anything else is a single command line through the shell model: echo, true, false, exit, nginx, ...
  const out = runScript(argv.map((a) => (/[\s;&|]/.test(a) ? `'${a}'` : a)).join(' '));
  if (out.unknownTail) return imageDefault(base, known === 'shell' ? 'shell' : known, { ...c, stdin: false });
  if (!out.exit) return { ignoresSigterm: prog === 'tail', files: out.files, serves: FOREVER_SERVES.has(prog), why: `${prog} runs until stopped` };
  return { exit: out.exit, ignoresSigterm: false, files: out.files, serves: false, why: `${prog} ends after ${out.exit.afterMs / 1000}s with exit code ${out.exit.exitCode}` };
}

const FOREVER_SERVES = new Set(['nginx', 'httpd', 'redis-server', 'php-fpm', 'apache2-foreground']);

/** Decides what a container does. Never throws: an unparseable image behaves as an unknown server. */
export function containerBehaviour(c: ContainerInput, annotations?: Readonly<Record<string, string>>): ContainerBehaviour {
  const ref = parseImage(c.image);
  const base = 'error' in ref ? c.image : imageBaseName(ref);
  const registryK8s = !('error' in ref) && /^(registry\.k8s\.io|k8s\.gcr\.io|gcr\.io\/google[-_]containers)$/.test(ref.domain);
  const known = SHELLS.has(base) ? 'shell' : SERVERS.has(base) || registryK8s ? 'server' : 'unknown';
  // With args only, a shell image runs them as its command; a server image hands them to its entrypoint.
  let argv: string[] = [];
  if (c.command?.length) argv = [...c.command, ...(c.args ?? [])];
  else if (c.args?.length && (known === 'shell' || /^(sh|bash|sleep|echo|stress)$/.test(c.args[0] ?? ''))) argv = [...c.args];
  const core = argv.length > 0 ? argvBehaviour(argv, base, known, c) : imageDefault(base, known, c);

  let exit: ContainerBehaviour['exit'] = core.exit ? { ...core.exit, reason: core.exit.exitCode === 0 ? 'Completed' : 'Error' } : undefined;
  let why = core.why;
  const exitAfter = sandboxAnnotation(annotations, 'exit-after', c.name);
  const exitCode = sandboxAnnotation(annotations, 'exit-code', c.name);
  if (exitAfter !== undefined || exitCode !== undefined) {
    const afterMs = exitAfter !== undefined ? (parseDuration(exitAfter) ?? 0) : 0;
    const code = exitCode !== undefined && /^\d+$/.test(exitCode) ? Number(exitCode) & 255 : 0;
    exit = { afterMs, exitCode: code, reason: code === 0 ? 'Completed' : 'Error' };
    why = `the sandbox annotations make it exit ${code} after ${afterMs / 1000}s`;
  }
  const memoryBytes = bytes(sandboxAnnotation(annotations, 'memory-usage', c.name)) ?? core.memoryBytes;
  const limit = bytes(c.memoryLimit);
  if (memoryBytes !== undefined && limit !== undefined && limit > 0 && memoryBytes > limit && (!exit || exit.afterMs > OOM_AFTER_MS)) {
    exit = { afterMs: OOM_AFTER_MS, exitCode: 137, reason: 'OOMKilled' };
    why = `it uses ${memoryBytes} bytes of memory, above its ${limit}-byte limit, and is OOM-killed`;
  }
  const failAfter = (key: string) => {
    const v = sandboxAnnotation(annotations, key, c.name);
    return v === undefined ? undefined : (parseDuration(v) ?? 0);
  };
  const probeFailAfterMs: ContainerBehaviour['probeFailAfterMs'] = {};
  const live = failAfter('liveness-fail-after');
  const ready = failAfter('readiness-fail-after');
  const startup = failAfter('startup-fail-after');
  if (live !== undefined) probeFailAfterMs.liveness = live;
  if (ready !== undefined) probeFailAfterMs.readiness = ready;
  if (startup !== undefined) probeFailAfterMs.startup = startup;
  return {
    ...(exit ? { exit } : {}),
    ignoresSigterm: core.ignoresSigterm,
    sigtermExitCode: known === 'server' ? 0 : 143,
    stopMs: SLOW_STOP.has(base) ? 1500 : 100,
    ...(memoryBytes !== undefined ? { memoryBytes } : {}),
    files: core.files,
    serves: core.serves,
    modelsFiles: argv.length > 0 && !core.serves,
    probeFailAfterMs,
    why,
  };
}
