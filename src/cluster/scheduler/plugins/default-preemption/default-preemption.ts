/**
 * DefaultPreemption: the PostFilter that, when no node fits, looks for lower-priority pods to evict
 * (see preemption/evaluator.ts). Its message is prefixed `preemption: ` and appended to the
 * FailedScheduling message, e.g.
 * `preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`
 */
import type { CycleState } from '../../framework/cycle-state.ts';
import type { PostFilterContext, PostFilterPlugin, PostFilterResult } from '../../framework/interfaces.ts';
import type { NodeToStatus } from '../../framework/node-to-status.ts';
import type { PluginContext } from '../../framework/plugin-context.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { newStatus, statusMessage, type Status } from '../../framework/status.ts';
import * as names from '../../names.ts';
import { preempt } from '../../preemption/evaluator.ts';

export const NAME = names.DefaultPreemption;

export class DefaultPreemption implements PostFilterPlugin {
  readonly name = NAME;

  constructor(private readonly ctx: Pick<PluginContext, 'listPDBs' | 'now'>) {}

  postFilter(state: CycleState, pod: PodInfo, filtered: NodeToStatus, pctx: PostFilterContext): { result?: PostFilterResult; status: Status } {
    const out = preempt(state, pod, filtered, pctx, this.ctx);
    const msg = statusMessage(out.status);
    if (msg.length > 0) return { result: out.result, status: newStatus(out.status.code, `preemption: ${msg}`) };
    return { result: out.result, status: out.status };
  }
}

new DefaultPreemption({ listPDBs: () => [], now: () => 0 }) satisfies PostFilterPlugin;
