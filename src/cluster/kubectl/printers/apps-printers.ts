/**
 * apps/v1 tables (printers.go printDeployment, printReplicaSet, printStatefulSet, printDaemonSet):
 * deployments NAME READY UP-TO-DATE AVAILABLE AGE; replicasets NAME DESIRED CURRENT READY AGE;
 * statefulsets NAME READY AGE; daemonsets NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR
 * AGE — each with CONTAINERS IMAGES (SELECTOR) under -o wide.
 */
import type { KubeObject } from '../../api/types.ts';
import { ageCol, col, CONTAINERS_DESCRIPTION, IMAGES_DESCRIPTION, nameCol, type Printer } from './table.ts';
import { translateTimestampSince } from './human-duration.ts';
import { arr, field, formatLabels, formatLabelSelector, int, layoutContainerCells, rec, selectorString } from './format.ts';
import type { LabelSelectorLike } from '../../api/labels/selector.ts';

const containersCol = () => col('Containers', 'string', CONTAINERS_DESCRIPTION, 1);
const imagesCol = () => col('Images', 'string', IMAGES_DESCRIPTION, 1);

function templateContainers(obj: KubeObject) {
  return layoutContainerCells(arr(field(obj, 'spec', 'template', 'spec', 'containers')));
}

/** Deployments print `selector.String()`; the others metav1.FormatLabelSelector (`<none>` when empty). */
function selectorOf(obj: KubeObject): string {
  const sel = field(obj, 'spec', 'selector') as LabelSelectorLike | undefined;
  return obj.kind === 'Deployment' ? selectorString(sel) : formatLabelSelector(sel);
}

function age(obj: KubeObject, nowMs: number): string {
  return translateTimestampSince(obj.metadata.creationTimestamp, nowMs);
}

export const deploymentPrinter: Printer = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'integer', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    col('Available', 'integer', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    ageCol(),
    containersCol(),
    imagesCol(),
    col('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', 1),
  ],
  row: (d, nowMs) => {
    const [names, images] = templateContainers(d);
    const s = (d.status ?? {}) as Record<string, unknown>;
    return {
      cells: [d.metadata.name ?? '', `${int(s.readyReplicas)}/${int(field(d, 'spec', 'replicas'))}`, int(s.updatedReplicas), int(s.availableReplicas), age(d, nowMs), names, images, selectorOf(d)],
    };
  },
};

export const replicaSetPrinter: Printer = {
  columns: [
    nameCol(),
    col('Desired', 'integer', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1.'),
    col('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    col('Ready', 'integer', 'The number of ready replicas for this replica set.'),
    ageCol(),
    containersCol(),
    imagesCol(),
    col('Selector', 'string', 'Selector is a label query over pods that should match the replica count.', 1),
  ],
  row: (rs, nowMs) => {
    const [names, images] = templateContainers(rs);
    const s = (rs.status ?? {}) as Record<string, unknown>;
    return { cells: [rs.metadata.name ?? '', int(field(rs, 'spec', 'replicas')), int(s.replicas), int(s.readyReplicas), age(rs, nowMs), names, images, selectorOf(rs)] };
  },
};

export const statefulSetPrinter: Printer = {
  columns: [nameCol(), col('Ready', 'string', 'Number of the pod with ready state'), ageCol(), containersCol(), imagesCol()],
  row: (sts, nowMs) => {
    const [names, images] = templateContainers(sts);
    return { cells: [sts.metadata.name ?? '', `${int(field(sts, 'status', 'readyReplicas'))}/${int(field(sts, 'spec', 'replicas'))}`, age(sts, nowMs), names, images] };
  },
};

export const daemonSetPrinter: Printer = {
  columns: [
    nameCol(),
    col('Desired', 'integer', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod).'),
    col('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
    col('Ready', 'integer', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    col('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    col('Node Selector', 'string', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node."),
    ageCol(),
    containersCol(),
    imagesCol(),
    col('Selector', 'string', 'A label query over pods that are managed by the daemon set.', 1),
  ],
  row: (ds, nowMs) => {
    const [names, images] = templateContainers(ds);
    const s = (ds.status ?? {}) as Record<string, unknown>;
    return {
      cells: [
        ds.metadata.name ?? '',
        int(s.desiredNumberScheduled),
        int(s.currentNumberScheduled),
        int(s.numberReady),
        int(s.updatedNumberScheduled),
        int(s.numberAvailable),
        formatLabels(rec(field(ds, 'spec', 'template', 'spec', 'nodeSelector'))),
        age(ds, nowMs),
        names,
        images,
        selectorOf(ds),
      ],
    };
  },
};
