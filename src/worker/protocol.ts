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
  /** Requests, watch events and control-plane figures since the previous delta. */
  activity?: DeltaActivity;
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

/** Who made requests in one batch, counted: the UI's live figures and request flows come from these. */
export interface RequestTally {
  /** `replicaset-controller`, `kube-scheduler`, `kubelet/worker-1`, `kubectl-client-side-apply`. */
  actor: string;
  component: 'user' | 'kube-apiserver' | 'kube-scheduler' | 'kube-controller-manager' | 'kubelet' | 'sandbox';
  /** get, list, watch, create, update, patch, delete, deletecollection. */
  verb: string;
  resource: string;
  subresource?: string;
  /** How many of these requests in the batch. */
  count: number;
  /** How many of them failed (HTTP code >= 400). */
  errors: number;
}

/** Store changes in one batch that watchers heard about, per resource (`pods`, `minions`, ...). */
export interface WatchTally {
  resource: string;
  count: number;
  /** For pods: the nodes whose kubelets watch the changed pods (by `spec.nodeName`). */
  nodes?: string[];
}

/** What the control plane is doing right now; absent figures mean that part is not wired yet. */
export interface HostStats {
  store: { keys: number; approxBytes: number; revision: number };
  scheduler?: { active: number; backoff: number; unschedulable: number };
  controllers?: { name: string; depth: number; processed: number }[];
}

/** Activity since the previous delta. Optional so older deltas stay valid. */
export interface DeltaActivity {
  requests: RequestTally[];
  watch: WatchTally[];
  stats: HostStats;
}

/** The answer to a command: worded as kubectl prints it (`node/worker-1 cordoned`). */
export interface CommandResult {
  ok: boolean;
  message: string;
}

/** A node size for "Add node". */
export interface NodeSpec {
  name?: string;
  /** Cores, e.g. 4. */
  cpu: number;
  /** Memory in GiB, e.g. 8. */
  memory: number;
  /** Max pods, e.g. 110. */
  pods: number;
}

/** A reference to one object, by the resource the API server serves it under. */
export interface ObjectRef {
  group: string;
  resource: string;
  namespace?: string;
  name: string;
}
