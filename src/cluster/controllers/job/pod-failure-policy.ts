/**
 * A Job's podFailurePolicy (k/k pkg/controller/job/pod_failure_policy.go): the first rule matching a
 * failed pod decides — `FailJob` fails the Job with a message naming the container and exit code (or the
 * pod condition) and the rule's index, `Ignore` does not count the failure against backoffLimit,
 * `Count` counts it as usual. No match counts it.
 */
import type { Pod } from '../replica-set/workload-types.ts';
import type { PodFailurePolicyRule } from './job-types.ts';

export interface PolicyMatch {
  /** Set when a FailJob rule matched: the Job's failure message. */
  failJobMessage?: string;
  /** Whether the failure counts against backoffLimit. */
  countFailed: boolean;
  action?: PodFailurePolicyRule['action'];
}

interface TerminatedStatus {
  name: string;
  state?: { terminated?: { exitCode?: number } };
}

function matchExitCodes(pod: Pod, req: NonNullable<PodFailurePolicyRule['onExitCodes']>): { name: string; exitCode: number } | undefined {
  const statuses = [...((pod.status?.containerStatuses ?? []) as TerminatedStatus[]), ...((pod.status?.initContainerStatuses as TerminatedStatus[] | undefined) ?? [])];
  for (const s of statuses) {
    const code = s.state?.terminated?.exitCode;
    if (code === undefined || code === 0) continue;
    if (req.containerName && req.containerName !== s.name) continue;
    const listed = req.values.includes(code);
    if ((req.operator === 'In' && listed) || (req.operator === 'NotIn' && !listed)) return { name: s.name, exitCode: code };
  }
  return undefined;
}

/** Matches a failed pod against the policy's rules, in order. */
export function matchPodFailurePolicy(rules: readonly PodFailurePolicyRule[] | undefined, pod: Pod): PolicyMatch {
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  for (const [index, rule] of (rules ?? []).entries()) {
    let describe: string | undefined;
    if (rule.onExitCodes) {
      const c = matchExitCodes(pod, rule.onExitCodes);
      if (c) describe = `Container ${c.name} for pod ${ns}/${name} failed with exit code ${c.exitCode}`;
    } else if (rule.onPodConditions) {
      const cond = (pod.status?.conditions ?? []).find((pc) => rule.onPodConditions!.some((p) => p.type === pc.type && p.status === pc.status));
      if (cond) describe = `Pod ${ns}/${name} has condition ${cond.type}`;
    }
    if (describe === undefined) continue;
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' };
      case 'Count':
        return { countFailed: true, action: 'Count' };
      case 'FailJob':
        return { countFailed: true, action: 'FailJob', failJobMessage: `${describe} matching FailJob rule at index ${index}` };
      default:
        // FailIndex needs backoffLimitPerIndex, which the sandbox does not model: count it.
        return { countFailed: true, action: rule.action };
    }
  }
  return { countFailed: true };
}
