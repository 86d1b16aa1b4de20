import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../replica-set/workload-types.ts';
import { findRevision, rollbackTo, rolloutHistory, rolloutStatus } from './rollout-status.ts';

function dep(status: Deployment['status'], generation = 2, replicas = 3): Deployment {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', uid: 'd1', generation }, spec: { replicas }, status };
}

describe('rolloutStatus (kubectl rollout status)', () => {
  it.each([
    [{ observedGeneration: 1 }, false, 'Waiting for deployment spec update to be observed...'],
    [{ observedGeneration: 2, replicas: 4, updatedReplicas: 1 }, false, 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...'],
    [{ observedGeneration: 2, replicas: 4, updatedReplicas: 3 }, false, 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...'],
    [{ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }, false, 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...'],
    [{ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }, true, 'deployment "web" successfully rolled out'],
  ])('%j -> %s', (status, done, message) => {
    expect(rolloutStatus(dep(status))).toEqual({ done, message });
  });

  it('fails once the progress deadline is exceeded', () => {
    const s = rolloutStatus(dep({ observedGeneration: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }));
    expect(s).toEqual({ done: false, message: 'error: deployment "web" exceeded its progress deadline', error: 'deployment "web" exceeded its progress deadline' });
  });
});

describe('rollout undo and history', () => {
  const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }];
  const rs = (rev: string, image: string, cause?: string): ReplicaSet => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `web-${rev}`, ownerReferences: owner, annotations: { 'deployment.kubernetes.io/revision': rev, ...(cause ? { 'kubernetes.io/change-cause': cause } : {}) } },
    spec: { template: { metadata: { labels: { app: 'web', 'pod-template-hash': `h${rev}` } }, spec: { containers: [{ name: 'web', image }] } } },
  });
  const rss = [rs('1', 'nginx:1.26', 'first'), rs('2', 'nginx:1.27'), rs('3', 'nginx:1.28')];
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', uid: 'd1', annotations: { 'deployment.kubernetes.io/revision': '3' } },
    spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } },
  };

  it('picks the previous revision by default, or the one asked for', () => {
    expect(findRevision(d, rss)).toEqual({ rs: rss[1] });
    expect(findRevision(d, rss, 1)).toEqual({ rs: rss[0] });
    expect(findRevision(d, rss, 7)).toEqual({ error: 'unable to find specified revision 7 in history' });
    expect(findRevision(d, [rss[2]!])).toEqual({ error: 'no rollout history found for deployment "web"' });
  });

  it('builds kubectl\'s JSON patch: the template without its hash, the ReplicaSet\'s annotations', () => {
    const res = rollbackTo(d, rss[0]!, 1);
    expect(res).toEqual({
      kind: 'patch',
      message: 'rolled back',
      patch: [
        { op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } },
        { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'first' } },
      ],
    });
    expect(rollbackTo(d, rss[2]!, 3)).toEqual({ kind: 'skipped', message: 'skipped rollback (current template already matches revision 3)' });
    expect(rollbackTo({ ...d, spec: { ...d.spec, paused: true } }, rss[0]!)).toMatchObject({ kind: 'error', message: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again" });
  });

  it('lists revisions with their change-cause', () => {
    expect(rolloutHistory(d, rss)).toEqual([
      { revision: 1, changeCause: 'first' },
      { revision: 2, changeCause: '<none>' },
      { revision: 3, changeCause: '<none>' },
    ]);
  });
});
