/**
 * Controller expectations (k/k pkg/controller/controller_utils.go ControllerExpectations and
 * UIDTrackingControllerExpectations): after asking for N creates or deletes, a controller does not act
 * on its key again until its informer has seen them all — or 5 minutes have passed — so a cache that
 * lags behind the controller's own writes never makes it create or delete twice.
 *
 * Deletions are tracked by pod key, so a pod seen first as "deletionTimestamp set" and then as gone is
 * counted once.
 */

/** If a watch event is lost, a controller waits at most this long (ExpectationsTimeout). */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  timestamp: number;
  /** Pod keys whose deletion is awaited. */
  deleteKeys: Set<string>;
}

export class ControllerExpectations {
  private store = new Map<string, Expectation>();

  constructor(private readonly now: () => number) {}

  /**
   * True when the controller may act on `key`: no expectations recorded, all observed, or expired.
   */
  satisfied(key: string): boolean {
    const e = this.store.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.now() - e.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  /** Expects `adds` creations (replacing whatever was expected before). */
  expectCreations(key: string, adds: number): void {
    this.store.set(key, { add: adds, del: 0, timestamp: this.now(), deleteKeys: new Set() });
  }

  /** Expects the deletion of exactly these pods (replacing whatever was expected before). */
  expectDeletions(key: string, podKeys: readonly string[]): void {
    const deleteKeys = new Set(podKeys);
    this.store.set(key, { add: 0, del: deleteKeys.size, timestamp: this.now(), deleteKeys });
  }

  /** One expected creation was seen (or will never happen). */
  creationObserved(key: string): void {
    const e = this.store.get(key);
    if (e) e.add--;
  }

  /** The pod `podKey` was seen deleted; counted once per expected key. */
  deletionObserved(key: string, podKey: string): void {
    const e = this.store.get(key);
    if (e && e.deleteKeys.delete(podKey)) e.del--;
  }

  /** Forgets a controller's expectations (its object is gone). */
  delete(key: string): void {
    this.store.delete(key);
  }

  /** What is still expected, for tests and the inspector. */
  pending(key: string): { add: number; del: number } | undefined {
    const e = this.store.get(key);
    return e ? { add: e.add, del: e.del } : undefined;
  }
}
