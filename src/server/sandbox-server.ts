/**
 * The headless sandbox: one Cluster served over HTTPS on the loopback interface, its clock run by a
 * ClockDriver. `start` listens; `close` ends open watches, stops the clock and closes the socket.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Cluster } from '../cluster/cluster.ts';
import type { TlsMaterial } from './tls-material.ts';
import { ClockDriver } from './clock-driver.ts';
import { createRequestHandler } from './request-handler.ts';

/** The only address the server listens on. */
export const LOOPBACK = '127.0.0.1';

export interface SandboxServerOptions {
  cluster: Cluster;
  tls: TlsMaterial;
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** Must be 127.0.0.1: anything else is refused (the server has no authorization beyond its token). */
  host?: string;
  speed: number;
  manualClock: boolean;
}

export class SandboxServer {
  private constructor(
    private readonly server: Server,
    readonly driver: ClockDriver,
    readonly port: number,
    private readonly watchStops: Set<() => void>,
  ) {}

  get url(): string {
    return `https://${LOOPBACK}:${this.port}`;
  }

  static async start(opts: SandboxServerOptions): Promise<SandboxServer> {
    const host = opts.host ?? LOOPBACK;
    if (host !== LOOPBACK) throw new Error(`refusing to listen on ${host}: the sandbox serves 127.0.0.1 only`);
    const driver = new ClockDriver(opts.cluster, opts.speed, opts.manualClock);
    const watchStops = new Set<() => void>();
    const bound = { port: opts.port };
    const server = createServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' });
    server.on(
      'request',
      createRequestHandler({
        cluster: opts.cluster,
        driver,
        token: opts.token,
        serverAddress: () => `${LOOPBACK}:${bound.port}`,
        watches: {
          track: (stop) => {
            watchStops.add(stop);
            return () => watchStops.delete(stop);
          },
        },
      }),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    bound.port = (server.address() as AddressInfo).port;
    driver.start();
    return new SandboxServer(server, driver, bound.port, watchStops);
  }

  /** Stops the clock, ends every watch and closes the listener; resolves when all is closed. */
  async close(): Promise<void> {
    this.driver.stop();
    for (const stop of [...this.watchStops]) stop();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
