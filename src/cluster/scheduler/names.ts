/** Plugin names, exactly as kube-scheduler's (k/k pkg/scheduler/framework/plugins/names/names.go). */
export const PrioritySort = 'PrioritySort';
export const SchedulingGates = 'SchedulingGates';
export const NodeUnschedulable = 'NodeUnschedulable';
export const NodeName = 'NodeName';
export const TaintToleration = 'TaintToleration';
export const NodeAffinity = 'NodeAffinity';
export const NodePorts = 'NodePorts';
export const NodeResourcesFit = 'NodeResourcesFit';
export const NodeResourcesBalancedAllocation = 'NodeResourcesBalancedAllocation';
export const ImageLocality = 'ImageLocality';
export const PodTopologySpread = 'PodTopologySpread';
export const InterPodAffinity = 'InterPodAffinity';
export const VolumeBinding = 'VolumeBinding';
export const DefaultPreemption = 'DefaultPreemption';
export const DefaultBinder = 'DefaultBinder';
