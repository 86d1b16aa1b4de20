/**
 * The disruption controller (k/k pkg/controller/disruption, `disruption-controller`): keeps every
 * PodDisruptionBudget's status current — the selected pods that are healthy (Ready, not deleting, not
 * being evicted), how many must stay healthy (`minAvailable`, or the expected pods less
 * `maxUnavailable`; percentages scale by the owning controllers' replicas, rounded up), the
 * disruptions that leaves, the evictions still in flight (`disruptedPods`, forgotten after 2 minutes),
 * and the `DisruptionAllowed` condition (`SufficientPods` / `InsufficientPods`, or `SyncFailed` when
 * the expected count cannot be worked out).
 *
 * Pod events enqueue the budgets selecting the pod; budgets are reconciled by `namespace/name`.
 */
import type { KubeObject } from '../../api/types.ts';
import { Controller, type ControllerContext } from '../runtime/controller.ts';
import type { Informer } from '../../client/informer.ts';
import { splitKey } from '../../client/informer.ts';
import type { ReconcileResult } from '../../client/work-queue.ts';
import type { Pod } from '../replica-set/workload-types.ts';
import { clone } from '../../api/object-meta.ts';
import { isApiError } from '../../api/errors.ts';
import { pdbSelectsPod, setStatusCondition, DISRUPTION_ALLOWED_CONDITION, SYNC_FAILED_REASON, type PodDisruptionBudget } from './pdb-helpers.ts';
import { buildDisruptedPodMap, countHealthyPods, nextPdbStatus, scaledValue } from './pdb-status.ts';
import { expectedScale, type ObjectLookup } from './expected-scale.ts';
import { goLabelSelector } from './go-label-selector.ts';

export const DISRUPTION_CONTROLLER = 'disruption-controller';

const CACHED_KINDS: Record<string, [string, string]> = {
  ReplicationController: ['', 'replicationcontrollers'],
  ReplicaSet: ['apps', 'replicasets'],
  Deployment: ['apps', 'deployments'],
  StatefulSet: ['apps', 'statefulsets'],
};

export class DisruptionController extends Controller {
  readonly name = DISRUPTION_CONTROLLER;
  private pdbs!: Informer<PodDisruptionBudget>;
  private pods!: Informer<Pod>;
  private owners = new Map<string, Informer>();

  constructor(ctx: ControllerContext) {
    super(ctx, DISRUPTION_CONTROLLER);
  }

  start(): void {
    for (const [kind, [group, resource]] of Object.entries(CACHED_KINDS)) this.owners.set(kind, this.ctx.informers.get(group, resource));
    this.pdbs = this.ctx.informers.get<PodDisruptionBudget>('policy', 'poddisruptionbudgets');
    this.pods = this.ctx.informers.pods<Pod>();
    this.pdbs.addHandler({
      onAdd: (p) => this.enqueue(p),
      onUpdate: (_o, p) => this.enqueue(p),
      onDelete: (p) => this.enqueue(p),
    });
    this.pods.addHandler({
      onAdd: (pod) => this.podChanged(pod, true),
      onUpdate: (old, pod) => {
        this.podChanged(pod, false);
        if (!sameLabels(old, pod)) this.podChanged(old, false);
      },
      onDelete: (pod) => this.podChanged(pod, false),
    });
  }

  private budgetsFor(pod: KubeObject): PodDisruptionBudget[] {
    return this.pdbs
      .listIn(pod.metadata.namespace ?? '')
      .filter((p) => pdbSelectsPod(p, pod))
      .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  }

