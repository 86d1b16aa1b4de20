/**
 * The plugin registry and the default profile (k/k pkg/scheduler/framework/plugins/registry.go and
 * apis/config/v1/default_plugins.go): every in-tree plugin we model, in the default profile's order,
 * with the default score weights.
 */
import { Framework, type FrameworkOptions } from './framework/framework.ts';
import type { Plugin } from './framework/interfaces.ts';
import { makePluginContext, type PluginContext } from './framework/plugin-context.ts';
import * as names from './names.ts';
import { DefaultBinder } from './plugins/default-binder/default-binder.ts';
import { DefaultPreemption } from './plugins/default-preemption/default-preemption.ts';
import { ImageLocality } from './plugins/image-locality/image-locality.ts';
import { InterPodAffinity } from './plugins/inter-pod-affinity/inter-pod-affinity.ts';
import { NodeAffinity } from './plugins/node-affinity/node-affinity.ts';
import { NodeName } from './plugins/node-name/node-name.ts';
import { NodePorts } from './plugins/node-ports/node-ports.ts';
import { NodeResourcesBalancedAllocation } from './plugins/node-resources-balanced-allocation/node-resources-balanced-allocation.ts';
import { NodeResourcesFit } from './plugins/node-resources-fit/node-resources-fit.ts';
import { NodeUnschedulable } from './plugins/node-unschedulable/node-unschedulable.ts';
import { PodTopologySpread } from './plugins/pod-topology-spread/pod-topology-spread.ts';
import { PrioritySort } from './plugins/priority-sort/priority-sort.ts';
import { SchedulingGates } from './plugins/scheduling-gates/scheduling-gates.ts';
import { TaintToleration } from './plugins/taint-toleration/taint-toleration.ts';
import { VolumeBinding } from './plugins/volume-binding/volume-binding.ts';

export type PluginFactory = (ctx: PluginContext) => Plugin;

/** Factories by plugin name. */
export const REGISTRY: Readonly<Record<string, PluginFactory>> = {
  [names.SchedulingGates]: () => new SchedulingGates(),
  [names.PrioritySort]: () => new PrioritySort(),
  [names.NodeUnschedulable]: () => new NodeUnschedulable(),
  [names.NodeName]: () => new NodeName(),
  [names.TaintToleration]: (ctx) => new TaintToleration(ctx),
  [names.NodeAffinity]: () => new NodeAffinity(),
  [names.NodePorts]: () => new NodePorts(),
  [names.NodeResourcesFit]: () => new NodeResourcesFit(),
  [names.VolumeBinding]: (ctx) => new VolumeBinding(ctx),
  [names.PodTopologySpread]: (ctx) => new PodTopologySpread(ctx),
  [names.InterPodAffinity]: (ctx) => new InterPodAffinity(ctx),
  [names.DefaultPreemption]: (ctx) => new DefaultPreemption(ctx),
  [names.NodeResourcesBalancedAllocation]: () => new NodeResourcesBalancedAllocation(),
  [names.ImageLocality]: () => new ImageLocality(),
  [names.DefaultBinder]: () => new DefaultBinder(),
};

/**
 * The default profile's plugins in order (VolumeRestrictions, NodeVolumeLimits and VolumeZone are
 * not modelled). Filter plugins run in this order, which decides each rejected node's reason.
 */
export const DEFAULT_PLUGINS: readonly string[] = [
  names.SchedulingGates,
  names.PrioritySort,
  names.NodeUnschedulable,
  names.NodeName,
  names.TaintToleration,
  names.NodeAffinity,
  names.NodePorts,
  names.NodeResourcesFit,
  names.VolumeBinding,
  names.PodTopologySpread,
  names.InterPodAffinity,
  names.DefaultPreemption,
  names.NodeResourcesBalancedAllocation,
  names.ImageLocality,
  names.DefaultBinder,
];

/** Default score weights. */
export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = {
  [names.TaintToleration]: 3,
  [names.NodeAffinity]: 2,
  [names.PodTopologySpread]: 2,
  [names.InterPodAffinity]: 2,
  [names.NodeResourcesFit]: 1,
  [names.NodeResourcesBalancedAllocation]: 1,
  [names.ImageLocality]: 1,
};

export interface ProfileOptions extends FrameworkOptions {
  /** Plugin names to leave out of the default list. */
  readonly disabled?: readonly string[];
}

/** A Framework with the default profile, wired to `ctx` for lookups outside the snapshot. */
export function newDefaultFramework(ctx: Partial<PluginContext> = {}, opts: ProfileOptions = {}): Framework {
  const full = makePluginContext(ctx);
  const disabled = new Set(opts.disabled ?? []);
  const plugins = DEFAULT_PLUGINS.filter((n) => !disabled.has(n)).map((n) => REGISTRY[n]!(full));
  return new Framework(plugins, { ...opts, weights: { ...DEFAULT_WEIGHTS, ...opts.weights } });
}
