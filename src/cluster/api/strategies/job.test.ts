import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.ts';
import { JOB_DELETE_WARNING, jobStrategy } from './job.ts';
import { create, stored, update } from './strategy-harness.ts';

const UID = '5f0c4e3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';

/** The pi Job of the Kubernetes docs (controllers/job.yaml). */
function pi(spec: Record<string, unknown> = {}, templateSpec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default' },
    spec: {
      template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }], restartPolicy: 'Never', ...templateSpec } },
      backoffLimit: 4,
      ...spec,
    },
  };
}

describe('job defaults and generated selector', () => {
  it('fills the 1.32 defaults and the controller labels', () => {
    const { obj, errors } = create(jobStrategy, pi());
    expect(errors).toEqual([]);
    const labels = {
      'batch.kubernetes.io/controller-uid': UID,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': UID,
      'job-name': 'pi',
    };
    expect(obj.metadata.labels).toEqual(labels);
    const spec = obj.spec as Record<string, unknown>;
    expect(spec).toMatchObject({
      backoffLimit: 4,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } },
      suspend: false,
    });
    expect((spec.template as { metadata: unknown }).metadata).toEqual({ labels });
    expect(obj.status).toEqual({});
  });

  it.each<[Record<string, unknown>, number | undefined, number]>([
    [{}, 1, 1],
    [{ parallelism: 3 }, undefined, 3],
    [{ completions: 5 }, 5, 1],
  ])('completions/parallelism from %j', (spec, completions, parallelism) => {
    const out = create(jobStrategy, pi(spec)).obj.spec as { completions?: number; parallelism: number; backoffLimit: number };
    expect(out.completions).toBe(completions);
    expect(out.parallelism).toBe(parallelism);
  });

  it('orphans pods by default with a warning', () => {
    expect(jobStrategy.defaultPropagation).toBe('Orphan');
    expect(jobStrategy.deleteWarning).toBe(JOB_DELETE_WARNING);
  });
});

describe('job validation', () => {
  it.each<[string, KubeObject, string[]]>([
    ['restartPolicy unset', pi({}, { restartPolicy: undefined }), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy Always', pi({}, { restartPolicy: 'Always' }), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['negative backoffLimit', pi({ backoffLimit: -1 }), ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['completion mode', pi({ completionMode: 'Sometimes' }), ['spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"']],
    [
      'user selector without manualSelector',
      pi({ selector: { matchLabels: { app: 'pi' } } }),
      [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"pi", "batch.kubernetes.io/controller-uid":"5f0c4e3a-1b2c-4d5e-8f90-a1b2c3d4e5f6"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated',
        `spec.template.metadata.labels: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${UID}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"${UID}", "job-name":"pi"}: \`selector\` does not match template \`labels\``,
      ],
    ],
    [
      'manual selector must match',
      pi({ manualSelector: true, selector: { matchLabels: { app: 'pi' } } }),
      ['spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`'],
    ],
  ])('%s', (_n, obj, expected) => {
    expect(create(jobStrategy, obj).errors).toEqual(expected);
  });
});

describe('job update', () => {
  const old = stored(jobStrategy, pi());
  it('allows parallelism and suspend changes', () => {
    const next = structuredClone(old);
    Object.assign(next.spec as object, { parallelism: 2, suspend: true });
    expect(update(jobStrategy, next, old).errors).toEqual([]);
  });
  it('keeps the template immutable', () => {
    const next = structuredClone(old);
    (next.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image = 'perl:5.36';
    expect(update(jobStrategy, next, old).errors).toEqual(['spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable']);
  });
  it('keeps completions immutable for NonIndexed jobs', () => {
    const next = structuredClone(old);
    (next.spec as { completions: number }).completions = 3;
    expect(update(jobStrategy, next, old).errors).toEqual(['spec.completions: Invalid value: 3: field is immutable']);
  });
});