  private podChanged(pod: Pod, added: boolean): void {
    const budgets = this.budgetsFor(pod);
    for (const b of budgets) this.enqueue(b);
    if (added && budgets.length > 1) {
      this.recorder.event(pod, 'Warning', 'MultiplePodDisruptionBudgets', `Pod "${pod.metadata.namespace}"/"${pod.metadata.name}" matches multiple PodDisruptionBudgets.  Chose "${budgets[0]!.metadata.name}" arbitrarily.`);
    }
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const pdb = this.pdbs.getByName(namespace, name);
    if (!pdb) return;
    try {
      return this.trySync(pdb);
    } catch (e) {
      if (isApiError(e)) throw e; // a write failed: retry with back-off
      this.failSafe(pdb, e instanceof Error ? e.message : String(e));
    }
  }

  private trySync(pdb: PodDisruptionBudget): ReconcileResult | void {
    const now = this.ctx.clock.now();
    const pods = this.pods.listIn(pdb.metadata.namespace ?? '').filter((p) => pdbSelectsPod(pdb, p));
    if (pods.length === 0) this.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
    let counts: { expected: number; desired: number; unmanaged: string[] };
    try {
      counts = this.expectedPodCount(pdb, pods);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${message}`);
      throw e;
    }
    if (counts.unmanaged.length > 0) {
      this.recorder.event(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${goLabelSelector(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      );
    }
    const { disrupted, recheckAt, notDeleted } = buildDisruptedPodMap(pods, pdb, now);
    for (const pod of notDeleted) {
      this.recorder.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`);
    }
    const currentHealthy = countHealthyPods(pods, disrupted, now);
    const status = nextPdbStatus(pdb, { currentHealthy, desiredHealthy: counts.desired, expectedPods: counts.expected, disruptedPods: disrupted }, now);
    if (status) this.client.updateStatus({ ...clone(pdb), status });
    if (recheckAt !== undefined) return { requeueAfter: Math.max(0, recheckAt - now) };
  }

  /** getExpectedPodCount: expected pods and the healthy pods the budget asks for. */
  private expectedPodCount(pdb: PodDisruptionBudget, pods: readonly Pod[]): { expected: number; desired: number; unmanaged: string[] } {
    const spec = pdb.spec ?? {};
    if (spec.maxUnavailable !== undefined) {
      const { expected, unmanaged } = expectedScale(pods, this.lookup);
      const maxUnavailable = scaledValue(spec.maxUnavailable, expected, true);
      return { expected, desired: Math.max(0, expected - maxUnavailable), unmanaged };
    }
    if (typeof spec.minAvailable === 'number') return { expected: pods.length, desired: spec.minAvailable, unmanaged: [] };
    if (typeof spec.minAvailable === 'string') {
      const { expected, unmanaged } = expectedScale(pods, this.lookup);
      return { expected, desired: scaledValue(spec.minAvailable, expected, true), unmanaged };
    }
    return { expected: 0, desired: 0, unmanaged: [] };
  }

  private readonly lookup: ObjectLookup = (apiVersion, kind, namespace, name) => {
    const cached = CACHED_KINDS[kind];
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    const inf = cached && cached[0] === group ? this.owners.get(kind) : undefined;
    return inf ? inf.getByName(namespace, name) : this.client.get({ apiVersion, kind }, namespace, name);
  };

  /** failSafe: no disruptions while the budget cannot be worked out, and say why. */
  private failSafe(pdb: PodDisruptionBudget, message: string): void {
    const next = clone(pdb);
    const status = (next.status ??= { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
    status.disruptionsAllowed = 0;
    status.conditions ??= [];
    setStatusCondition(
      status.conditions,
      { type: DISRUPTION_ALLOWED_CONDITION, status: 'False', ...(status.observedGeneration ? { observedGeneration: status.observedGeneration } : {}), reason: SYNC_FAILED_REASON, message },
      this.ctx.clock.now(),
    );
    this.client.updateStatus(next);
  }
}

function sameLabels(a: KubeObject, b: KubeObject): boolean {
  const la = a.metadata.labels ?? {};
  const lb = b.metadata.labels ?? {};
  const ka = Object.keys(la);
  return ka.length === Object.keys(lb).length && ka.every((k) => la[k] === lb[k]);
}
