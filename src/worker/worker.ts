/**
 * The Web Worker entry: one ClusterHost behind comlink. The only file that calls `expose`.
 */
import * as Comlink from 'comlink';
import { ClusterHost } from './cluster-host.ts';
import type { ApplyResult, CommandResult, Delta, NodeSpec, ObjectRef, Snapshot } from './protocol.ts';

const host = new ClusterHost({ seed: 1 });

/** The services the page may call. Every answer is plain data; commands never throw. */
export const services = {
  subscribe(listener: (delta: Delta) => void): Snapshot {
    return host.subscribe(listener);
  },
  apply(text: string, source: string): ApplyResult {
    return host.apply(text, source);
  },
  /** One console command line, run as kubectl would: its printed text and exit code. */
  kubectl(line: string, stdin?: string): { output: string; exitCode: number } {
    return host.kubectl(line, stdin);
  },
  /** Tab-completion candidates for the console line before the cursor. */
  kubectlComplete(line: string): string[] {
    return host.kubectlComplete(line);
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
  killNode(name: string): CommandResult {
    return host.killNode(name);
  },
  startNode(name: string): CommandResult {
    return host.startNode(name);
  },
  addNode(spec: NodeSpec): CommandResult {
    return host.addNode(spec);
  },
  cordon(name: string, unschedulable: boolean): CommandResult {
    return host.cordon(name, unschedulable);
  },
  drain(name: string): CommandResult {
    return host.drain(name);
  },
  deleteNode(name: string): CommandResult {
    return host.deleteNode(name);
  },
  deleteObject(ref: ObjectRef, propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'): CommandResult {
    return host.deleteObject(ref, propagationPolicy);
  },
  scale(ref: ObjectRef, replicas: number): CommandResult {
    return host.scale(ref, replicas);
  },
  restartRollout(ref: ObjectRef): CommandResult {
    return host.restartRollout(ref);
  },
  /** The scheduler's decision record for a pod, or undefined. */
  decisionRecord(namespace: string, podName: string): unknown {
    return host.decisionRecord(namespace, podName);
  },
};

export type WorkerServices = typeof services;

Comlink.expose(services);
