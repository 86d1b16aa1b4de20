/**
 * DefaultBinder: produces the Binding the scheduler POSTs to `pods/<name>/binding`. Performing the
 * request is the caller's job (the API client), so this stays pure.
 */
import type { IBinding } from 'kubernetes-models/v1/Binding';
import type { CycleState } from '../../framework/cycle-state.ts';
import type { BindPlugin } from '../../framework/interfaces.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import type { MaybeStatus } from '../../framework/status.ts';
import * as names from '../../names.ts';

export const NAME = names.DefaultBinder;

/** The Binding for `pod` onto `nodeName`, as DefaultBinder.Bind builds it. */
export function makeBinding(pod: PodInfo, nodeName: string): IBinding {
  return {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { namespace: pod.namespace, name: pod.name, uid: pod.pod.metadata?.uid },
    target: { kind: 'Node', name: nodeName },
  };
}

export class DefaultBinder implements BindPlugin {
  readonly name = NAME;

  bind(_state: CycleState, pod: PodInfo, nodeName: string): { binding?: IBinding; status: MaybeStatus } {
    return { binding: makeBinding(pod, nodeName), status: null };
  }
}

new DefaultBinder() satisfies BindPlugin;
