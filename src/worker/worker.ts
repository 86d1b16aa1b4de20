/**
 * The Web Worker entry: one ClusterHost behind comlink. The only file that calls `expose`.
 */
import * as Comlink from 'comlink';
import { ClusterHost } from './cluster-host.ts';
import type { ApplyResult, Delta, Snapshot } from './protocol.ts';

const host = new ClusterHost({ seed: 1 });

/** The services the page may call. Every answer is plain data. */
export const services = {
  subscribe(listener: (delta: Delta) => void): Snapshot {
    return host.subscribe(listener);
  },
  apply(text: string, source: string): ApplyResult {
    return host.apply(text, source);
  },
  setSpeed(speed: number): void {
    host.setSpeed(speed);
  },
  pause(): void {
    host.pause();
  },
  play(): void {
    host.play();
  },
  step(): number {
    return host.step();
  },
  advance(ms: number): void {
    host.advance(ms);
  },
};

export type WorkerServices = typeof services;

Comlink.expose(services);
