/**
 * kube-scheduler, as a pure library. What the scheduler loop (wired by the cluster) uses:
 *
 *   informers --(nodes, assigned pods)--> SchedulerCache --updateSnapshot--> Snapshot
 *   informers --(unassigned pods, events)--> SchedulingQueue --pop--> scheduleOne(pod, snapshot, fw, rng)
 *   Scheduled:     cache.assumePod, POST result.binding to pods/binding, queue.done;
 *                  on bind failure cache.forgetPod and queue.addUnschedulableIfNotPresent(qpi, new Set()).
 *   Unschedulable: event FailedScheduling + PodScheduled=False/Unschedulable with result.message;
 *                  queue.addUnschedulableIfNotPresent(qpi, result.diagnosis.unschedulablePlugins);
 *                  if result.postFilter.nominatedNodeName: evict result.postFilter.victims (DisruptionTarget
 *                  condition + Preempted event), set status.nominatedNodeName, queue.addNominatedPod.
 *   Every attempt: keep result.record (DecisionRecord) for the UI.
 */
export * as names from './names.ts';
export { DEFAULT_PLUGINS, DEFAULT_WEIGHTS, REGISTRY, newDefaultFramework, type ProfileOptions } from './registry.ts';
export { scheduleOne, numFeasibleNodesToFind, selectHost, type ScheduleOptions, type ScheduleResult } from './schedule-one.ts';
export { Framework, type FrameworkOptions, type PodNominator } from './framework/framework.ts';
export { SchedulerCache } from './framework/scheduler-cache.ts';
export { Snapshot } from './framework/snapshot.ts';
export { NodeInfo } from './framework/node-info.ts';
export { PodInfo } from './framework/pod-info.ts';
export { CycleState } from './framework/cycle-state.ts';
export { makePluginContext, type PluginContext, type TaintMessageStyle } from './framework/plugin-context.ts';
export { fitErrorMessage, type Diagnosis } from './framework/fit-error.ts';
export type * from './framework/decision-record.ts';
export type { Code, Status } from './framework/status.ts';
export type { ClusterEvent } from './framework/events.ts';
export { nodeUpdateEvents, assignedPodUpdateEvents, NODE_ADD, NODE_DELETE, ASSIGNED_POD_ADD, ASSIGNED_POD_DELETE } from './framework/cluster-events.ts';
export { SchedulingQueue, type PendingPodEntry, type QueueName } from './queue/scheduling-queue.ts';
export { backoffDuration } from './queue/backoff.ts';
export type { QueuedPodInfo } from './framework/interfaces.ts';
