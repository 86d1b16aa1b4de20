/**
 * The images one node holds and its image puller. Pulls are serialised, as the kubelet's default
 * (serializeImagePulls: true) makes them: a pull waits for the one before it, and the Pulled event
 * reports both the pull's own time and the time including that wait.
 */
import type { Rng } from '../sim/rng.ts';
import { imageID, imageSize, parseImage, type ImageRef } from './image-catalog.ts';

export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

/** The kubelet reports at most this many images (nodeStatusMaxImages). */
export const MAX_REPORTED_IMAGES = 50;

export class ImageStore {
  private images = new Map<string, NodeImage>();
  private busyUntil = 0;
  /** When the queued pull of each image finishes: later pulls of it find the layers on disk. */
  private queued = new Map<string, number>();
  /** Bumped when the set of images changes, so node status knows to repost. */
  version = 0;

  constructor(private readonly rng: Rng) {}

  has(ref: ImageRef): boolean {
    return this.images.has(ref.full);
  }

  add(ref: ImageRef): void {
    this.queued.delete(ref.full);
    if (this.images.has(ref.full)) return;
    this.images.set(ref.full, { names: [imageID(ref), ref.full], sizeBytes: imageSize(ref) });
    this.version++;
  }

  /** Pre-pulled images (no events). */
  preload(images: readonly string[]): void {
    for (const i of images) {
      const ref = parseImage(i);
      if (!('error' in ref)) this.add(ref);
    }
  }

  /**
   * Books a pull of `ref` requested at `nowMs`: returns when it finishes and how long the pull itself
   * took. A cached image (imagePullPolicy Always) only checks the manifest; a missing one fails quickly.
   */
  schedulePull(ref: ImageRef, nowMs: number, fails: boolean): { doneAt: number; pullMs: number } {
    const start = Math.max(nowMs, this.busyUntil);
    let pullMs: number;
    const earlier = this.queued.get(ref.full);
    if (fails) pullMs = this.rng.range(300, 1200);
    else if (this.has(ref) || (earlier !== undefined && earlier <= start)) pullMs = this.rng.range(100, 500);
    else {
      const bandwidth = this.rng.range(25, 75) * 1000; // bytes per ms
      pullMs = this.rng.range(400, 1200) + Math.round(imageSize(ref) / bandwidth);
    }
    this.busyUntil = start + pullMs;
    if (!fails && earlier === undefined) this.queued.set(ref.full, start + pullMs);
    return { doneAt: start + pullMs, pullMs };
  }

  /** Forgets pulls in flight (the machine went down). */
  resetPuller(): void {
    this.busyUntil = 0;
    this.queued.clear();
  }

  /** status.images: largest first, at most 50. */
  list(): NodeImage[] {
    return [...this.images.values()]
      .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[1] ?? '').localeCompare(b.names[1] ?? ''))
      .slice(0, MAX_REPORTED_IMAGES)
      .map((i) => ({ names: [...i.names], sizeBytes: i.sizeBytes }));
  }
}
