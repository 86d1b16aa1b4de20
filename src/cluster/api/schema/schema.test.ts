import { describe, expect, it } from 'vitest';
import { fieldAtPath, lookupDefinition, lookupKind, servedKinds, structOf } from './schema.ts';

describe('schema', () => {
  it('serves the 41 kinds of the brief', () => {
    expect(servedKinds()).toHaveLength(41);
    expect(servedKinds()).toContainEqual(['autoscaling/v1', 'HorizontalPodAutoscaler']);
    expect(servedKinds()).toContainEqual(['autoscaling/v2', 'HorizontalPodAutoscaler']);
    expect(servedKinds()).toContainEqual(['v1', 'DeleteOptions']);
  });

  it('looks kinds up by apiVersion as written in manifests', () => {
    const deployment = lookupKind('apps/v1', 'Deployment');
    expect(deployment?.kind).toBe('object');
    expect(deployment?.goType).toBe('v1.Deployment');
    expect(structOf(deployment!)?.goName).toBe('Deployment');
    expect(lookupKind('apps/v1', 'Deployment')).toBe(deployment);
    expect(lookupKind('v1', 'Deployment')).toBeUndefined();
    expect(lookupKind('batch/v1beta1', 'CronJob')).toBeUndefined();
    expect(structOf(lookupKind('autoscaling/v2', 'HorizontalPodAutoscaler')!)?.key).toBe('autoscaling.v2.HorizontalPodAutoscaler');
  });

  it.each([
    ['apps/v1', 'Deployment', 'spec.replicas', 'int32', 'int32', false],
    ['apps/v1', 'Deployment', 'spec.selector', 'object', 'v1.LabelSelector', true],
    ['apps/v1', 'Deployment', 'spec.template.spec.containers', 'array', '[]v1.Container', true],
    ['apps/v1', 'Deployment', 'spec.template.spec.containers[0].ports.containerPort', 'int32', 'int32', true],
    ['apps/v1', 'Deployment', 'spec.strategy.rollingUpdate.maxSurge', 'IntOrString', 'intstr.IntOrString', false],
    ['v1', 'Pod', 'spec.containers.resources.limits', 'map', 'v1.ResourceList', false],
    ['v1', 'Pod', 'spec.activeDeadlineSeconds', 'int64', 'int64', false],
    ['v1', 'Pod', 'metadata.labels', 'map', 'map[string]string', false],
    ['v1', 'Pod', 'metadata.creationTimestamp', 'Time', 'v1.Time', false],
    ['v1', 'Secret', 'data', 'map', 'map[string][]uint8', false],
    ['v1', 'PersistentVolumeClaim', 'spec.accessModes', 'array', '[]v1.PersistentVolumeAccessMode', false],
    ['apps/v1', 'ControllerRevision', 'data', 'any', 'runtime.RawExtension', false],
    ['apps/v1', 'StatefulSet', 'spec.volumeClaimTemplates.spec.resources.requests', 'map', 'v1.ResourceList', false],
  ])('%s %s %s is %s (%s)', (apiVersion, kind, path, type, goType, required) => {
    const field = fieldAtPath(lookupKind(apiVersion, kind)!, path);
    expect(field).toBeDefined();
    const t = field!.type;
    expect(t.kind === 'primitive' ? t.name : t.kind).toBe(type);
    expect(t.goType).toBe(goType);
    expect(field!.required).toBe(required);
  });

  it('knows element types and embedded structs', () => {
    const limits = fieldAtPath(lookupKind('v1', 'Pod')!, 'spec.containers.resources.limits')!.type;
    expect(limits.kind === 'map' && limits.of.goType).toBe('resource.Quantity');
    const modes = fieldAtPath(lookupKind('v1', 'PersistentVolume')!, 'spec.accessModes')!.type;
    expect(modes.kind === 'array' && modes.of.goType).toBe('v1.PersistentVolumeAccessMode');
    expect(fieldAtPath(lookupKind('v1', 'Pod')!, 'spec.containers.livenessProbe.httpGet')?.embeddedIn).toBe('ProbeHandler');
    expect(fieldAtPath(lookupKind('v1', 'Pod')!, 'spec.volumes.configMap')?.embeddedIn).toBe('VolumeSource');
    expect(fieldAtPath(lookupKind('v1', 'Pod')!, 'spec.volumes.name')?.embeddedIn).toBeUndefined();
    expect(fieldAtPath(lookupKind('v1', 'Pod')!, 'kind')?.embeddedIn).toBe('TypeMeta');
    expect(fieldAtPath(lookupKind('v1', 'Pod')!, 'spec.restartPolicy')?.enum).toEqual(['Always', 'Never', 'OnFailure']);
  });

  it('returns undefined for paths that name no field', () => {
    expect(fieldAtPath(lookupKind('v1', 'Pod')!, 'spec.replicas')).toBeUndefined();
    expect(fieldAtPath(lookupKind('v1', 'Pod')!, 'metadata.name.length')).toBeUndefined();
  });

  it('shares definitions by reference', () => {
    const podSpec = lookupDefinition('core.v1.PodSpec');
    expect(podSpec?.goName).toBe('PodSpec');
    const fromPod = fieldAtPath(lookupKind('v1', 'Pod')!, 'spec')!.type;
    const fromTemplate = fieldAtPath(lookupKind('apps/v1', 'Deployment')!, 'spec.template.spec')!.type;
    expect(fromPod.kind === 'object' && fromPod.def).toBe(podSpec);
    expect(fromTemplate.kind === 'object' && fromTemplate.def).toBe(podSpec);
  });
});
