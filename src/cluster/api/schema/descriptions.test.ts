import { describe, expect, it } from 'vitest';
import { loadDescriptions } from './descriptions.ts';
import { fieldAtPath, lookupKind, structOf } from './schema.ts';

describe('loadDescriptions', () => {
  it('describes definitions and fields by their first sentence', async () => {
    const describe = await loadDescriptions();
    expect(describe('apps.v1.DeploymentSpec')).toBe('DeploymentSpec is the specification of the desired behavior of the Deployment.');
    expect(describe('apps.v1.DeploymentSpec', 'replicas')).toBe('Number of desired pods.');
    expect(describe('meta.v1.ObjectMeta', 'labels')).toBe('Map of string keys and values that can be used to organize and categorize (scope and select) objects.');
    expect(describe('apps.v1.DeploymentSpec', 'nope')).toBeUndefined();
    expect(await loadDescriptions()).toBe(describe);
  });

  it('has a description for every field of the served kinds\' specs', async () => {
    const describe = await loadDescriptions();
    const podSpec = structOf(fieldAtPath(lookupKind('v1', 'Pod')!, 'spec')!.type)!;
    for (const name of podSpec.fields.keys()) expect(describe(podSpec.key, name), name).toMatch(/\S/);
  });
});
