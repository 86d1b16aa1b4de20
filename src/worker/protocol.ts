/**
 * What crosses the worker boundary: plain data only (structured-clone safe), never class instances or
 * functions. The UI imports these types; the worker produces them.
 */
import type { KubeObject } from '../cluster/api/types.ts';

/** One stored object as the UI mirrors it: the object plus its store key. */
export interface MirroredObject {
  key: string;
  object: KubeObject;
}

/** The first message a subscriber gets: every object, at one revision. */
export interface Snapshot {
  revision: number;
  /** Virtual time, ms since the epoch. */
  time: number;
  objects: MirroredObject[];
  speed: number;
  paused: boolean;
}

/** Changes since the previous delta, batched (at most one per frame). */
export interface Delta {
  revision: number;
  time: number;
  added: MirroredObject[];
  updated: MirroredObject[];
  /** Store keys of removed objects. */
  removed: string[];
  speed: number;
  paused: boolean;
}

/** The outcome of one document of an apply, worded as kubectl words it. */
export interface ApplyOutcome {
  /** 0-based document index in the dropped text. */
  index: number;
  /** 1-based line where the document starts. */
  line: number;
  /** `deployment.apps/web created`, when it worked. */
  message?: string;
  /** kubectl's error text, when it failed. */
  error?: string;
  /** Line (and column) the error points at, where known. */
  errorLine?: number;
  errorColumn?: number;
}

export interface ApplyResult {
  source: string;
  outcomes: ApplyOutcome[];
}
